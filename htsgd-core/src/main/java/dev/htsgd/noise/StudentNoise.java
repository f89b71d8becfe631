package dev.htsgd.noise;

import dev.htsgd.check.Require;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student-t noise Z = s T_nu. H is regularly varying with index -nu, so alpha = nu; symmetric (p+ = 1/2).
 * Sampled exactly by Bailey's polar method (Math. Comp. 62, 1994), which needs no gamma variate.
 *
 * @param nu degrees of freedom (= alpha), in (0, inf)
 * @param scale s, in (0, inf)
 */
public record StudentNoise(double nu, double scale) implements SymmetricNoise {

    public StudentNoise {
        if (!(nu > 0) || Double.isInfinite(nu)) {
            throw new IllegalArgumentException("nu (= alpha) must be in (0, inf), got " + nu);
        }
        Require.positive("scale", scale);
    }

    public static StudentNoise of(double nu, double scale) {
        return new StudentNoise(nu, scale);
    }

    private TDistribution law() {
        return TDistribution.of(nu);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double u;
        double v;
        double w;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            w = u * u + v * v;
        } while (w > 1 || w == 0);
        // T = u sqrt(nu (w^(-2/nu) - 1) / w)
        return scale * u * Math.sqrt(nu * Math.expm1(-2 * Math.log(w) / nu) / w);
    }

    @Override
    public double survival(double x) {
        return law().survivalProbability(x / scale);
    }

    @Override
    public double cdf(double x) {
        return law().cumulativeProbability(x / scale);
    }

    @Override
    public double alpha() {
        return nu;
    }

    @Override
    public String name() {
        return "student";
    }

    @Override
    public String describe() {
        return "student: Z = s T_nu, nu=alpha=" + nu + ", s=" + scale;
    }
}
