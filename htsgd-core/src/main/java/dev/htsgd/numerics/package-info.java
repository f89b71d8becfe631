/**
 * Numerical building blocks shared by the theory (step 4 of the data flow): adaptive Gauss-Kronrod
 * quadrature ({@link dev.htsgd.numerics.GaussKronrod}), used for the exit measures' integrals against nu_alpha.
 */
package dev.htsgd.numerics;
