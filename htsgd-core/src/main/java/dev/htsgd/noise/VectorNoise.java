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

    String name();

    String describe();
}
