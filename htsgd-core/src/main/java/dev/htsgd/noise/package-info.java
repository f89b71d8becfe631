/**
 * Step 1 of the data flow (noise -> landscape -> dynamics -> sim / theory -> run -> cli / report): the
 * heavy-tailed noise Z of the recursion (paper notes section 1) and its limiting Levy measure nu_alpha.
 *
 * <p>{@link dev.htsgd.noise.NoiseModel} is a one-dimensional law with its exact tail function H, cdf and
 * sampler (Pareto c U W, signed Lomax, the LD mixture, symmetric alpha-stable, Student-t, Gaussian);
 * {@link dev.htsgd.noise.VectorNoise} gives isotropic or coordinate-wise noise in R^d;
 * {@link dev.htsgd.noise.LevyMeasure} is nu_alpha with its masses of sets and lambda(eta) = eta^-1 H(eta^-1),
 * the rate the theory's time scales are built from.
 */
package dev.htsgd.noise;
