package dev.htsgd.dl.train;

import dev.htsgd.noise.LomaxNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Which Pareto law the multiplier W of the heavy-tailed step follows (an open point of the paper).
 * Both have tail P(W &gt; w) ~ w^-alpha; htsgd's default is {@link #TYPE_I} with a positive sign: the noise
 * direction g_SB* - g_LB is already centred, so a random sign adds nothing in law.
 */
public enum ParetoType {
    /** Pareto type I with scale 1: P(W &gt; w) = w^-alpha for w &gt;= 1 (W &gt;= 1). */
    TYPE_I,
    /** Lomax (Pareto type II, numpy's {@code random.pareto}): P(W &gt; w) = (1 + w)^-alpha for w &gt;= 0. */
    LOMAX;

    /**
     * A sampler of W with tail index {@code alpha} driven by {@code rng}: htsgd-core's {@link ParetoNoise} or
     * {@link LomaxNoise} with scale 1 and p+ = 1 (positive sign).
     */
    public Sampler sampler(UniformRandomProvider rng, double alpha) {
        NoiseModel law = this == TYPE_I ? ParetoNoise.of(alpha, 1.0, 1.0) : LomaxNoise.of(alpha, 1.0, 1.0);
        return () -> law.sample(rng);
    }

    /** Draws one W. */
    @FunctionalInterface
    public interface Sampler {
        /** @return the next W */
        double sample();
    }

    /** Parses type1 or lomax. */
    public static ParetoType of(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "type1", "type-i", "pareto", "i" -> TYPE_I;
            case "lomax", "type2", "type-ii", "ii" -> LOMAX;
            default -> throw new IllegalArgumentException("pareto must be type1 or lomax, got " + name);
        };
    }
}
