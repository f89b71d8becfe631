package dev.htsgd.noise;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The law of the scalar noise Z_j of the recursion (paper notes, section 1).
 *
 * <p>Implementations are immutable and thread-safe; all randomness comes from the caller's
 * {@link UniformRandomProvider}, so a run is a pure function of its seed. {@link #tail(double)} is the
 * exact H(x) = P(|Z| &gt; x) of this law, scale included, and {@link #lambda(double)} is the paper's
 * time-scale function lambda(eta) = eta^-1 H(eta^-1) computed from it.
 */
public interface NoiseModel {

    /** Draws one Z; must not allocate. */
    double sample(UniformRandomProvider rng);

    /** Exact tail H(x) = P(|Z| &gt; x) for x &gt;= 0. */
    double tail(double x);

    /** Exact distribution function P(Z &lt;= x), used by goodness-of-fit tests. */
    double cdf(double x);

    /** Exact survival function P(Z &gt; x); accurate far in the tail (no 1 - cdf cancellation). */
    default double survival(double x) {
        return 1.0 - cdf(x);
    }

    /** E Z, or NaN when the law has no mean (alpha &lt;= 1). */
    default double mean() {
        return Double.NaN;
    }

    /**
     * Checks that E|Z| is finite (alpha &gt; 1), as the theory of the paper needs; returns this.
     * Samplers accept alpha in (0, 1] (the law is well defined); commands that use the theory call this.
     *
     * @throws dev.htsgd.check.InvalidParameterException naming {@code alpha} when alpha &lt;= 1
     */
    default NoiseModel requireFiniteMean() {
        if (!(alpha() > 1)) {
            throw dev.htsgd.check.Require.fail("alpha", "must be in (1, inf) for " + name()
                    + " noise here (the theory needs a finite mean E|Z|), got " + alpha());
        }
        return this;
    }

    /**
     * The law of Z - E Z, which has mean zero as the paper assumes; this model itself when its mean is
     * already zero. Requires a finite mean.
     */
    default NoiseModel centered() {
        requireFiniteMean();
        double m = mean();
        return m == 0.0 ? this : CenteredNoise.of(this);
    }

    /** Tail index alpha of H (regularly varying with index -alpha); +infinity for light-tailed laws. */
    double alpha();

    /** p+ = lim P(Z &gt; x) / H(x). */
    double pPlus();

    /** p- = 1 - p+. */
    default double pMinus() {
        return 1.0 - pPlus();
    }

    /** True when H is regularly varying with a finite index. */
    default boolean isHeavyTailed() {
        return Double.isFinite(alpha());
    }

    /** lambda(eta) = eta^-1 H(eta^-1), from the exact tail. */
    default double lambda(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be in (0, inf), got " + eta);
        }
        return tail(1.0 / eta) / eta;
    }

    /** The limiting Levy measure nu_alpha of this law; only for heavy-tailed laws. */
    default LevyMeasure levyMeasure() {
        if (!isHeavyTailed()) {
            throw new IllegalStateException(name() + " noise is light-tailed: it has no Levy measure");
        }
        return LevyMeasure.of(alpha(), pPlus());
    }

    /** Short family name as used on the command line (pareto, lomax, stable, ...). */
    String name();

    /** One line with the family and all parameters, for provenance. */
    String describe();
}
