package dev.htsgd.noise;

import dev.htsgd.check.Require;

/**
 * The limiting Levy measure of a d-dimensional heavy-tailed noise (paper notes, sections 1 and 3, multi-d):
 * nu_alpha(dw) = alpha r^(-alpha-1) dr S(dtheta) for w = r theta, so nu{ ||w|| &gt; x } = x^-alpha. Paired with
 * lambda(eta) = eta^-1 P(||Z|| &gt; 1/eta) of the same noise ({@link VectorNoise#lambda}); in one dimension with
 * S = {@link AngularLaw.Axes} it is the scalar {@link LevyMeasure}.
 *
 * @param alpha tail index in (0, inf)
 * @param angular the angular law S
 */
public record VectorLevyMeasure(double alpha, AngularLaw angular) {

    public VectorLevyMeasure {
        Require.open("alpha", alpha, 0, Double.POSITIVE_INFINITY);
        Require.given("angular", angular, "law must be given");
    }

    public int dimension() {
        return angular.dimension();
    }

    /** nu{ ||w|| &gt; x } = x^-alpha for x &gt; 0. */
    public double radialTail(double x) {
        return x <= 0 ? Double.POSITIVE_INFINITY : Math.pow(x, -alpha);
    }

    /** nu{ lo &lt; ||w|| &lt;= hi } (hi may be infinite). */
    public double radialMass(double lo, double hi) {
        if (!(hi > lo)) {
            return 0;
        }
        return radialTail(lo) - (Double.isInfinite(hi) ? 0 : radialTail(hi));
    }
}
