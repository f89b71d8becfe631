package dev.htsgd.dynamics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Lane-wise exp and log on {@link DoubleVector}s, written with IEEE-exact operations only (add, multiply,
 * fused multiply-add, divide, bit operations, compares and blends).
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP/LOG)}: on Java 17 those run Intel's SVML once C2 has
 * compiled the loop and {@code Math.exp} lane by lane before, and the two differ in the last bit, so a run's
 * result would depend on when the JIT compiler kicked in (and so on the thread count). Every operation used
 * here gives the same bits interpreted and compiled, which keeps a run a pure function of (settings, seed).
 *
 * <p>Accuracy: exp within 1 ulp (Cody-Waite reduction, e^r - 1 by a degree-13 Taylor polynomial by Estrin's
 * scheme, the 1 added in the last rounding); log within 1 ulp (fdlibm's e_log.c, its minimax polynomial).
 * Ranges: {@link #exp} returns 0 below -707 (where exp is below 1e-307) and +inf above 709.78; {@link #log}
 * returns -inf at 0, NaN below 0 or for NaN, +inf at +inf, and treats subnormal inputs as 0.
 */
public final class VectorMath {

    public static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    public static final VectorSpecies<Long> SL = LongVector.SPECIES_PREFERRED;

    private static final double LOG2E = 1.4426950408889634;
    private static final double SHIFTER = 0x1.8p52;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double EXP_MAX = 709.782712893383973096;
    private static final double EXP_MIN = -707.0;
    private static final double SQRT2 = 1.4142135623730951;
    private static final double LG1 = 6.666666666666735130e-01;
    private static final double LG2 = 3.999999999940941908e-01;
    private static final double LG3 = 2.857142874366239149e-01;
    private static final double LG4 = 2.222219843214978396e-01;
    private static final double LG5 = 1.818357216161805012e-01;
    private static final double LG6 = 1.531383769920937332e-01;
    private static final double LG7 = 1.479819860511658591e-01;
    private static final long MANT = 0x000FFFFFFFFFFFFFL;
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final long TWO52_BITS = 0x4330000000000000L;
    private static final double TWO52 = 0x1.0p52;

    private VectorMath() {
    }

    /** A constant in every lane. */
    public static DoubleVector bc(double v) {
        return DoubleVector.broadcast(S, v);
    }

    private static final DoubleVector[] TAYLOR = new DoubleVector[19];

    static {
        double f = 1;
        for (int i = 0; i < 19; i++) {
            if (i > 0) {
                f *= i;
            }
            TAYLOR[i] = DoubleVector.broadcast(S, 1.0 / f);
        }
    }

    private static final DoubleVector C14 = TAYLOR[14];
    private static final DoubleVector C13 = TAYLOR[13];
    private static final DoubleVector C12 = TAYLOR[12];
    private static final DoubleVector C11 = TAYLOR[11];
    private static final DoubleVector C10 = TAYLOR[10];
    private static final DoubleVector C9 = TAYLOR[9];
    private static final DoubleVector C8 = TAYLOR[8];
    private static final DoubleVector C7 = TAYLOR[7];
    private static final DoubleVector C6 = TAYLOR[6];
    private static final DoubleVector C5 = TAYLOR[5];
    private static final DoubleVector C4 = TAYLOR[4];
    private static final DoubleVector C3 = TAYLOR[3];
    private static final DoubleVector C2 = TAYLOR[2];
    private static final DoubleVector C1 = TAYLOR[1];
    private static final DoubleVector V_LOG2E = DoubleVector.broadcast(S, LOG2E);
    private static final DoubleVector V_SHIFTER = DoubleVector.broadcast(S, SHIFTER);
    private static final DoubleVector V_MLN2_HI = DoubleVector.broadcast(S, -LN2_HI);
    private static final DoubleVector V_MLN2_LO = DoubleVector.broadcast(S, -LN2_LO);
    private static final LongVector V_1022 = LongVector.broadcast(SL, 1022L);

    /** e^x lane by lane. */
    public static DoubleVector exp(DoubleVector x) {
        // no clamp of x: outside [EXP_MIN, EXP_MAX] the lanes' values are replaced by the blends at the end (and a NaN
        // stays NaN through every operation), and Java's max and min cost C2 six instructions each on this chain
        DoubleVector kd = x.fma(V_LOG2E, V_SHIFTER);
        DoubleVector k = kd.sub(V_SHIFTER);
        DoubleVector r = k.fma(V_MLN2_HI, x);
        r = k.fma(V_MLN2_LO, r);
        // e^r - 1 = r + r^2 P(r) for |r| <= ln2/2, P the Taylor polynomial of degree 11 (truncation < 5e-18) by
        // Estrin's scheme: four fma deep instead of Horner's eleven, since a step of a few lanes waits on this chain.
        // The 1 is added last, in the one rounding of q 2^k + 2^k: added to r first, it rounds away r's low bits
        // (2 ulp off at x = 1.0157)
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector b0 = r.fma(C5, C4).fma(r2, r.fma(C3, C2));
        DoubleVector b1 = r.fma(C9, C8).fma(r2, r.fma(C7, C6));
        DoubleVector b2 = r.fma(C13, C12).fma(r2, r.fma(C11, C10));
        DoubleVector q = r2.fma(b2.fma(r4, b1).fma(r4, b0), r);
        // 2^(k-1) from the low bits of kd (k - 1 in [-1022, 1023]): (q 2^(k-1) + 2^(k-1)) 2 reaches the top of the
        // range
        DoubleVector half = kd.reinterpretAsLongs().add(V_1022).lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
        DoubleVector res = q.fma(half, half).mul(V_TWO);
        res = res.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.GT, EXP_MAX));
        return res.blend(0.0, x.compare(VectorOperators.LT, EXP_MIN));
    }

    private static final LongVector V_MANT = LongVector.broadcast(SL, MANT);
    private static final LongVector V_ONE_BITS = LongVector.broadcast(SL, ONE_BITS);
    private static final LongVector V_TWO52_BITS = LongVector.broadcast(SL, TWO52_BITS);
    private static final DoubleVector V_SQRT2 = DoubleVector.broadcast(S, SQRT2);
    private static final DoubleVector V_HALF = DoubleVector.broadcast(S, 0.5);
    private static final DoubleVector V_ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector V_TWO = DoubleVector.broadcast(S, 2.0);
    private static final DoubleVector V_BIAS = DoubleVector.broadcast(S, TWO52 + 1023.0);
    private static final DoubleVector V_LG1 = DoubleVector.broadcast(S, LG1);
    private static final DoubleVector V_LG2 = DoubleVector.broadcast(S, LG2);
    private static final DoubleVector V_LG3 = DoubleVector.broadcast(S, LG3);
    private static final DoubleVector V_LG4 = DoubleVector.broadcast(S, LG4);
    private static final DoubleVector V_LG5 = DoubleVector.broadcast(S, LG5);
    private static final DoubleVector V_LG6 = DoubleVector.broadcast(S, LG6);
    private static final DoubleVector V_LG7 = DoubleVector.broadcast(S, LG7);
    private static final DoubleVector V_LN2_HI = DoubleVector.broadcast(S, LN2_HI);
    private static final DoubleVector V_LN2_LO = DoubleVector.broadcast(S, LN2_LO);

    /** log(x) lane by lane for positive, normal, finite x (no special cases: the fast path for uniforms). */
    public static DoubleVector logNormal(DoubleVector x) {
        LongVector bits = x.reinterpretAsLongs();
        LongVector e = bits.lanewise(VectorOperators.LSHR, 52);
        DoubleVector m = bits.and(V_MANT).or(V_ONE_BITS).reinterpretAsDoubles();
        VectorMask<Double> big = m.compare(VectorOperators.GT, V_SQRT2);
        DoubleVector ed = e.or(V_TWO52_BITS).reinterpretAsDoubles().sub(V_BIAS);
        ed = ed.add(V_ONE.blend(0.0, big.not()));
        DoubleVector f = m.mul(V_ONE.blend(V_HALF, big)).sub(V_ONE);
        DoubleVector s = f.div(f.add(V_TWO));
        DoubleVector z = s.mul(s);
        DoubleVector w = z.mul(z);
        DoubleVector t1 = w.fma(V_LG6, V_LG4).fma(w, V_LG2).mul(w);
        DoubleVector t2 = w.fma(V_LG7, V_LG5).fma(w, V_LG3).fma(w, V_LG1).mul(z);
        DoubleVector hfsq = f.mul(f).mul(V_HALF);
        // log = ed ln2_hi - ((hfsq - (s (hfsq + R) + ed ln2_lo)) - f)
        DoubleVector inner = s.fma(hfsq.add(t1.add(t2)), ed.mul(V_LN2_LO));
        return ed.fma(V_LN2_HI, f.sub(hfsq.sub(inner)));
    }

    /** log(x) lane by lane with the special cases: -inf at 0, NaN below 0 or for NaN, +inf at +inf. */
    public static DoubleVector log(DoubleVector x) {
        DoubleVector r = logNormal(x);
        r = r.blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.LT, Double.MIN_NORMAL));
        r = r.blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY));
        return r.blend(Double.NaN, x.compare(VectorOperators.GE, 0.0).not());
    }

    private static final DoubleVector V_EXPM1_SMALL = DoubleVector.broadcast(S, 1.0);

    /**
     * e^x - 1 lane by lane, accurate near 0 where exp(x) - 1 cancels: for |x| &lt; 1 the Taylor series to degree 18
     * (truncation below 1e-17 relative), elsewhere exp(x) - 1. Within 2 ulp of the exact value (1.6 at worst of
     * 2,000 points of [-3, 3]).
     */
    public static DoubleVector expm1(DoubleVector x) {
        DoubleVector q = x.fma(TAYLOR[18], TAYLOR[17]).fma(x, TAYLOR[16]).fma(x, TAYLOR[15]).fma(x, C14)
                .fma(x, C13).fma(x, C12).fma(x, C11).fma(x, C10).fma(x, C9).fma(x, C8).fma(x, C7).fma(x, C6)
                .fma(x, C5).fma(x, C4).fma(x, C3).fma(x, C2).fma(x, C1);
        return exp(x).sub(V_ONE).blend(q.mul(x), x.abs().compare(VectorOperators.LT, V_EXPM1_SMALL));
    }

    // fdlibm's k_sin.c and k_cos.c minimax polynomials on [-pi/4, pi/4]
    private static final double S5 = -2.50507602534068634195e-08;
    private static final double S6 = 1.58969099521155010221e-10;
    private static final double K5 = 2.08757232129817482790e-09;
    private static final double K6 = -1.13596475577881948265e-11;
    private static final double HALF_PI = Math.PI / 2;
    private static final DoubleVector V_S1 = DoubleVector.broadcast(S, -1.66666666666666324348e-01);
    private static final DoubleVector V_S2 = DoubleVector.broadcast(S, 8.33333333332248946124e-03);
    private static final DoubleVector V_S3 = DoubleVector.broadcast(S, -1.98412698298579493134e-04);
    private static final DoubleVector V_S4 = DoubleVector.broadcast(S, 2.75573137070700676789e-06);
    private static final DoubleVector V_K1 = DoubleVector.broadcast(S, 4.16666666666666019037e-02);
    private static final DoubleVector V_K2 = DoubleVector.broadcast(S, -1.38888888888741095749e-03);
    private static final DoubleVector V_K3 = DoubleVector.broadcast(S, 2.48015872894767294178e-05);
    private static final DoubleVector V_K4 = DoubleVector.broadcast(S, -2.75573143513906633035e-07);

    private static final double TWO_OVER_PI = 2 / Math.PI;
    // fdlibm's pio2_1 and pio2_1t: pi/2 in two parts (k pio2_1 exact for |k| < 2^20)
    private static final double PIO2_HI = 1.57079632673412561417e+00;
    private static final double PIO2_LO = 6.07710050650619224932e-11;

    /**
     * sin(q pi/2 + r) for |r| &lt;= pi/4 and the quadrant q in the low bits of {@code qBits} (any integer: its
     * value mod 4 counts): sin r, cos r, -sin r, -cos r by q mod 4, with fdlibm's kernels. The one kernel of
     * {@link #sin}, {@link #cos} and {@link #cosTwoPi}.
     */
    private static DoubleVector sinQuadrant(DoubleVector r, LongVector qBits) {
        DoubleVector z = r.mul(r);
        DoubleVector sin = z.fma(S6, S5).fma(z, V_S4).fma(z, V_S3).fma(z, V_S2).fma(z, V_S1).mul(z).mul(r).add(r);
        DoubleVector kr = z.fma(K6, K5).fma(z, V_K4).fma(z, V_K3).fma(z, V_K2).fma(z, V_K1).mul(z);
        DoubleVector cos = V_ONE.sub(z.mul(V_HALF).sub(z.mul(kr)));
        VectorMask<Long> odd = qBits.and(1L).compare(VectorOperators.NE, 0L);
        VectorMask<Long> neg = qBits.and(2L).compare(VectorOperators.NE, 0L);
        DoubleVector v = sin.blend(cos, odd.cast(S));
        return v.blend(v.neg(), neg.cast(S));
    }

    /**
     * sin x lane by lane for |x| &lt;= 2^19 pi/2 (Cody-Waite reduction by pi/2 in two parts, then fdlibm's
     * kernels); meant for the moderate arguments of samplers (|x| &lt; 4 in the stable sampler), within 2 ulp
     * there.
     */
    public static DoubleVector sin(DoubleVector x) {
        DoubleVector kd = x.fma(DoubleVector.broadcast(S, TWO_OVER_PI), V_SHIFTER);
        DoubleVector k = kd.sub(V_SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -PIO2_HI), x);
        return sinQuadrant(k.fma(DoubleVector.broadcast(S, -PIO2_LO), r), kd.reinterpretAsLongs());
    }

    /** cos x = sin(x + pi/2) lane by lane, the quadrant moved by one (same range and accuracy as {@link #sin}). */
    public static DoubleVector cos(DoubleVector x) {
        DoubleVector kd = x.fma(DoubleVector.broadcast(S, TWO_OVER_PI), V_SHIFTER);
        DoubleVector k = kd.sub(V_SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -PIO2_HI), x);
        return sinQuadrant(k.fma(DoubleVector.broadcast(S, -PIO2_LO), r), kd.reinterpretAsLongs().add(1L));
    }

    /**
     * cos(2 pi u) lane by lane for u in [0, 1] (the angle of a Box-Muller draw): 4u = q + r with q the nearest
     * integer and r in [-1/2, 1/2] (both exact), then cos of q pi/2 + r pi/2 by quadrant. Within 2 ulp.
     */
    public static DoubleVector cosTwoPi(DoubleVector u) {
        DoubleVector t = u.mul(4.0);
        DoubleVector kd = t.add(V_SHIFTER);
        DoubleVector r = t.sub(kd.sub(V_SHIFTER));
        return sinQuadrant(r.mul(HALF_PI), kd.reinterpretAsLongs().add(1L));
    }

    /**
     * v with the lanes below lo set to lo and those above hi to hi, by compares and blends (a NaN stays NaN):
     * Java's max and min (which order -0.0 before 0.0) cost C2 six instructions each, a compare and a blend two.
     * The one difference from {@code Math.max(lo, Math.min(hi, v))}: a bound of zero keeps the sign of a zero v.
     */
    public static DoubleVector clamp(DoubleVector v, double lo, double hi) {
        return v.blend(lo, v.compare(VectorOperators.LT, lo)).blend(hi, v.compare(VectorOperators.GT, hi));
    }

    /** a^p lane by lane for a &gt;= 0 (exp(p log a)); 0^p = 0 for p &gt; 0. */
    public static DoubleVector pow(DoubleVector a, double p) {
        return exp(log(a).mul(p));
    }
}
