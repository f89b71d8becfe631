package dev.htsgd.noise;

import dev.htsgd.check.Require;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * d-dimensional noise with i.i.d. coordinates Z_i from a scalar {@link NoiseModel}. For heavy-tailed
 * coordinates ||Z|| is regularly varying with the same alpha and the limiting angular law S puts its mass
 * on the coordinate axes (one big jump at a time).
 *
 * <p>{@link #radialTail(double)}: exact for d = 1 (H) and for Gaussian coordinates (chi law with d degrees
 * of freedom). Otherwise there is no closed form and it returns P(max_i |Z_i| &gt; x) = 1 - (1 - H(x))^d,
 * a lower bound on P(||Z|| &gt; x) that is tail-equivalent to it (both ~ d H(x) as x -&gt; inf, since Z_i^2 is
 * subexponential): exact to first order on the time scales where lambda(eta) is used.
 *
 * @param coordinate the law of each coordinate
 * @param dimension d &gt;= 1
 */
public record IndependentNoise(NoiseModel coordinate, int dimension) implements VectorNoise {

    public IndependentNoise {
        Require.given("coordinate", coordinate, "noise must be given");
        Require.atLeast("dimension", dimension, 1);
    }

    public static IndependentNoise of(NoiseModel coordinate, int dimension) {
        return new IndependentNoise(coordinate, dimension);
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        for (int i = 0; i < dimension; i++) {
            out[i] = coordinate.sample(rng);
        }
    }

    @Override
    public double alpha() {
        return coordinate.alpha();
    }

    @Override
    public double radialTail(double x) {
        if (x <= 0) {
            return 1.0;
        }
        if (dimension == 1) {
            return coordinate.tail(x);
        }
        if (coordinate instanceof GaussianNoise g) {
            double y = x / g.scale();
            return ChiSquaredDistribution.of(dimension).survivalProbability(y * y);
        }
        // 1 - (1 - H)^d without cancellation
        return -Math.expm1(dimension * Math.log1p(-coordinate.tail(x)));
    }

    /**
     * S on the axes, S(+-e_k) = p+- / d with the coordinate's tail weights: the largest of d i.i.d. heavy-tailed
     * coordinates dominates, and {@link #radialTail} ~ d H shares the mass equally.
     */
    @Override
    public AngularLaw angularLaw() {
        return AngularLaw.axes(dimension, coordinate.pPlus());
    }

    @Override
    public String name() {
        return "independent-" + coordinate.name();
    }

    @Override
    public String describe() {
        return "independent d=" + dimension + ", Z_i i.i.d. " + coordinate.describe();
    }
}
