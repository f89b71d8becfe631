package dev.htsgd.sim.rare;

import dev.htsgd.check.Require;

/**
 * The noise of a rare-event experiment split into the heavy-tailed jumps that importance sampling tilts and a
 * Gaussian part it leaves alone: Z = c U W + c_normal N(0, 1) (paper notes section 1; LD Table 2.1 uses
 * signed Lomax W with alpha = 1.5, c = 0.2, c_normal = 5). U = +1 with probability p+, -1 otherwise.
 *
 * <p>{@link Family#LOMAX}: P(W &gt; w) = (1 + w)^-alpha, w &gt;= 0 (the LD papers). {@link Family#PARETO}:
 * Pareto type I, P(W &gt; w) = w^-alpha, w &gt;= 1 (the ICLR paper). {@code normalScale = 0} drops the
 * Gaussian part.
 *
 * @param family law of |W|
 * @param alpha tail index alpha of W, in (1, inf)
 * @param scale c, in (0, inf)
 * @param pPlus p+, in [0, 1]
 * @param normalScale c_normal, in [0, inf)
 */
public record JumpNoise(Family family, double alpha, double scale, double pPlus, double normalScale) {

    /** Law of the unsigned heavy part |W|. */
    public enum Family { LOMAX, PARETO }

    public JumpNoise {
        if (family == null) {
            throw new IllegalArgumentException("family must not be null");
        }
        Require.open("alpha", alpha, 1, Double.POSITIVE_INFINITY);
        Require.positive("scale", scale);
        Require.closed("pPlus", pPlus, 0, 1);
        Require.nonNegative("normalScale", normalScale);
    }

    /** The LD noise: c_pareto times symmetric signed Lomax(alpha) plus c_normal N(0, 1). */
    public static JumpNoise ldMixture(double alpha, double paretoScale, double normalScale) {
        return new JumpNoise(Family.LOMAX, alpha, paretoScale, 0.5, normalScale);
    }

    /** Symmetric c U W with W Pareto type I, no Gaussian part (the ICLR noise). */
    public static JumpNoise pareto(double alpha, double scale) {
        return new JumpNoise(Family.PARETO, alpha, scale, 0.5, 0);
    }

    /**
     * The decomposition of a noise model: {@code mixture} (signed Lomax plus Gaussian), {@code lomax} and
     * {@code pareto}; other families have no heavy part to tilt and are rejected naming {@code noise}.
     */
    public static JumpNoise from(dev.htsgd.noise.NoiseModel noise) {
        if (noise instanceof dev.htsgd.noise.MixtureNoise m) {
            return new JumpNoise(Family.LOMAX, m.alpha(), m.paretoScale(), m.pPlus(), m.normalScale());
        }
        if (noise instanceof dev.htsgd.noise.LomaxNoise l) {
            return new JumpNoise(Family.LOMAX, l.alpha(), l.scale(), l.pPlus(), 0);
        }
        if (noise instanceof dev.htsgd.noise.ParetoNoise p) {
            return new JumpNoise(Family.PARETO, p.alpha(), p.scale(), p.pPlus(), 0);
        }
        throw Require.fail("noise", noise.name() + ": rare-event estimation supports mixture, lomax "
                + "and pareto noise with p+ = 0.5 (" + noise.describe() + ")");
    }

    /** P(|W| &gt; w), exact. */
    public double unitTail(double w) {
        return switch (family) {
            case LOMAX -> w <= 0 ? 1.0 : Math.exp(-alpha * Math.log1p(w));
            case PARETO -> w <= 1 ? 1.0 : Math.exp(-alpha * Math.log(w));
        };
    }

    /** |W| from a uniform u in (0, 1] by inversion. */
    double unitFromUniform(double u) {
        return switch (family) {
            case LOMAX -> Math.expm1(-Math.log(u) / alpha);
            case PARETO -> Math.exp(-Math.log(u) / alpha);
        };
    }

    /** |W| conditioned on |W| &gt; a, from a uniform u in (0, 1] by inversion. */
    double unitAboveFromUniform(double u, double a) {
        return switch (family) {
            case LOMAX -> a <= 0 ? unitFromUniform(u) : (1 + a) * Math.exp(-Math.log(u) / alpha) - 1;
            case PARETO -> Math.max(a, 1) * Math.exp(-Math.log(u) / alpha);
        };
    }

    /**
     * |W| from a uniform u in (0, 1] by inversion under the proposal law of importance sampling: the law of
     * |W| above {@code a} with its tail index replaced by {@code beta} (heavier when beta &lt; alpha):
     * P(|W| &gt; w) = ((1 + w) / (1 + a))^-beta for Lomax, (w / max(a, 1))^-beta for Pareto.
     */
    double proposalFromUniform(double u, double a, double beta) {
        return switch (family) {
            case LOMAX -> (1 + a) * Math.exp(-Math.log(u) / beta) - 1;
            case PARETO -> Math.max(a, 1) * Math.exp(-Math.log(u) / beta);
        };
    }

    /** Ratio g(w) / f(w) of the proposal density of |W| (see {@link #proposalFromUniform}) to its true density, w &gt; a. */
    double proposalRatio(double w, double a, double beta) {
        return switch (family) {
            case LOMAX -> beta / alpha * Math.exp(beta * Math.log1p(a) + (alpha - beta) * Math.log1p(w));
            case PARETO -> beta / alpha * Math.exp(beta * Math.log(Math.max(a, 1)) + (alpha - beta) * Math.log(w));
        };
    }

    public String describe() {
        return "Z = " + scale + " U W" + (normalScale > 0 ? " + " + normalScale + " N(0,1)" : "") + ", W "
                + (family == Family.LOMAX ? "Lomax" : "Pareto I") + "(alpha=" + alpha + "), p+=" + pPlus;
    }
}
