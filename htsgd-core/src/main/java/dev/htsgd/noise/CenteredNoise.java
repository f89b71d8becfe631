package dev.htsgd.noise;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The mean-zero law Z - E Z of a noise with a finite mean (the paper assumes E Z = 0). Shifting does not
 * change alpha, p+ or the Levy measure; the tail is exact: H(x) = P(Z &gt; x + m) + P(Z &lt; m - x).
 *
 * @param base the uncentred law, with alpha &gt; 1
 * @param shift m = E Z of {@code base}
 */
public record CenteredNoise(NoiseModel base, double shift) implements NoiseModel {

    public CenteredNoise {
        if (!Double.isFinite(shift)) {
            throw new IllegalArgumentException("shift must be finite, got " + shift);
        }
    }

    public static CenteredNoise of(NoiseModel base) {
        base.requireFiniteMean();
        return new CenteredNoise(base, base.mean());
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return base.sample(rng) - shift;
    }

    @Override
    public double tail(double x) {
        if (x <= 0) {
            return 1.0;
        }
        return Math.min(1.0, base.survival(x + shift) + base.cdf(shift - x));
    }

    @Override
    public double survival(double x) {
        return base.survival(x + shift);
    }

    @Override
    public double cdf(double x) {
        return base.cdf(x + shift);
    }

    @Override
    public double alpha() {
        return base.alpha();
    }

    @Override
    public double pPlus() {
        return base.pPlus();
    }

    @Override
    public double mean() {
        return 0.0;
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public String describe() {
        return base.describe() + ", centred (minus E Z = " + shift + ")";
    }
}
