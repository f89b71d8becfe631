package dev.htsgd.stats;

import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.VectorNoise;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Samples for the tail-index tests: n draws of a scalar law, or n vectors laid out row by row. */
final class TestSamples {

    private TestSamples() {
    }

    /** n draws of {@code m} from a XO_RO_SHI_RO_128_PP generator seeded with {@code seed}. */
    static double[] draw(NoiseModel m, long seed, int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m.sample(rng);
        }
        return x;
    }

    /** n vectors of {@code m} from a XO_RO_SHI_RO_128_PP generator seeded with {@code seed}. */
    static double[] vectors(VectorNoise m, long seed, int n) {
        return vectors(m, RandomSource.XO_RO_SHI_RO_128_PP.create(seed), n);
    }

    /** n vectors of {@code m} (dimension d) from {@code rng}, vector i at [i d, (i + 1) d). */
    static double[] vectors(VectorNoise m, UniformRandomProvider rng, int n) {
        int d = m.dimension();
        double[] x = new double[n * d];
        double[] v = new double[d];
        for (int i = 0; i < n; i++) {
            m.sample(rng, v);
            System.arraycopy(v, 0, x, i * d, d);
        }
        return x;
    }
}
