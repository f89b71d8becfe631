package dev.htsgd.noise;

import dev.htsgd.check.Require;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Gaussian noise Z = s N(0, 1), the light-tailed comparison of the papers (alpha = +infinity: it has no
 * Levy measure, and lambda(eta) decays faster than any power of eta).
 *
 * @param scale s, the standard deviation, in (0, inf)
 */
public record GaussianNoise(double scale) implements SymmetricNoise {

    public GaussianNoise {
        Require.positive("scale", scale);
    }

    public static GaussianNoise of(double scale) {
        return new GaussianNoise(scale);
    }

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    @Override
    public double sample(UniformRandomProvider rng) {
        return scale * Draws.gaussian(rng);
    }

    @Override
    public double survival(double x) {
        return STANDARD.survivalProbability(x / scale);
    }

    @Override
    public double cdf(double x) {
        return STANDARD.cumulativeProbability(x / scale);
    }

    @Override
    public double alpha() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public String describe() {
        return "gaussian: Z = s N(0,1), s=" + scale;
    }
}
