package dev.htsgd.dynamics;

import dev.htsgd.check.Names;

/**
 * Which engine advances the paths of an experiment.
 *
 * <ul>
 *   <li>{@link #SCALAR}: one path at a time ({@link ClippedSgd#step(double, org.apache.commons.rng.UniformRandomProvider)}).
 *   <li>{@link #VECTOR}: K paths at once in the lanes of a SIMD vector ({@link LaneEngine}); K is the platform's
 *       vector width in doubles (4 with AVX2, 8 with AVX-512). Needs the {@code jdk.incubator.vector} module
 *       and a supported configuration (a built-in 1-D landscape or an {@code expr:} formula, a scalar noise,
 *       constant sigma); asking for it otherwise is an error.
 *   <li>{@link #AUTO}: the vector engine when it is available, supports the configuration and there are at
 *       least K paths; the scalar engine otherwise.
 * </ul>
 *
 * <p>A run is a pure function of (settings, seed, engine). The two engines draw from different generators
 * (see {@link LaneEngine}), so their results agree in distribution, not path by path.
 */
public enum Engine {
    SCALAR, VECTOR, AUTO;

    /** The name used on the command line and in outputs. */
    public String cliName() {
        return Names.of(this);
    }

    /** Parses {@code scalar | vector | auto}; {@code parameter} names the option in the error. */
    public static Engine parse(String s, String parameter) {
        return Names.parse(parameter, values(), s);
    }
}
