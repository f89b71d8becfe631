package dev.htsgd.noise;

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
public record LomaxNoise(double alpha, double scale, double pPlus) implements SignedNoise {

    public LomaxNoise {
        SignedNoise.check(alpha, scale, pPlus);
    }

    public static LomaxNoise of(double alpha, double scale) {
        return new LomaxNoise(alpha, scale, 0.5);
    }

    public static LomaxNoise of(double alpha, double scale, double pPlus) {
        return new LomaxNoise(alpha, scale, pPlus);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return draw(rng, alpha, scale, pPlus);
    }

    /** One signed Lomax c U W: the one sampler of this law (the mixture noise draws its heavy part here). */
    static double draw(UniformRandomProvider rng, double alpha, double scale, double pPlus) {
        long bits = rng.nextLong();
        // W = u^(-1/alpha) - 1 with u on (0, 1]; expm1 keeps small W accurate
        double w = scale * Math.expm1(-Math.log(Draws.openZeroClosedOne(bits)) / alpha);
        return Draws.plus(rng, bits, pPlus) ? w : -w;
    }

    /** P(W &gt; w) = (1 + w)^-alpha of the unsigned unit Lomax, w &gt;= 0. */
    @Override
    public double unitTail(double w) {
        return Math.exp(-alpha * Math.log1p(w));
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
