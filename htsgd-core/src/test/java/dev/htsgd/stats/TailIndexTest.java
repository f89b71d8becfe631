package dev.htsgd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.noise.StableNoise;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Tail-index recovery from N = 100,000 samples, fixed seeds, tolerance 0.1 (Must show of issue 3). Measured
 * values are printed to the test output (target/surefire-reports/dev.htsgd.stats.TailIndexTest-output.txt).
 * Each estimator is asserted within 0.1 on the law it is built for (block: stable; Hill: Pareto) and on the
 * other law where it holds; the documented failures (block on Pareto, Hill on stable alpha = 1.8) are
 * asserted as biases in the documented direction so that a change is noticed.
 */
class TailIndexTest {

    static final int N = 100_000;

    static double[] draw(NoiseModel m, long seed) {
        return TestSamples.draw(m, seed, N);
    }

    /** Hill and block estimates of one sample, printed for the log. */
    record Both(TailIndexEstimate hill, TailIndexEstimate block) {
        static Both of(String law, double alpha, double[] x) {
            Both e = new Both(HillTailIndex.estimate(x), BlockTailIndex.estimate(x));
            System.out.printf("%s alpha=%.1f hill=%.4f (se %.4f, k=%d) block=%.4f (se %.4f, m=%d)%n", law, alpha,
                    e.hill.alpha(), e.hill.standardError(), e.hill.parameter(), e.block.alpha(),
                    e.block.standardError(), e.block.parameter());
            return e;
        }
    }

    /** The estimate within 0.1 of alpha and its interval around alpha. */
    private static void assertCovers(TailIndexEstimate e, double alpha) {
        assertThat(e.alpha()).isCloseTo(alpha, within(0.1));
        assertThat(e.low()).isLessThan(alpha);
        assertThat(e.high()).isGreaterThan(alpha);
    }

    @ParameterizedTest(name = "alpha={0}")
    @ValueSource(doubles = {1.2, 1.5, 1.8})
    void recoversAlphaOnParetoSamples(double alpha) {
        Both e = Both.of("pareto", alpha, draw(ParetoNoise.of(alpha, 0.1), 11));
        assertCovers(e.hill(), alpha);
        // documented bias of the block estimator on non-stable data: it overestimates
        assertThat(e.block().alpha()).isBetween(alpha, alpha + 0.3);
    }

    @ParameterizedTest(name = "alpha={0}")
    @ValueSource(doubles = {1.2, 1.5, 1.8})
    void recoversAlphaOnStableSamples(double alpha) {
        Both e = Both.of("stable", alpha, draw(StableNoise.of(alpha, 1.0), 12));
        assertCovers(e.block(), alpha);
        if (alpha < 1.75) {
            assertThat(e.hill().alpha()).isCloseTo(alpha, within(0.1));
        } else {
            assertThat(e.hill().alpha()).isGreaterThan(alpha + 0.1); // McCulloch (1997): Hill overestimates near 2
        }
    }

    @Test
    void blockEstimatorIsExactInExpectationForStableAtOneBlockSize() {
        // 1/alpha_hat(m) averages to 1/alpha for stable data; 20 replications of 20,000 samples,
        // tolerance 4 standard errors of the mean of the replications
        double[] inv = new double[20];
        for (int r = 0; r < inv.length; r++) {
            inv[r] = BlockTailIndex.inverseAlpha(TestSamples.draw(StableNoise.of(1.5, 2.0), 100 + r, 20_000), 50);
        }
        double mean = Arrays.stream(inv).average().orElseThrow();
        double se = Math.sqrt(Arrays.stream(inv).map(v -> (v - mean) * (v - mean)).sum() / inv.length / (inv.length - 1));
        assertThat(mean).isCloseTo(1 / 1.5, within(4 * se));
    }

    @Test
    void blockSizesAndHillK() {
        assertThat(BlockTailIndex.blockSizes(100_000)).containsExactly(4, 8, 16, 32, 64, 128, 256, 512);
        assertThat(BlockTailIndex.blockSizes(100)).containsExactly(4, 8);
        assertThat(HillTailIndex.defaultK(100_000)).isEqualTo(2154);
        assertThat(HillTailIndex.defaultK(1000)).isEqualTo(100);
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> HillTailIndex.estimate(new double[0])).hasMessage("samples must not be empty");
        assertThatThrownBy(() -> BlockTailIndex.estimate(new double[] {1, 2, Double.NaN}))
                .hasMessage("samples entry 3 is not finite: NaN");
        assertThatThrownBy(() -> BlockTailIndex.estimate(new double[20])).hasMessageContaining("at least 40 samples");
        assertThatThrownBy(() -> HillTailIndex.estimate(new double[] {1, 1, 1, 1})).hasMessageContaining("all equal");
    }

    /**
     * The 95% intervals cover alpha where the estimator's model holds: 40 replications of n = 20,000 (block on
     * stable alpha = 1.5, Hill on Pareto alpha = 1.5). With true coverage 0.95 the count of covering intervals
     * is Binomial(40, 0.95); at least 33 is asserted (P(X &lt;= 32) ~ 0.003 under 0.95 coverage).
     */
    @Test
    void intervalsCoverTheTrueAlpha() {
        int reps = 40;
        int blockCover = 0;
        int hillCover = 0;
        double alpha = 1.5;
        for (int r = 0; r < reps; r++) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1000 + r);
            double[] s = new double[20_000];
            double[] p = new double[20_000];
            StableNoise st = StableNoise.of(alpha, 1);
            ParetoNoise pa = ParetoNoise.of(alpha, 1);
            for (int i = 0; i < s.length; i++) {
                s[i] = st.sample(rng);
                p[i] = pa.sample(rng);
            }
            TailIndexEstimate b = BlockTailIndex.estimate(s);
            TailIndexEstimate h = HillTailIndex.estimate(p);
            blockCover += b.low() <= alpha && alpha <= b.high() ? 1 : 0;
            hillCover += h.low() <= alpha && alpha <= h.high() ? 1 : 0;
        }
        System.out.printf("coverage of 95%% intervals over %d replications: block (stable) %d, hill (pareto) %d%n",
                reps, blockCover, hillCover);
        assertThat(blockCover).isGreaterThanOrEqualTo(33);
        assertThat(hillCover).isGreaterThanOrEqualTo(33);
    }

    /**
     * Vector samples (norms): i.i.d. stable coordinates form a multivariate stable law, so the block
     * estimator on norms of block sums is exact in expectation; isotropic Pareto norms are exactly Pareto,
     * so Hill on norms is. n = 100,000 vectors in d = 3, tolerance 0.1.
     */
    @Test
    void vectorSamplesUseNorms() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13);
        int n = 100_000;
        int d = 3;
        double[] stable = TestSamples.vectors(dev.htsgd.noise.IndependentNoise.of(StableNoise.of(1.5, 1), d), rng, n);
        double[] iso = TestSamples.vectors(dev.htsgd.noise.IsotropicNoise.of(ParetoNoise.of(1.5, 0.5), d), rng, n);
        TailIndexEstimate b = BlockTailIndex.estimate(stable, d);
        TailIndexEstimate h = HillTailIndex.estimateVectors(iso, d, 0);
        System.out.printf("vectors d=3: block (iid stable 1.5) %.4f (se %.4f), hill (isotropic pareto 1.5) %.4f (se %.4f)%n",
                b.alpha(), b.standardError(), h.alpha(), h.standardError());
        assertThat(b.n()).isEqualTo(n);
        assertThat(b.alpha()).isCloseTo(1.5, within(0.1));
        assertThat(h.alpha()).isCloseTo(1.5, within(0.1));
        assertThat(BlockTailIndex.estimate(stable, 1).n()).isEqualTo(n * d);
    }
}
