package dev.htsgd.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.StableSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Goodness of fit of every sampler against its exact CDF: one-sample Kolmogorov-Smirnov test, fixed seed,
 * rejected when the p-value is below 0.001 (critical value D_n ~ 1.949 / sqrt(n): 0.0195 for n = 10,000,
 * 0.0276 for n = 5,000, 0.0436 for n = 2,000).
 */
class NoiseSamplersTest {

    static final double SIGNIFICANCE = 1e-3;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(ParetoNoise.of(1.2, 0.1), 10_000),
                Arguments.of(ParetoNoise.of(1.5, 2.0, 0.3), 10_000),
                Arguments.of(ParetoNoise.of(0.7, 1.0, 1.0), 10_000),
                Arguments.of(ParetoNoise.of(1.5, 1.0, 0.8).centered(), 10_000),
                Arguments.of(LomaxNoise.of(1.2, 1.0), 10_000),
                Arguments.of(LomaxNoise.of(1.8, 0.5, 0.75), 10_000),
                Arguments.of(LomaxNoise.of(2.5, 0.5, 0.25).centered(), 10_000),
                Arguments.of(MixtureNoise.of(1.5, 0.2, 5.0), 2_000),
                Arguments.of(MixtureNoise.of(1.2, 1.0, 0.3, 0.7), 2_000),
                Arguments.of(StableNoise.of(0.7, 1.0), 3_000),
                Arguments.of(StableNoise.of(1.0, 0.5), 10_000),
                Arguments.of(StableNoise.of(1.2, 1.0), 3_000),
                Arguments.of(StableNoise.of(1.5, 0.1), 3_000),
                Arguments.of(StableNoise.of(1.8, 2.0), 3_000),
                Arguments.of(StableNoise.of(2.0, 1.0), 10_000),
                Arguments.of(StudentNoise.of(1.5, 1.0), 10_000),
                Arguments.of(StudentNoise.of(4.0, 0.2), 10_000),
                Arguments.of(GaussianNoise.of(0.3), 10_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void samplerMatchesExactCdf(NoiseModel model, int n) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20220201L);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = model.sample(rng);
        }
        var r = KolmogorovSmirnovTest.withDefaults().test(x, model::cdf);
        assertThat(r.getPValue()).as("KS D=%s for %s", r.getStatistic(), model.describe()).isGreaterThan(SIGNIFICANCE);
    }

    @ParameterizedTest(name = "alpha={0}")
    @MethodSource("stableAlphas")
    void commonsStableSamplerMatchesTheSameCdf(double alpha) {
        StableNoise model = StableNoise.of(alpha, 0.5);
        StableSampler s = model.sampler(RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        double[] x = new double[3_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = s.sample();
        }
        var r = KolmogorovSmirnovTest.withDefaults().test(x, model::cdf);
        assertThat(r.getPValue()).as("KS D=%s", r.getStatistic()).isGreaterThan(SIGNIFICANCE);
    }

    static Stream<Double> stableAlphas() {
        return Stream.of(0.7, 1.2, 1.5, 1.8, 2.0);
    }

    @Test
    void cdfTailAndSurvivalAreConsistent() {
        for (Arguments a : models().toList()) {
            NoiseModel m = (NoiseModel) a.get()[0];
            for (double x : new double[] {0.05, 0.3, 1.0, 3.7, 25.0}) {
                assertThat(m.tail(x)).as(m.describe() + " x=" + x)
                        .isCloseTo(m.survival(x) + m.cdf(-x), within(1e-9));
                assertThat(m.cdf(x) + m.survival(x)).as(m.describe()).isCloseTo(1.0, within(1e-9));
            }
            assertThat(m.cdf(-1e12)).isLessThan(1e-6);
            assertThat(m.survival(1e12)).isLessThan(1e-6);
        }
    }

    @Test
    void paretoLambdaMatchesClosedForm() {
        ParetoNoise z = ParetoNoise.of(1.2, 0.1);
        for (double eta : new double[] {0.5, 0.1, 0.01, 1e-3, 1e-4}) {
            double closed = Math.pow(eta * 0.1, 1.2) / eta; // eta^-1 H(1/eta), H(x) = (x/c)^-alpha
            assertThat(z.lambda(eta)).isCloseTo(closed, within(1e-14 * closed));
            assertThat(z.tail(1 / eta) / eta).isCloseTo(closed, within(1e-12 * closed));
        }
        assertThat(z.lambda(20)).isEqualTo(1 / 20.0); // 1/eta < c: H = 1
        assertThat(z.levyMeasure()).isEqualTo(LevyMeasure.of(1.2, 0.5));
        assertThat(ParetoNoise.of(1.5, 1, 0.3).levyMeasure().pPlus()).isEqualTo(0.3);
    }

    @Test
    void tailsAreRegularlyVaryingWithTheStatedIndexAndWeights() {
        // H(2x)/H(x) -> 2^-alpha and P(Z > x)/H(x) -> p+ far in the tail
        NoiseModel[] ms = {LomaxNoise.of(1.4, 2, 0.7), MixtureNoise.of(1.5, 0.2, 5.0, 0.3),
            StableNoise.of(1.3, 1), StudentNoise.of(1.7, 1), ParetoNoise.of(1.2, 0.1, 0.6).centered()};
        for (NoiseModel m : ms) {
            double x = 1e6;
            assertThat(m.tail(2 * x) / m.tail(x)).as(m.describe()).isCloseTo(Math.pow(2, -m.alpha()), within(2e-3));
            assertThat(m.survival(x) / m.tail(x)).as(m.describe()).isCloseTo(m.pPlus(), within(2e-3));
        }
        assertThat(GaussianNoise.of(1).isHeavyTailed()).isFalse();
        assertThat(StableNoise.of(2, 1).isHeavyTailed()).isFalse();
    }

    /**
     * The ziggurat Gaussian in depth: KS with n = 400,000 (critical D ~ 0.0031 at 0.001) and the frequency of
     * the base-layer tail |Z| &gt; 3.4426 against 2 Phi(-3.4426), within 4 binomial standard errors.
     */
    @Test
    void zigguratGaussianIsExact() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
        int n = 400_000;
        double[] x = new double[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Draws.gaussian(rng);
            if (Math.abs(x[i]) > 3.442619855899) {
                tail++;
            }
        }
        var normal = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        assertThat(KolmogorovSmirnovTest.withDefaults().test(x, normal::cumulativeProbability).getPValue()).isGreaterThan(SIGNIFICANCE);
        double p = 2 * normal.cumulativeProbability(-3.442619855899);
        assertThat((double) tail).isCloseTo(n * p, within(4 * Math.sqrt(n * p * (1 - p))));
    }
}
