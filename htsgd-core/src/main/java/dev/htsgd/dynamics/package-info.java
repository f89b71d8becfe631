/**
 * Step 3 of the data flow: the truncated heavy-tailed recursion
 * X_{k+1} = Proj(X_k - phi_b(eta f'(X_k) - eta sigma(X_k) Z_{k+1})) of paper notes section 1.
 *
 * <p>{@link dev.htsgd.dynamics.Clipping} is the truncation operator phi_b (norm or per-coordinate),
 * {@link dev.htsgd.dynamics.Sigma} the noise coefficient sigma(x), {@link dev.htsgd.dynamics.ClippedSgd} one
 * configured recursion with an allocation-free step, and {@link dev.htsgd.dynamics.DivergenceException} the
 * stop, with its step and state, when the iterate or gradient is no longer finite.
 */
package dev.htsgd.dynamics;
