/**
 * Step 4b of the data flow: the theory of paper notes sections 2-4 for a landscape, a noise and a threshold b.
 *
 * <p>{@link dev.htsgd.theory.CriticalPoints1D} finds minima m_i and maxima s_i; {@link dev.htsgd.theory.AttractionField}
 * and {@link dev.htsgd.theory.BasinRadius} give the fields I_i and widths r_i; {@link dev.htsgd.theory.TransitionGraph}
 * holds l*(i, j) and the jump numbers J_i = ceil(r_i / b); {@link dev.htsgd.theory.ExitMeasure} computes the exit
 * rates q_b(i, j) = C_{J_i}(I_j; m_i); {@link dev.htsgd.theory.JumpProcess} is the limiting Markov jump process on
 * the widest minima with its generator and stationary law; {@link dev.htsgd.theory.TimeScales} the time scales
 * lambda(eta)^J; {@link dev.htsgd.theory.ClipControl} which minima survive as b varies.
 * {@link dev.htsgd.theory.LandscapeAnalysis} runs all of it in one call.
 *
 * <p>In R^d (section 3, multi-d) {@link dev.htsgd.theory.FlowFields} holds the fields, computed in steps by
 * package-private classes named after what they find: {@code MinimiserSets} the minimisers m_i, {@code FieldLabels}
 * the field I_i of a point, {@code RaySearch} r_i = dist(m_i, I_i^c) and dist(m_i, I_j), {@code InwardDrift} the
 * drift assumption behind J_i = ceil(r_i / b). {@link dev.htsgd.theory.ExitMeasureRd} computes q_b(i, j) by
 * {@code OneJumpQuadrature} (J_i = 1) or {@code MultiJumpMonteCarlo} (any J_i).
 */
package dev.htsgd.theory;
