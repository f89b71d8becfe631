/**
 * Flatness and curvature of a trained network (issue 8; paper notes section 6).
 *
 * <p>Everything works on a {@link dev.htsgd.dl.sharpness.LossFunction}: the training loss L(theta) of the paper,
 * seen as a function of the flat parameter vector theta. {@link dev.htsgd.dl.sharpness.NetworkLoss} is the DJL
 * (PyTorch engine) implementation over a {@link ai.djl.nn.Block} and a labelled data set, with exact
 * Hessian-vector products by double back-propagation; {@link dev.htsgd.dl.sharpness.QuadraticLoss} is the closed
 * form used in tests. On top of it:
 * <ul>
 *   <li>{@link dev.htsgd.dl.sharpness.ExpectedSharpness}: the paper's metric E|L(theta + v) - L(theta)|,
 *       v ~ N(0, delta^2 I), with a standard error;</li>
 *   <li>{@link dev.htsgd.dl.sharpness.WorstCaseSharpness}: Keskar et al.'s epsilon-sharpness in a box or a ball,
 *       by projected gradient ascent;</li>
 *   <li>{@link dev.htsgd.dl.sharpness.HessianSpectrum}: top-k eigenvalues (Lanczos), spectral density (stochastic
 *       Lanczos quadrature) and per-layer values; {@link dev.htsgd.dl.sharpness.HessianTrace}: Hutchinson's trace
 *       estimator with a confidence interval;</li>
 *   <li>{@link dev.htsgd.dl.sharpness.Sharpness}: one-call entry points for the training command.</li>
 * </ul>
 */
package dev.htsgd.dl.sharpness;
