package dev.htsgd.noise;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Pareto noise with a random sign, Z = c U W (paper notes, section 1; the ICLR simulations use c = 0.1,
 * alpha = 1.2, p+ = 1/2): W is Pareto type I with P(W &gt; w) = w^-alpha for w &gt;= 1, U = +1 with probability
 * p+ and -1 otherwise, independent of W.
 *
 * <p>Exact law: H(x) = P(|Z| &gt; x) = (x/c)^-alpha for x &gt;= c and 1 below; P(Z &gt; x) = p+ (x/c)^-alpha for
 * x &gt;= c. Hence lambda(eta) = eta^-1 (eta c)^alpha for eta &lt;= 1/c. The limiting Levy measure is
 * nu_alpha with weights (p+, p-). E Z = c (2 p+ - 1) alpha / (alpha - 1) for alpha &gt; 1: use
 * {@link #centered()} for the mean-zero law when p+ != 1/2.
 *
 * @param alpha tail index alpha, in (0, inf)
 * @param scale c, in (0, inf)
 * @param pPlus p+ = P(U = +1), in [0, 1]
 */
public record ParetoNoise(double alpha, double scale, double pPlus) implements SignedNoise {

    public ParetoNoise {
        SignedNoise.check(alpha, scale, pPlus);
    }

    /** Symmetric Z = c U W (p+ = 1/2). */
    public static ParetoNoise of(double alpha, double scale) {
        return new ParetoNoise(alpha, scale, 0.5);
    }

    public static ParetoNoise of(double alpha, double scale, double pPlus) {
        return new ParetoNoise(alpha, scale, pPlus);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        long bits = rng.nextLong();
        // inverse transform: W = u^(-1/alpha), u uniform on (0, 1]
        double w = scale * Math.pow(Draws.openZeroClosedOne(bits), -1.0 / alpha);
        return Draws.plus(rng, bits, pPlus) ? w : -w;
    }

    /** P(W &gt; w) = w^-alpha for w &gt;= 1, 1 below. */
    @Override
    public double unitTail(double w) {
        return w < 1 ? 1.0 : Math.pow(w, -alpha);
    }

    /** Closed form lambda(eta) = eta^-1 (eta c)^alpha for eta c &lt;= 1, 1/eta otherwise. */
    @Override
    public double lambda(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be in (0, inf), got " + eta);
        }
        return eta * scale <= 1 ? Math.pow(eta * scale, alpha) / eta : 1.0 / eta;
    }

    @Override
    public double mean() {
        return alpha > 1 ? scale * (2 * pPlus - 1) * alpha / (alpha - 1) : Double.NaN;
    }

    @Override
    public String name() {
        return "pareto";
    }

    @Override
    public String describe() {
        return "pareto: Z = c U W, P(W > w) = w^-alpha (w >= 1), alpha=" + alpha + ", c=" + scale + ", p+=" + pPlus;
    }
}
