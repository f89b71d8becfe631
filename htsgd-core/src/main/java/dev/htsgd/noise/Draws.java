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

    // Ziggurat of Marsaglia and Tsang (2000) with Doornik's (2005) ZIGNOR layout: 128 layers, the layer index
    // from bits independent of the uniform; exact (accept-reject), allocation-free.
    private static final int LAYERS = 128;
    private static final double R = 3.442619855899;
    private static final double V = 9.91256303526217e-3;
    private static final double[] X = new double[LAYERS + 1];
    private static final double[] RATIO = new double[LAYERS];

    static {
        double f = Math.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        X[LAYERS] = 0;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = Math.sqrt(-2 * Math.log(V / X[i - 1] + f));
            f = Math.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
        }
    }

    /** Standard normal N(0, 1) by the ziggurat method (Marsaglia and Tsang 2000, Doornik's ZIGNOR). */
    static double gaussian(UniformRandomProvider rng) {
        while (true) {
            long bits = rng.nextLong();
            double u = 2 * ((bits >>> 11) * TWO_POW_M53) - 1;
            int i = (int) (bits & (LAYERS - 1));
            if (Math.abs(u) < RATIO[i]) {
                return u * X[i];
            }
            if (i == 0) {
                // base layer: the tail beyond R (Marsaglia 1964)
                double x;
                double y;
                do {
                    x = Math.log(open(rng)) / R;
                    y = Math.log(open(rng));
                } while (-2 * y < x * x);
                return u < 0 ? x - R : R - x;
            }
            double x = u * X[i];
            double f0 = Math.exp(-0.5 * (X[i] * X[i] - x * x));
            double f1 = Math.exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
            if (f1 + rng.nextDouble() * (f0 - f1) < 1.0) {
                return x;
            }
        }
    }

    /** True with probability {@code pPlus}; uses one bit of {@code bits} when pPlus = 1/2. */
    static boolean plus(UniformRandomProvider rng, long bits, double pPlus) {
        if (pPlus == 0.5) {
            return (bits & 1L) == 0;
        }
        return rng.nextDouble() < pPlus;
    }

    /**
     * Writes r theta into out, theta uniform on the unit sphere (normalised Gaussians): the direction of
     * {@link IsotropicNoise} and of {@link AngularLaw.Uniform}.
     */
    static void onSphere(UniformRandomProvider rng, double[] out, int dimension, double r) {
        double norm2;
        do {
            norm2 = 0;
            for (int i = 0; i < dimension; i++) {
                double g = gaussian(rng);
                out[i] = g;
                norm2 += g * g;
            }
        } while (norm2 == 0);
        double f = r / Math.sqrt(norm2);
        for (int i = 0; i < dimension; i++) {
            out[i] *= f;
        }
    }
}
