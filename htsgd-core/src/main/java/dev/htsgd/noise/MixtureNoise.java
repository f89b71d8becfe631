package dev.htsgd.noise;

import dev.htsgd.check.Require;
import dev.htsgd.numerics.GaussKronrod;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The LD papers' noise Z = c_pareto W + c_normal N (paper notes, section 1; Table 2.1 uses c_pareto = 0.2,
 * c_normal = 5, alpha = 1.5): W signed Lomax, P(W &gt; w) = p+ (1+w)^-alpha and P(-W &gt; w) = p- (1+w)^-alpha
 * (w &gt;= 0), N ~ N(0, 1) independent of W.
 *
 * <p>The law of Z is the convolution of the two; its CDF and survival function are computed from the
 * convolution integral P(Z &gt; x) = int phi(n) P(c_pareto W &gt; x - c_normal n) dn, over |n| &lt;= 9 (the
 * neglected Gaussian mass is below 2e-19), split at the kink n = x / c_normal, by adaptive Gauss-Legendre
 * quadrature to a relative accuracy of 1e-12 (see {@link GaussKronrod}); the error is dominated by that
 * tolerance, far below what a goodness-of-fit test can see. Tail index alpha, p+ of W; H(x) ~ c_pareto^alpha
 * x^-alpha.
 *
 * @param alpha tail index alpha of W, in (0, inf)
 * @param paretoScale c_pareto, in (0, inf)
 * @param normalScale c_normal, in (0, inf)
 * @param pPlus p+ of W, in [0, 1]
 */
public record MixtureNoise(double alpha, double paretoScale, double normalScale, double pPlus) implements NoiseModel {

    private static final double CUTOFF = 9.0;

    public MixtureNoise {
        Require.positive("alpha", alpha);
        Require.positive("paretoScale", paretoScale);
        Require.positive("normalScale", normalScale);
        Require.closed("pPlus", pPlus, 0, 1);
    }

    public static MixtureNoise of(double alpha, double paretoScale, double normalScale) {
        return new MixtureNoise(alpha, paretoScale, normalScale, 0.5);
    }

    public static MixtureNoise of(double alpha, double paretoScale, double normalScale, double pPlus) {
        return new MixtureNoise(alpha, paretoScale, normalScale, pPlus);
    }

    private LomaxNoise heavy() {
        return new LomaxNoise(alpha, paretoScale, pPlus);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return LomaxNoise.draw(rng, alpha, paretoScale, pPlus) + normalScale * Draws.gaussian(rng);
    }

    private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

    /** int phi(n) g(x - c_normal n) dn for g the CDF or the survival of the heavy part. */
    private double convolve(double x, boolean upper) {
        LomaxNoise h = heavy();
        double kink = Math.max(-CUTOFF, Math.min(CUTOFF, x / normalScale));
        java.util.function.DoubleUnaryOperator f = upper
                ? n -> STANDARD.density(n) * h.survival(x - normalScale * n)
                : n -> STANDARD.density(n) * h.cdf(x - normalScale * n);
        return GaussKronrod.integrate(f, -CUTOFF, kink) + GaussKronrod.integrate(f, kink, CUTOFF);
    }

    @Override
    public double survival(double x) {
        return Math.min(1.0, Math.max(0.0, convolve(x, true)));
    }

    @Override
    public double cdf(double x) {
        return Math.min(1.0, Math.max(0.0, convolve(x, false)));
    }

    @Override
    public double tail(double x) {
        if (x <= 0) {
            return 1.0;
        }
        return Math.min(1.0, survival(x) + cdf(-x));
    }

    @Override
    public double mean() {
        return alpha > 1 ? heavy().mean() : Double.NaN;
    }

    @Override
    public String name() {
        return "mixture";
    }

    @Override
    public String describe() {
        return "mixture: Z = c_pareto W + c_normal N(0,1), P(|W| > w) = (1+w)^-alpha, alpha=" + alpha
                + ", c_pareto=" + paretoScale + ", c_normal=" + normalScale + ", p+=" + pPlus;
    }
}
