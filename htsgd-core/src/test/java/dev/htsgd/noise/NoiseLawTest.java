package dev.htsgd.noise;

import dev.htsgd.numerics.GaussKronrod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Means, exact-law numerics against independent methods, vector noise, allocation. */
class NoiseLawTest {

    static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /**
     * Mean zero where the law has a finite variance (alpha = 3 variants of every family, p+ != 1/2 ones
     * centred): |sample mean| &lt; 4 standard errors, n = 200,000. For alpha &lt; 2 the sample mean has
     * infinite variance, so no standard-error tolerance exists; see {@link #clampedMeansMatchTheExactLaw()}.
     */
    @Test
    void meanIsZeroWithinFourStandardErrors() {
        NoiseModel[] ms = {ParetoNoise.of(3, 0.1), ParetoNoise.of(3, 1, 0.8).centered(),
            LomaxNoise.of(3, 1, 0.25).centered(), LomaxNoise.of(3, 2), MixtureNoise.of(3, 0.2, 5, 0.7).centered(),
            StableNoise.of(2, 1), StudentNoise.of(3, 1), GaussianNoise.of(2), Noises.of("pareto", 3, 0.5, 1, 0.9)};
        int n = 200_000;
        for (NoiseModel m : ms) {
            assertThat(m.mean()).as(m.describe()).isEqualTo(0.0);
            UniformRandomProvider r = rng(31);
            double mean = 0;
            double m2 = 0;
            for (int i = 1; i <= n; i++) {
                double z = m.sample(r);
                double d = z - mean;
                mean += d / i;
                m2 += d * (z - mean);
            }
            double se = Math.sqrt(m2 / (n - 1) / n);
            assertThat(Math.abs(mean)).as("%s: mean %s, se %s", m.describe(), mean, se).isLessThan(4 * se);
        }
    }

    /**
     * For heavy tails (1 &lt; alpha &lt; 2) the clamped mean E[clamp(Z, -T, T)] (finite variance) is compared with
     * its exact value int_0^T (P(Z &gt; t) - P(Z &lt; -t)) dt from the exact law (4 standard errors, n = 200,000),
     * which also tends to E Z = 0 as T grows; checks the centring of asymmetric laws and the sampler's skew.
     */
    @Test
    void clampedMeansMatchTheExactLaw() {
        ParetoNoise raw = ParetoNoise.of(1.5, 1, 0.8);
        NoiseModel[] ms = {raw.centered(), LomaxNoise.of(1.2, 1, 0.3).centered(), LomaxNoise.of(1.5, 1, 0.9),
            StableNoise.of(1.5, 1), StudentNoise.of(1.5, 1), MixtureNoise.of(1.5, 0.2, 5, 0.7)};
        double t = 20;
        int n = 200_000;
        for (NoiseModel m : ms) {
            double shift = m instanceof CenteredNoise c ? c.shift() : 0;
            // kinks and jumps of the integrand (Pareto: |x + shift| = 1; Lomax: x + shift = 0), clamped to [0, t]
            double[] breaks = java.util.stream.DoubleStream.of(0, t, 1 - shift, 1 + shift, -1 - shift, shift - 1, shift, -shift)
                    .map(b -> Math.max(0, Math.min(t, b))).sorted().distinct().toArray();
            double exact = 0;
            for (int i = 0; i + 1 < breaks.length; i++) {
                exact += GaussKronrod.integrate(s -> m.survival(s) - m.cdf(-s), breaks[i], breaks[i + 1]);
            }
            UniformRandomProvider r = rng(41);
            double mean = 0;
            double m2 = 0;
            for (int i = 1; i <= n; i++) {
                double z = Math.max(-t, Math.min(t, m.sample(r)));
                double d = z - mean;
                mean += d / i;
                m2 += d * (z - mean);
            }
            double se = Math.sqrt(m2 / (n - 1) / n);
            assertThat(mean).as("%s: exact %s", m.describe(), exact).isCloseTo(exact, within(4 * se));
        }
        assertThat(raw.mean()).isCloseTo(1 * 0.6 * 1.5 / 0.5, within(1e-15));
    }

    /** Nolan's formula against the Gil-Pelaez inversion F(x) = 1/2 + (1/pi) int_0^inf sin(xt) e^(-t^alpha) / t dt. */
    @Test
    void stableCdfMatchesCharacteristicFunctionInversion() {
        for (double alpha : new double[] {0.7, 1.2, 1.5, 1.8, 1.95}) {
            StableNoise s = StableNoise.of(alpha, 1);
            double top = Math.pow(45, 1 / alpha); // e^(-t^alpha) < 3e-20 beyond
            for (double x : new double[] {0.1, 0.5, 1, 2, 5, 10}) {
                double step = Math.min(1.0, Math.PI / x);
                double sum = 0;
                for (double a = 0; a < top; a += step) {
                    double b = Math.min(top, a + step);
                    sum += GaussKronrod.integrate(t -> t == 0 ? x : Math.sin(x * t) * Math.exp(-Math.pow(t, alpha)) / t, a, b);
                }
                double gilPelaez = 0.5 + sum / Math.PI;
                assertThat(s.cdf(x)).as("alpha=%s x=%s", alpha, x).isCloseTo(gilPelaez, within(1e-9));
                assertThat(s.cdf(-x)).isCloseTo(1 - gilPelaez, within(1e-9));
            }
        }
    }

    @Test
    void stableTailAsymptoticsAndLimits() {
        for (double alpha : new double[] {0.7, 1.2, 1.5, 1.8}) {
            StableNoise s = StableNoise.of(alpha, 2);
            double x = 1e6;
            // P(Z > x) = C (x/s)^-alpha (1 + O((x/s)^-alpha))
            assertThat(s.survival(x) / (s.tailConstant() * Math.pow(x / 2, -alpha))).as("alpha=" + alpha)
                    .isCloseTo(1, within(1e-4));
            assertThat(s.levyMeasure()).isEqualTo(LevyMeasure.of(alpha, 0.5));
        }
        // continuity at the closed forms: alpha -> 1 (Cauchy) and alpha -> 2 (N(0, 2))
        assertThat(StableNoise.of(1.0001, 1).cdf(1.3)).isCloseTo(StableNoise.of(1, 1).cdf(1.3), within(1e-4));
        assertThat(StableNoise.of(1.9999, 1).cdf(1.3)).isCloseTo(StableNoise.of(2, 1).cdf(1.3), within(1e-4));
        assertThat(StableNoise.of(2, 1).cdf(1.3)).isCloseTo(NormalDistribution.of(0, Math.sqrt(2)).cumulativeProbability(1.3), within(1e-15));
        assertThat(StableNoise.of(1, 1).cdf(1.0)).isCloseTo(0.75, within(1e-15));
    }

    /** The mixture CDF (quadrature over the Gaussian) against Commons Math3 quadrature over the Lomax part. */
    @Test
    void mixtureCdfMatchesTheOtherConvolutionOrder() {
        MixtureNoise m = MixtureNoise.of(1.5, 0.2, 5.0, 0.7);
        NormalDistribution phi = NormalDistribution.of(0, 1);
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(8, 1e-11, 1e-14, 3, 64);
        for (double x : new double[] {-40, -7, -1, 0, 0.5, 3, 12, 60}) {
            // u = (1+w)^-alpha is uniform: P(Z <= x) = p+ int_0^1 Phi((x - a w(u))/b) du + p- int_0^1 Phi((x + a w(u))/b) du
            // panels split where a w(u) = |x| + 5k (k = -8..8), so the Gaussian step in u is resolved
            java.util.TreeSet<Double> cuts = new java.util.TreeSet<>(java.util.List.of(0.0, 1.0));
            for (int k = -8; k <= 8; k++) {
                double w = (Math.abs(x) + 5 * k) / 0.2;
                if (w > 0) {
                    cuts.add(Math.pow(1 + w, -1.5));
                }
            }
            Double[] c = cuts.toArray(new Double[0]);
            double plus = 0;
            double minus = 0;
            for (int i = 0; i + 1 < c.length; i++) {
                plus += q.integrate(10_000_000, u -> phi.cumulativeProbability((x - 0.2 * (Math.pow(u, -1 / 1.5) - 1)) / 5), c[i], c[i + 1]);
                minus += q.integrate(10_000_000, u -> phi.cumulativeProbability((x + 0.2 * (Math.pow(u, -1 / 1.5) - 1)) / 5), c[i], c[i + 1]);
            }
            assertThat(m.cdf(x)).as("x=" + x).isCloseTo(0.7 * plus + 0.3 * minus, within(1e-8));
        }
        // far tail: H(x) ~ c_pareto^alpha x^-alpha
        assertThat(m.tail(1e7) / (Math.pow(0.2, 1.5) * Math.pow(1e7, -1.5))).isCloseTo(1, within(1e-4));
    }

    @Test
    void isotropicNoiseHasTheRadialLawAndUniformDirections() {
        NoiseModel radial = ParetoNoise.of(1.2, 0.75);
        IsotropicNoise z = IsotropicNoise.of(radial, 3);
        UniformRandomProvider r = rng(51);
        int n = 10_000;
        double[] norms = new double[n];
        double[] firstDirection = new double[n];
        double[] v = new double[3];
        for (int i = 0; i < n; i++) {
            z.sample(r, v);
            double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
            norms[i] = norm;
            firstDirection[i] = v[0] / norm;
        }
        // KS, p > 0.001 (critical D ~ 0.0195 for n = 10,000): ||Z|| has the law of |Z_radial|;
        // on S^2 a coordinate of a uniform direction is uniform on [-1, 1] (Archimedes)
        var ks = KolmogorovSmirnovTest.withDefaults();
        assertThat(ks.test(norms, x -> 1 - radial.tail(x)).getPValue()).isGreaterThan(1e-3);
        var u = UniformContinuousDistribution.of(-1, 1);
        assertThat(ks.test(firstDirection, u::cumulativeProbability).getPValue()).isGreaterThan(1e-3);
        assertThat(z.radialTail(3.0)).isEqualTo(radial.tail(3.0));
        assertThat(z.lambda(0.01)).isEqualTo(radial.lambda(0.01));
        assertThat(z.alpha()).isEqualTo(1.2);
    }

    @Test
    void independentNoiseHasTheCoordinateLaw() {
        NoiseModel c = LomaxNoise.of(1.5, 1, 0.3);
        IndependentNoise z = IndependentNoise.of(c, 4);
        UniformRandomProvider r = rng(61);
        int n = 5_000;
        double[][] cols = new double[4][n];
        double[] v = new double[4];
        for (int i = 0; i < n; i++) {
            z.sample(r, v);
            for (int j = 0; j < 4; j++) {
                cols[j][i] = v[j];
            }
        }
        for (int j = 0; j < 4; j++) {
            assertThat(KolmogorovSmirnovTest.withDefaults().test(cols[j], c::cdf).getPValue()).isGreaterThan(1e-3);
        }
        // Gaussian coordinates: exact chi law; P(||Z|| > x) for d = 2 is exp(-x^2 / (2 s^2))
        assertThat(IndependentNoise.of(GaussianNoise.of(2), 2).radialTail(3)).isCloseTo(Math.exp(-9.0 / 8), within(1e-14));
        // heavy tails: 1 - (1 - H)^d ~ d H far out
        assertThat(z.radialTail(1e6) / (4 * c.tail(1e6))).isCloseTo(1, within(1e-6));
        assertThat(IndependentNoise.of(c, 1).radialTail(2.5)).isEqualTo(c.tail(2.5));
    }

    /** sample() must not allocate: bytes allocated by this thread over 200,000 warm draws of every family. */
    @Test
    void samplingAllocatesNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        NoiseModel[] ms = {ParetoNoise.of(1.2, 0.1), ParetoNoise.of(1.2, 0.1, 0.3).centered(), LomaxNoise.of(1.5, 1),
            MixtureNoise.of(1.5, 0.2, 5), StableNoise.of(1.5, 1), StudentNoise.of(2, 1), GaussianNoise.of(1)};
        UniformRandomProvider r = rng(71);
        double[] v = new double[3];
        VectorNoise iso = IsotropicNoise.of(ms[0], 3);
        double sink = 0;
        for (int rep = 0; rep < 3; rep++) {
            long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (NoiseModel m : ms) {
                for (int i = 0; i < 200_000; i++) {
                    sink += m.sample(r);
                }
            }
            for (int i = 0; i < 200_000; i++) {
                iso.sample(r, v);
                sink += v[0];
            }
            long bytes = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            if (rep == 2) {
                assertThat(bytes).as("bytes allocated by 1.6M draws").isLessThan(4096);
            }
        }
        assertThat(sink).isNotNaN();
    }
}
