package dev.htsgd.noise;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The law of a d-dimensional noise vector Z_j (paper notes, section 1, multi-d): ||Z|| regularly varying,
 * the direction Z/||Z|| with a limiting angular law S.
 */
public interface VectorNoise {

    int dimension();

    /** Writes one draw of Z into {@code out} (length {@link #dimension()}); must not allocate. */
    void sample(UniformRandomProvider rng, double[] out);

    /** Tail index of ||Z||; +infinity for light-tailed laws. */
    double alpha();

    /** Exact P(||Z|| &gt; x). */
    double radialTail(double x);

    /** lambda(eta) = eta^-1 P(||Z|| &gt; eta^-1). */
    default double lambda(double eta) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be in (0, inf), got " + eta);
        }
        return radialTail(1.0 / eta) / eta;
    }

    /**
     * The limiting angular law S of Z / ||Z|| (heavy-tailed laws). A law that does not declare one has no d-D
     * theory: the default refuses rather than guess.
     */
    default AngularLaw angularLaw() {
        throw new UnsupportedOperationException(name() + " noise declares no angular law S: the d-D theory needs it");
    }

    /**
     * The limiting Levy measure nu_alpha(dw) = alpha r^(-alpha-1) dr S(dtheta), to be used with {@link #lambda};
     * only for heavy-tailed laws.
     */
    default VectorLevyMeasure levyMeasure() {
        if (!Double.isFinite(alpha())) {
            throw new IllegalStateException(name() + " noise is light-tailed: it has no Levy measure");
        }
        return new VectorLevyMeasure(alpha(), angularLaw());
    }

    String name();

    String describe();
}
