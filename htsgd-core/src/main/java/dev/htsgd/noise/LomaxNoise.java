package dev.htsgd.noise;

import dev.htsgd.check.Require;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Signed Lomax noise Z = c U W of the LD papers (paper notes, section 1): P(W &gt; w) = (1 + w)^-alpha for
 * w &gt;= 0, U = +1 with probability p+ and -1 otherwise.
 *
 * <p>Exact law: H(x) = (1 + x/c)^-alpha, P(Z &gt; x) = p+ (1 + x/c)^-alpha for x &gt;= 0, so H is regularly
 * varying with index -alpha and H(x) ~ c^alpha x^-alpha. E Z = c (2 p+ - 1) / (alpha - 1) for alpha &gt; 1.
 *
 * @param alpha tail index alpha, in (0, inf)
 * @param scale c, in (0, inf)
 * @param pPlus p+, in [0, 1]
 */
public record LomaxNoise(double alpha, double scale, double pPlus) implements NoiseModel {

    public LomaxNoise {
        Require.positive("alpha", alpha);
        Require.positive("scale", scale);
        Require.closed("pPlus", pPlus, 0, 1);
    }

    public static LomaxNoise of(double alpha, double scale) {
        return new LomaxNoise(alpha, scale, 0.5);
    }

    public static LomaxNoise of(double alpha, double scale, double pPlus) {
        return new LomaxNoise(alpha, scale, pPlus);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        long bits = rng.nextLong();
        // W = u^(-1/alpha) - 1 with u on (0, 1]; expm1 keeps small W accurate
        double w = scale * Math.expm1(-Math.log(Draws.openZeroClosedOne(bits)) / alpha);
        return Draws.plus(rng, bits, pPlus) ? w : -w;
    }

    /** P(W &gt; w) of the unsigned unit Lomax, w &gt;= 0. */
    static double unitTail(double alpha, double w) {
        return Math.exp(-alpha * Math.log1p(w));
    }

    @Override
    public double tail(double x) {
        return x <= 0 ? 1.0 : unitTail(alpha, x / scale);
    }

    @Override
    public double survival(double x) {
        return x >= 0 ? pPlus * unitTail(alpha, x / scale) : 1.0 - (1.0 - pPlus) * unitTail(alpha, -x / scale);
    }

    @Override
    public double cdf(double x) {
        return x >= 0 ? 1.0 - pPlus * unitTail(alpha, x / scale) : (1.0 - pPlus) * unitTail(alpha, -x / scale);
    }

    @Override
    public double mean() {
        return alpha > 1 ? scale * (2 * pPlus - 1) / (alpha - 1) : Double.NaN;
    }

    @Override
    public String name() {
        return "lomax";
    }

    @Override
    public String describe() {
        return "lomax: Z = c U W, P(W > w) = (1+w)^-alpha, alpha=" + alpha + ", c=" + scale + ", p+=" + pPlus;
    }
}
