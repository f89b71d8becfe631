package dev.htsgd.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * The lane math against {@link Math}: cos(2 pi u) of {@link VectorMath#cosTwoPi} within 1e-15 of
 * {@code Math.cos(2 pi u)} over [0, 1] (both round the angle: a few ulp of 1 apart at most), and the Box-Muller
 * normals of {@link LanePasses#gaussRadius} and {@link LanePasses#addGaussian} against the exact N(0, 1) law by
 * Kolmogorov-Smirnov (40,000 draws, level 1e-4; fixed seeds); sin and cos on [-4, 4] within 4e-16 of Math's; the
 * symmetric stable draws of {@link LanePasses#stableAngle} and {@link LanePasses#stable} against the exact CDF of
 * {@code StableNoise} by KS (20,000 draws per alpha); exp and log within 2 ulp of Math's, expm1 within 3 (exp within
 * 1 ulp and expm1 within 2 of the exact values); the
 * Student-t draws of {@link LanePasses#student} against the exact t law, and lane by lane independent.
 */
class VectorMathTest {

    /** The largest |lane(x) - ref(x)| over 65,537 points of [lo, hi], K at a time. */
    private static double worst(java.util.function.UnaryOperator<DoubleVector> lane,
            java.util.function.DoubleUnaryOperator ref, double lo, double hi) {
        return worst(lane, ref, lo, hi, t -> t, (v, r) -> Math.abs(v - r));
    }

    /** The largest distance(lane(x), ref(x)) over the points x = point(t) of 65,537 values t of [lo, hi]. */
    private static double worst(java.util.function.UnaryOperator<DoubleVector> lane,
            java.util.function.DoubleUnaryOperator ref, double lo, double hi,
            java.util.function.DoubleUnaryOperator point, java.util.function.DoubleBinaryOperator distance) {
        int k = LanePasses.width();
        double[] x = new double[k];
        double[] out = new double[k];
        double worst = 0;
        int n = 1 << 16;
        for (int i = 0; i <= n; i += k) {
            for (int j = 0; j < k; j++) {
                // the offset follows the point, not the lane: every vector width K tests the same points
                x[j] = point.applyAsDouble(Math.min(hi, lo + (hi - lo) * (i + j) / n + ((i + j) % 3) * 0x1p-40));
            }
            lane.apply(DoubleVector.fromArray(VectorMath.S, x, 0)).intoArray(out, 0);
            for (int j = 0; j < k; j++) {
                worst = Math.max(worst, distance.applyAsDouble(out[j], ref.applyAsDouble(x[j])));
            }
        }
        return worst;
    }

    @Test
    void sinCosAndCosTwoPiMatchMath() {
        assumeThat(LaneEngine.available()).isTrue();
        assertThat(worst(VectorMath::cosTwoPi, u -> Math.cos(2 * Math.PI * u), 0, 1)).isLessThan(1e-15);
        assertThat(worst(VectorMath::sin, Math::sin, -4, 4)).isLessThan(4e-16);
        assertThat(worst(VectorMath::cos, Math::cos, -4, 4)).isLessThan(4e-16);
    }

    /**
     * exp on [-700, 700] and on [-1, 1], log on [1e-300, 1e300] (log-spaced) and on [0.5, 2], each within 2 ulp of
     * Math's (both are within 1 ulp of the exact value).
     */
    @Test
    void expAndLogMatchMathWithinTwoUlp() {
        assumeThat(LaneEngine.available()).isTrue();
        java.util.function.DoubleBinaryOperator ulps = (v, r) -> Math.abs(v - r) / Math.ulp(r);
        assertThat(worst(VectorMath::exp, Math::exp, -700, 700, t -> t, ulps)).isLessThanOrEqualTo(2);
        assertThat(worst(VectorMath::exp, Math::exp, -1, 1, t -> t, ulps)).isLessThanOrEqualTo(2);
        assertThat(worst(VectorMath::log, Math::log, -690, 690, Math::exp, ulps)).isLessThanOrEqualTo(2);
        assertThat(worst(VectorMath::log, Math::log, 0.5, 2, t -> t, (v, r) -> Math.abs(v - r) / Math.ulp(1.0)))
                .isLessThanOrEqualTo(2);
    }

    /**
     * exp within 1 ulp and expm1 within 2 ulp of the exact values, computed independently of Math: the Taylor series
     * of e^(x / 2^m) in 45-digit BigDecimal arithmetic, squared m times. 2,000 points drawn with a fixed seed on
     * [-3, 3] (exp and expm1) and 2,000 on [-700, 700] (exp), plus x = 1.015686035158069, where the polynomial that
     * added 1 to r first was 2 ulp off.
     */
    @Test
    void expWithinOneUlpAndExpm1WithinTwoOfTheExactValue() {
        assumeThat(LaneEngine.available()).isTrue();
        int k = LanePasses.width();
        SplittableRandom rnd = new SplittableRandom(7);
        double[] x = new double[k];
        double[] e = new double[k];
        double[] em1 = new double[k];
        double worstExp = 0;
        double worstExpm1 = 0;
        for (int t = 0; t < 4000; t += k) {
            for (int j = 0; j < k; j++) {
                x[j] = t + j == 0 ? 1.015686035158069 : t < 2000 ? rnd.nextDouble(-3, 3) : rnd.nextDouble(-700, 700);
            }
            VectorMath.exp(DoubleVector.fromArray(VectorMath.S, x, 0)).intoArray(e, 0);
            VectorMath.expm1(DoubleVector.fromArray(VectorMath.S, x, 0)).intoArray(em1, 0);
            for (int j = 0; j < k; j++) {
                BigDecimal exact = exactExp(x[j]);
                worstExp = Math.max(worstExp, ulpsFrom(e[j], exact));
                if (t < 2000) {
                    worstExpm1 = Math.max(worstExpm1, ulpsFrom(em1[j], exact.subtract(BigDecimal.ONE)));
                }
            }
        }
        assertThat(worstExp).isLessThanOrEqualTo(1.0);
        assertThat(worstExpm1).isLessThanOrEqualTo(2.0);
    }

    private static double ulpsFrom(double v, BigDecimal exact) {
        return Math.abs(new BigDecimal(v).subtract(exact).doubleValue()) / Math.ulp(exact.doubleValue());
    }

    private static BigDecimal exactExp(double v) {
        MathContext mc = new MathContext(45);
        BigDecimal y = new BigDecimal(v);
        int halvings = 0;
        while (y.abs().compareTo(BigDecimal.valueOf(0.5)) > 0) {
            y = y.divide(BigDecimal.valueOf(2), mc);
            halvings++;
        }
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        for (int i = 1; i < 40; i++) {
            term = term.multiply(y, mc).divide(BigDecimal.valueOf(i), mc);
            sum = sum.add(term, mc);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, mc);
        }
        return sum;
    }

    /**
     * exp at and past the ends of its range, where it takes no clamp of x (the blends give the limits): +inf above
     * 709.78 and at +inf, 0 below -707 and at -inf, NaN for NaN; log's special cases; and {@link VectorMath#clamp}
     * as Math.max(lo, Math.min(hi, v)) for finite and infinite bounds, a NaN staying NaN.
     */
    @Test
    void expLogAndClampAtTheEdges() {
        assumeThat(LaneEngine.available()).isTrue();
        double[] in = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 709.79, 710, 1e300, -707.5,
            -1e300, 709.78, -706.9, 0, -0.0, Double.MIN_VALUE, -1, 5, 0.5};
        double[][] expect = {
            {Double.POSITIVE_INFINITY, 0, Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, 0, 0, Math.exp(709.78), Math.exp(-706.9), 1, 1, 1, Math.exp(-1),
                Math.exp(5), Math.exp(0.5)},
            {Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Math.log(709.79), Math.log(710), Math.log(1e300),
                Double.NaN, Double.NaN, Math.log(709.78), Double.NaN, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Math.log(5), Math.log(0.5)}};
        int k = LanePasses.width();
        double[] x = new double[k];
        double[] out = new double[k];
        for (int i = 0; i < in.length; i++) {
            java.util.Arrays.fill(x, in[i]);
            for (int f = 0; f < 2; f++) {
                DoubleVector v = DoubleVector.fromArray(VectorMath.S, x, 0);
                (f == 0 ? VectorMath.exp(v) : VectorMath.log(v)).intoArray(out, 0);
                double e = expect[f][i];
                assertThat(out[0]).as((f == 0 ? "exp(" : "log(") + in[i] + ")")
                        .isCloseTo(e, org.assertj.core.api.Assertions.within(Double.isFinite(e) ? 2 * Math.ulp(e) : 0));
            }
            for (double[] b : new double[][] {{-0.5, 0.5}, {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY},
                {-710, 3}}) {
                VectorMath.clamp(DoubleVector.fromArray(VectorMath.S, x, 0), b[0], b[1]).intoArray(out, 0);
                double e = Math.max(b[0], Math.min(b[1], in[i]));
                assertThat(out[0] == e || (Double.isNaN(out[0]) && Double.isNaN(e))).as("clamp " + in[i]).isTrue();
            }
        }
    }

    /** expm1 within 3 ulp of Math's on [-3, 3] and near 0, where exp(x) - 1 would cancel. */
    @Test
    void expm1MatchesMathNearZeroAndBeyond() {
        assumeThat(LaneEngine.available()).isTrue();
        java.util.function.DoubleBinaryOperator ulps = (v, r) -> Math.abs(v - r) / Math.ulp(r);
        assertThat(worst(VectorMath::expm1, Math::expm1, -3, 3, t -> t, ulps)).isLessThanOrEqualTo(3);
        assertThat(worst(VectorMath::expm1, Math::expm1, -1e-6, 1e-6, t -> t, ulps)).isLessThanOrEqualTo(3);
    }

    /**
     * Student-t draws on lanes (Bailey's polar method, nu 1, 1.5 and 3, s 0.7) against the exact t CDF by KS,
     * 20,000 draws each (level 1e-4); and a lane's draws do not depend on the other lanes' streams (rejection
     * advances only the lanes still drawing): lane 0 gives the same bits beside two different sets of neighbours.
     */
    @Test
    void studentLanesFollowTheExactLawLaneByLane() {
        assumeThat(LaneEngine.available()).isTrue();
        int w = 4 * LanePasses.width();
        for (double nu : new double[] {1.0, 1.5, 3.0}) {
            double[] x = studentDraws(seeded(w, (long) (nu * 100)), nu, 20_000 / w + 1);
            org.apache.commons.statistics.distribution.TDistribution t =
                    org.apache.commons.statistics.distribution.TDistribution.of(nu);
            double p = KolmogorovSmirnovTest.withDefaults().test(x, v -> t.cumulativeProbability(v / 0.7)).getPValue();
            assertThat(p).as("nu %s: KS p-value", nu).isGreaterThan(1e-4);
        }
        long[][] a = seeded(w, 7);
        long[][] b = seeded(w, 8);
        for (int q = 0; q < 4; q++) {
            b[q][0] = a[q][0];
        }
        double[] da = studentDraws(a, 1.5, 200);
        double[] db = studentDraws(b, 1.5, 200);
        for (int j = 0; j < 200; j++) {
            assertThat(db[j * w]).as("lane 0, step %d", j).isEqualTo(da[j * w]);
        }
        assertThat(da[1]).isNotEqualTo(db[1]);
    }

    /** One step of a lane sampler: advances the streams st and writes one draw per lane into z. */
    private interface LaneSampler {
        void draw(long[][] st, double[] z);
    }

    /** rounds steps of {@code sampler} on the lanes of the streams st, lane after lane per step. */
    private static double[] draws(long[][] st, int rounds, LaneSampler sampler) {
        int w = st[0].length;
        double[] z = new double[w];
        double[] x = new double[rounds * w];
        for (int j = 0; j < rounds; j++) {
            sampler.draw(st, z);
            System.arraycopy(z, 0, x, j * w, w);
        }
        return x;
    }

    /** rounds steps of s T_nu, s = 0.7, on the lanes of the streams st. */
    private static double[] studentDraws(long[][] st, double nu, int rounds) {
        int w = st[0].length;
        long[][] bits = new long[3][w];
        double[][] v = new double[3][w];
        return draws(st, rounds, (s, z) -> LanePasses.student(s[0], s[1], s[2], s[3], nu, 0.7, bits[0], bits[1],
                bits[2], v[0], v[1], v[2], z, w));
    }

    /** Symmetric stable draws on lanes (alpha 0.8, 1, 1.5, 1.9) against StableNoise's exact CDF, by KS. */
    @Test
    void stableLanesFollowTheExactLaw() {
        assumeThat(LaneEngine.available()).isTrue();
        int w = 4 * LanePasses.width();
        for (double alpha : new double[] {0.8, 1.0, 1.5, 1.9}) {
            long[][] r = new long[2][w];
            double[][] v = new double[3][w];
            double[] x = draws(seeded(w, (long) (alpha * 1000)), 20_000 / w + 1, (st, z) -> {
                LanePasses.next(st[0], st[1], st[2], st[3], r[0], w);
                LanePasses.next(st[0], st[1], st[2], st[3], r[1], w);
                LanePasses.stableAngle(r[0], alpha, v[0], v[1], v[2], z, w);
                LanePasses.stable(v[0], v[1], r[1], alpha, 0.7, v[2], z, w);
            });
            dev.htsgd.noise.StableNoise law = dev.htsgd.noise.StableNoise.of(alpha, 0.7);
            double p = KolmogorovSmirnovTest.withDefaults().test(x, law::cdf).getPValue();
            assertThat(p).as("alpha %s: KS p-value", alpha).isGreaterThan(1e-4);
        }
    }

    private static long[][] seeded(int w, long salt) {
        long[][] st = new long[4][w];
        for (int i = 0; i < w; i++) {
            for (int q = 0; q < 4; q++) {
                st[q][i] = 0x9E3779B97F4A7C15L * (4L * i + q + 1 + salt * 131) ^ 0xD1B54A32D192ED03L;
            }
        }
        return st;
    }

    @Test
    void boxMullerLanesAreStandardNormal() {
        assumeThat(LaneEngine.available()).isTrue();
        int w = 4 * LanePasses.width();
        long[][] r = new long[2][w];
        double[][] v = new double[2][w];
        double[] x = draws(seeded(w, 0), 40_000 / w + 1, (st, z) -> {
            LanePasses.next(st[0], st[1], st[2], st[3], r[0], w);
            LanePasses.next(st[0], st[1], st[2], st[3], r[1], w);
            LanePasses.gaussRadius(r[0], v[0], w);
            java.util.Arrays.fill(z, 0.0);
            LanePasses.addGaussian(v[0], r[1], 1.0, v[1], z, w);
        });
        NormalDistribution std = NormalDistribution.of(0, 1);
        double p = KolmogorovSmirnovTest.withDefaults().test(x, std::cumulativeProbability).getPValue();
        assertThat(p).as("KS p-value").isGreaterThan(1e-4);
    }
}
