package dev.htsgd.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.MixtureNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.noise.StableNoise;
import dev.htsgd.noise.StudentNoise;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The recommended tail index of issue 18 on the eight families of its "Must show", 100,000 draws each (seed
 * 11, as {@link TailIndexTest}); measured values are printed to the test output. Measured at seed 11
 * (estimate [95% interval], estimator; before the F-test rule of {@link AdaptiveHill} in brackets where it
 * differed):
 *
 * <pre>
 * stable 1.2   1.205 [1.195, 1.215] stable
 * stable 1.5   1.506 [1.494, 1.518] stable
 * stable 1.8   1.802 [1.783, 1.821] stable
 * pareto 1.2   1.197 [1.186, 1.228] hill-adaptive (k = 49,999)   (interval [1.176, 1.219])
 * pareto 1.5   1.497 [1.482, 1.535] hill-adaptive (k = 49,999)   ([1.471, 1.523])
 * pareto 1.8   1.796 [1.779, 1.842] hill-adaptive (k = 49,999)   ([1.765, 1.828])
 * student 3    2.778 [2.587, 3.064] hill-adaptive (k = 2,152)    ([2.653, 2.902], missed 3)
 * mixture 1.5  1.482 [0.436, 1.906] hill-adaptive (k = 47)       (1.218 [0.509, 1.927], k = 24)
 * </pre>
 *
 * The LD mixture is the hard case: at n = 100,000 its heavy tail shows only in the top ~100 values (the
 * Gaussian body, standard deviation 5, covers the rest), so the best fixed-k Hill estimate has a standard
 * deviation of about 0.2 over samples (measured: 0.20-0.21 at k = 70-80, within 0.2 of 1.5 in 64-67% of 61
 * samples). The recommended estimate, over the 60 samples of seeds 1000-1059: within 0.2 of 1.5 in 38
 * (before: 26), interval covering 1.5 in 59 (before the hull of near-Gaussian stable fits: 52; before the
 * F-test rule: 42); the estimate misses are mostly samples whose quantiles fit a stable law of alpha 1.96-1.97
 * and whose extremes are not heavy enough to reject it, and the hull now keeps 1.5 inside their intervals. All eight families,
 * the mixture included, are asserted within the issue's tolerance at seed 11.
 */
class RecommendedTailIndexTest {

    static double[] draw(NoiseModel m, long seed, int n) {
        return TestSamples.draw(m, seed, n);
    }

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("stable", StableNoise.of(1.2, 1), 1.2, 0.1, "stable"),
                Arguments.of("stable", StableNoise.of(1.5, 1), 1.5, 0.1, "stable"),
                Arguments.of("stable", StableNoise.of(1.8, 1), 1.8, 0.1, "stable"),
                Arguments.of("pareto", ParetoNoise.of(1.2, 0.1), 1.2, 0.1, "hill-adaptive"),
                Arguments.of("pareto", ParetoNoise.of(1.5, 0.1), 1.5, 0.1, "hill-adaptive"),
                Arguments.of("pareto", ParetoNoise.of(1.8, 0.1), 1.8, 0.1, "hill-adaptive"),
                Arguments.of("student", StudentNoise.of(3, 1), 3.0, 0.3, "hill-adaptive"),
                Arguments.of("mixture", MixtureNoise.of(1.5, 0.2, 5), 1.5, 0.2, "hill-adaptive"));
    }

    @ParameterizedTest(name = "{0} alpha={2}")
    @MethodSource("families")
    void recommendsAnEstimateWithinTheIssuesToleranceOn100000Draws(String family, NoiseModel law, double alpha,
            double tolerance, String estimator) {
        TailIndexRecommendation r = RecommendedTailIndex.estimate(draw(law, 11, 100_000));
        System.out.printf("%-8s alpha=%.1f recommended %.4f [%.4f, %.4f] %s k=%d block %.4f hill %.4f%n  %s%n", family,
                alpha, r.estimate(), r.low(), r.high(), r.estimator(), r.hillK(), r.estimate("block").alpha(),
                r.estimate("hill").alpha(), r.reason());
        assertThat(r.estimator()).isEqualTo(estimator);
        assertThat(r.reason()).isNotBlank().endsWith(".");
        assertThat(r.low()).isLessThanOrEqualTo(alpha);
        assertThat(r.high()).isGreaterThanOrEqualTo(alpha);
        assertThat(r.estimate()).isCloseTo(alpha, within(tolerance));
        if (law instanceof ParetoNoise) { // an exact Pareto tail is flat at every k: k = (n - 1) / 2
            assertThat(r.hillK()).isEqualTo(49_999);
        }
        assertThat(r.estimates()).extracting(TailIndexEstimate::method)
                .containsExactly("block", "hill", "hill-adaptive", "stable");
        assertThat(r.ks()).hasSameSizeAs(r.hillAlphas()).contains(AdaptiveHill.MIN_K, 99_999);
    }

    /**
     * Coverage of the recommended 95% interval over repeated samples: 40 samples per family, of n = 10,000
     * (the LD mixture: n = 100,000, since at 10,000 its tail is out of sight), seeds 5000 + 97 f + r. Measured
     * (covering samples of 40; before the bias-aware interval and the F-test rule in brackets):
     *
     * <pre>
     * stable 1.2 / 1.5 / 1.8    39, 37, 39   (39, 38, 39)
     * pareto 1.2 / 1.5 / 1.8    39, 40, 38   (39, 39, 38)
     * student 3                 37           (26)
     * mixture 1.5               36           (16 of 20 at the first 20 seeds; now 17 of those 20)
     * </pre>
     *
     * Tolerance: with true coverage 0.95 the count is Binomial(40, 0.95), mean 38 and standard error
     * sqrt(40 0.95 0.05) = 1.38; at least 34 (about 3 standard errors below the mean, P(Binomial(40, 0.95)
     * &lt;= 33) = 0.003) is asserted for every family. The mixture's coverage over the 60 samples of seeds
     * 1000-1059 is 59 of 60 (52 before the hull of {@link #nearGaussianStableFitsGetTheHullWithHill}).
     */
    @Test
    void intervalsCoverOverRepeatedSamples() {
        Object[][] fam = families().map(Arguments::get).toArray(Object[][]::new);
        StringBuilder report = new StringBuilder("coverage of the recommended 95% interval:");
        for (int f = 0; f < fam.length; f++) {
            NoiseModel law = (NoiseModel) fam[f][1];
            double alpha = (double) fam[f][2];
            int reps = 40;
            int n = law instanceof MixtureNoise ? 100_000 : 10_000;
            int cover = 0;
            for (int r = 0; r < reps; r++) {
                TailIndexRecommendation rec = RecommendedTailIndex.estimate(draw(law, 5000 + 97L * f + r, n));
                cover += rec.low() <= alpha && alpha <= rec.high() ? 1 : 0;
            }
            report.append(String.format(" %s %.1f: %d/%d;", fam[f][0], alpha, cover, reps));
            assertThat(cover).as(report.toString()).isGreaterThanOrEqualTo(34);
        }
        System.out.println(report);
    }

    /**
     * A stable fit near 2 gets the hull of its interval and Hill's ({@link RecommendedTailIndex#NEAR_GAUSSIAN}): at
     * seed 1008 the LD mixture's quantiles fit a stable law of alpha 1.957 [1.932, 1.982], which excludes the true
     * 1.5, and its extremes cannot reject it; the recommendation keeps 1.957 and reports [0.665, 2.123], the hull
     * with Hill's interval at its k. Over the mixture's samples of seeds 1000-1059 (n = 100,000) the hull raised the
     * coverage from 52 to 59 of 60 (7 samples widened) with the estimates unchanged (38 within 0.2); it widened no
     * interval of the other seven families at n = 10,000 (seeds of the coverage test) or 100,000 (seeds 1000-1059):
     * their coverage there is stable 57 / 57 / 57, Pareto 59 / 59 / 59, Student-t 56 of 60.
     */
    @Test
    void nearGaussianStableFitsGetTheHullWithHill() {
        TailIndexRecommendation r = RecommendedTailIndex.estimate(draw(MixtureNoise.of(1.5, 0.2, 5), 1008, 100_000));
        TailIndexEstimate st = r.estimate("stable");
        TailIndexEstimate h = r.estimate("hill-adaptive");
        assertThat(r.estimator()).isEqualTo("stable");
        assertThat(r.estimate()).isEqualTo(st.alpha());
        assertThat(st.alpha()).isGreaterThanOrEqualTo(RecommendedTailIndex.NEAR_GAUSSIAN);
        assertThat(st.low()).as("the stable interval alone misses 1.5").isGreaterThan(1.5);
        assertThat(r.low()).isEqualTo(Math.min(st.low(), h.low()));
        assertThat(r.high()).isEqualTo(Math.max(st.high(), h.high()));
        assertThat(r.low()).isLessThanOrEqualTo(1.5);
        assertThat(r.reason()).contains("hull of the stable fit's and of Hill's");
        // a stable law of 1.8 keeps the stable interval
        TailIndexRecommendation s18 = RecommendedTailIndex.estimate(draw(StableNoise.of(1.8, 1), 11, 100_000));
        assertThat(s18.low()).isEqualTo(s18.estimate("stable").low());
        assertThat(s18.high()).isEqualTo(s18.estimate("stable").high());
    }

    /**
     * The check of the stable fit against the extremes: at seed 5679 (a coverage sample) the mixture's
     * quantiles fit a stable law of alpha 1.971 [1.945, 1.996], but Hill at k = 56 reads 1.410 (P = 0.0035 under
     * the stable alpha), so Hill is recommended; stable samples pass it (5 of 780 rejected at P_HEAVIER).
     */
    @Test
    void stableFitIsRejectedWhenTheExtremesAreHeavier() {
        TailIndexRecommendation r = RecommendedTailIndex.estimate(draw(MixtureNoise.of(1.5, 0.2, 5), 5679, 100_000));
        assertThat(r.stableFit().fits()).isTrue();
        assertThat(r.stableFit().high()).isLessThan(2);
        assertThat(r.estimator()).isEqualTo("hill-adaptive");
        assertThat(r.reason()).contains("extremes are heavier");
        assertThat(r.estimate()).isCloseTo(1.5, within(0.2));
        // the P-value is exact for a Pareto tail: k gamma_hat / gamma ~ Gamma(k, 1)
        TailIndexEstimate h = new TailIndexEstimate("hill-adaptive", 1.5, 0, 0, 0, 100, 50);
        assertThat(RecommendedTailIndex.heavierThanStable(h, 1.5)).isCloseTo(
                org.apache.commons.statistics.distribution.GammaDistribution.of(50, 1).survivalProbability(50),
                within(1e-12));
    }

    @Test
    void stableQuantileTableMatchesClosedFormsAndTheExactLaw() {
        // Cauchy (alpha = 1): Q(p) = tan(pi (p - 1/2)); alpha = 2: N(0, 2); relative accuracy of the table 1e-9
        for (int j = 0; j < StableQuantileTable.P.length; j++) {
            double p = StableQuantileTable.P[j];
            assertThat(StableQuantileTable.quantile(1.0, j)).isCloseTo(Math.tan(Math.PI * (p - 0.5)),
                    within(1e-8 * Math.tan(Math.PI * (p - 0.5))));
            double gauss = Math.sqrt(2) * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                    .inverseCumulativeProbability(p);
            assertThat(StableQuantileTable.quantile(2.0, j)).isCloseTo(gauss, within(1e-8 * gauss));
        }
        // between grid points (alpha = 1.505): the interpolated quantile has survival 1 - p to 1e-3 relative
        StableNoise s = StableNoise.of(1.505, 1);
        for (int j = 0; j < StableQuantileTable.P.length; j++) {
            double p = StableQuantileTable.P[j];
            assertThat(s.survival(StableQuantileTable.quantile(1.505, j))).isCloseTo(1 - p, within(1e-3 * (1 - p)));
        }
        assertThat(StableQuantileTable.alphaForNu(StableQuantileTable.nu(1.37))).isCloseTo(1.37, within(1e-9));
    }

    @Test
    void vectorSamplesUseHillOnNorms() {
        double[] x = TestSamples.vectors(IsotropicNoise.of(ParetoNoise.of(1.5, 0.5), 3), 13, 20_000);
        TailIndexRecommendation r = RecommendedTailIndex.estimate(x, 3);
        // isotropic Pareto norms are exactly Pareto: Hill at k ~ n/2 has SE 1.5/100 = 0.015; tolerance 4 SE
        assertThat(r.estimator()).isEqualTo("hill-adaptive");
        assertThat(r.stableFit()).isNull();
        assertThat(r.estimate()).isCloseTo(1.5, within(0.06));
        assertThat(r.reason()).startsWith("vector samples");
    }

    @Test
    void badInput() {
        assertThatThrownBy(() -> RecommendedTailIndex.estimate(new double[0])).hasMessage("samples must not be empty");
        assertThatThrownBy(() -> RecommendedTailIndex.estimate(draw(ParetoNoise.of(1.5, 1), 1, 30))).hasMessageContaining("at least 40 non-zero samples");
        assertThatThrownBy(() -> RecommendedTailIndex.estimate(new double[] {1, 2, 3}, 2)).hasMessageContaining("dimension");
    }
}
