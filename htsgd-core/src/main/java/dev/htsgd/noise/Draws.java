package dev.htsgd.noise;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Allocation-free primitive draws from a caller's generator, shared by the noise families. Commons RNG
 * samplers bind a generator at construction; noise models are immutable and take the generator per call,
 * so the few primitives they need live here.
 */
final class Draws {

    private static final double TWO_POW_M53 = 0x1.0p-53;

    private Draws() {
    }

    /** Uniform on (0, 1], from the 53 high bits of {@code bits}. */
    static double openZeroClosedOne(long bits) {
        return ((bits >>> 11) + 1L) * TWO_POW_M53;
    }

    /** Uniform on the open interval (0, 1). */
    static double open(UniformRandomProvider rng) {
        return ((rng.nextLong() >>> 11) + 0.5) * TWO_POW_M53;
    }

    /**
     * Standard normal N(0, 1) by Marsaglia's polar method (the second variate is discarded so that the
     * model stays stateless). Exact in law.
     */
    static double gaussian(UniformRandomProvider rng) {
        double u;
        double v;
        double s;
        do {
            u = 2 * rng.nextDouble() - 1;
            v = 2 * rng.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    /** True with probability {@code pPlus}; uses one bit of {@code bits} when pPlus = 1/2. */
    static boolean plus(UniformRandomProvider rng, long bits, double pPlus) {
        if (pPlus == 0.5) {
            return (bits & 1L) == 0;
        }
        return rng.nextDouble() < pPlus;
    }
}
