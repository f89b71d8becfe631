package dev.htsgd.dynamics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * One step of the lane recursion as passes over arrays of W lanes (W a multiple of K, the vector width): each
 * pass loads K lanes at a time, computes, and stores. Why passes and not one loop body with every vector in
 * a register: C2 on Java 17 stops inlining the Vector API after a few dozen operations in one method
 * ({@code NodeCountInliningCutoff}) and then boxes every vector that crosses a call, allocating hundreds of
 * bytes per step. Each pass here stays under that budget, vectors never cross a call (arrays do), and the
 * loop allocates nothing. Arrays stay in L1; the loads and stores are cheap beside exp and log.
 *
 * <p>Every method here takes arrays only (the vector-valued helpers are {@link VectorMath} and
 * {@link LaneStreams}), so the passes can be compiled one by one: the launcher runs the vector engine with
 * {@code -XX:CompileCommand=dontinline,dev.htsgd.dynamics.LanePasses::*} (from the java argument file that is the
 * resource {@code dev/htsgd/dynamics/vector-engine.options} of this module). Inlined into one another, the
 * passes of the mixture, stable and Student-t samplers exceed the budget together and box a vector per step:
 * 24 B (mixture, stable) and 65 B (Student-t) per lane-step without the option, 0.05 B with it (the block's
 * arrays, once per call), Pareto unchanged (JMH {@code VectorEngineBenchmark -prof gc}). A library user who
 * runs the lanes in their own JVM adds the same option for the same effect; the results do not depend on it.
 */
public final class LanePasses {

    static final VectorSpecies<Double> S = VectorMath.S;
    static final VectorSpecies<Long> SL = VectorMath.SL;
    static final int K = S.length();

    private LanePasses() {
    }

    /** K, the vector width in doubles. */
    public static int width() {
        return K;
    }

    /** xoshiro256++ in every lane: advances the states, writes the outputs to r. */
    public static void next(long[] a0, long[] a1, long[] a2, long[] a3, long[] r, int w) {
        next(a0, a1, a2, a3, r, 0, w);
    }

    /** xoshiro256++ in every lane: advances the states, writes lane i's output to r[ro + i]. */
    public static void next(long[] a0, long[] a1, long[] a2, long[] a3, long[] r, int ro, int w) {
        for (int i = 0; i < w; i += K) {
            LaneStreams.advance(a0, a1, a2, a3, r, ro, i, null);
        }
    }

    /**
     * xoshiro256++ in the lanes whose flag in {@code live} is not 0: they advance and write r; the others keep
     * their states (a lane's stream then moves only with its own draws: rejection samplers).
     */
    public static void nextWhere(long[] live, long[] a0, long[] a1, long[] a2, long[] a3, long[] r, int w) {
        for (int i = 0; i < w; i += K) {
            LaneStreams.advance(a0, a1, a2, a3, r, 0, i, LongVector.fromArray(SL, live, i).compare(VectorOperators.NE, 0L));
        }
    }



    /** out = m log(u), u uniform on (0, 1] from the top 52 bits of r. */
    public static void logUniform(long[] r, double m, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            VectorMath.logNormal(LaneStreams.uniform(LongVector.fromArray(SL, r, i))).mul(m).intoArray(out, i);
        }
    }

    /** out = exp(m in). */
    public static void expMul(double[] in, double m, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            VectorMath.exp(DoubleVector.fromArray(S, in, i).mul(m)).intoArray(out, i);
        }
    }

    /**
     * z = +-(scale (t - minus1)) - shift, the sign + where the lowest bit of r is 0 (p+ = 1/2, r2 null) or
     * where 1 - u2 &lt; p+ with u2 uniform from r2. minus1 = 1 for Lomax, 0 for Pareto.
     */
    public static void signed(double[] t, double minus1, double scale, long[] r, long[] r2, double pPlus,
            double shift, double[] z, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector m = DoubleVector.fromArray(S, t, i).sub(minus1).mul(scale);
            DoubleVector v;
            if (r2 == null) {
                LongVector bit = LongVector.fromArray(SL, r, i).lanewise(VectorOperators.LSHL, 63);
                v = m.reinterpretAsLongs().lanewise(VectorOperators.XOR, bit).reinterpretAsDoubles();
            } else {
                VectorMask<Double> minus = VectorMath.bc(1.0).sub(LaneStreams.uniform(LongVector.fromArray(SL, r2, i)))
                        .compare(VectorOperators.GE, pPlus);
                v = m.blend(m.neg(), minus);
            }
            v.sub(shift).intoArray(z, i);
        }
    }

    /** out = sqrt(-2 log u), u uniform on (0, 1] from r: the radius of a Box-Muller draw. */
    public static void gaussRadius(long[] r, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            VectorMath.logNormal(LaneStreams.uniform(LongVector.fromArray(SL, r, i))).mul(-2.0).sqrt().intoArray(out, i);
        }
    }

    /**
     * z += s rad cos(2 pi u), u uniform on (0, 1] from r: s times a standard normal (Box-Muller); {@code c} is
     * scratch. Two passes, one function each (see {@link #stableAngle} for why).
     */
    public static void addGaussian(double[] rad, long[] r, double s, double[] c, double[] z, int w) {
        for (int i = 0; i < w; i += K) {
            VectorMath.cosTwoPi(LaneStreams.uniform(LongVector.fromArray(SL, r, i))).intoArray(c, i);
        }
        addProduct(rad, c, s, z, w);
    }

    /** z += s a b. */
    private static void addProduct(double[] a, double[] b, double s, double[] z, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector n = DoubleVector.fromArray(S, a, i).mul(DoubleVector.fromArray(S, b, i));
            DoubleVector.fromArray(S, z, i).add(n.mul(s)).intoArray(z, i);
        }
    }

    /**
     * z = s T_nu in every lane by Bailey's polar method, as {@code StudentNoise} (no gamma variate): (u, v)
     * uniform on (-1, 1]^2 until 0 &lt; w = u^2 + v^2 &lt;= 1, then T = u sqrt(nu (w^(-2/nu) - 1) / w). Only the
     * lanes still drawing advance their streams ({@link #nextWhere}), so a lane's draws never depend on the
     * other lanes and a path's result is its own whatever block runs it; pi/4 of the tries are accepted.
     * {@code pending}, {@code r1}, {@code r2}, {@code u}, {@code wq} and {@code lw} are scratch.
     */
    public static void student(long[] a0, long[] a1, long[] a2, long[] a3, double nu, double s, long[] pending,
            long[] r1, long[] r2, double[] u, double[] wq, double[] lw, double[] z, int w) {
        for (int i = 0; i < w; i += K) {
            LongVector.broadcast(SL, -1L).intoArray(pending, i); // vector stores, as LaneTape's fills
        }
        do {
            nextWhere(pending, a0, a1, a2, a3, r1, w);
            nextWhere(pending, a0, a1, a2, a3, r2, w);
            polarTry(r1, r2, u, wq, w);
            for (int i = 0; i < w; i += K) {
                VectorMath.log(DoubleVector.fromArray(S, wq, i)).intoArray(lw, i);
            }
        } while (polarAccept(pending, u, wq, lw, nu, s, z, w));
    }

    /** u = 2 u1 - 1 and wq = u^2 + v^2 with v = 2 u2 - 1, u1 and u2 uniform on (0, 1] from r1 and r2. */
    private static void polarTry(long[] r1, long[] r2, double[] u, double[] wq, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector a = LaneStreams.uniform(LongVector.fromArray(SL, r1, i)).mul(2.0).sub(1.0);
            DoubleVector b = LaneStreams.uniform(LongVector.fromArray(SL, r2, i)).mul(2.0).sub(1.0);
            a.intoArray(u, i);
            a.fma(a, b.mul(b)).intoArray(wq, i);
        }
    }

    /**
     * In the pending lanes whose try landed in the disc (0 &lt; wq &lt;= 1): z = s u sqrt(nu expm1(-2 lw / nu) / wq)
     * with lw = log wq, and the lane stops drawing. True while some lane still draws.
     */
    private static boolean polarAccept(long[] pending, double[] u, double[] wq, double[] lw, double nu, double s,
            double[] z, int w) {
        VectorMask<Long> any = VectorMask.fromLong(SL, 0);
        for (int i = 0; i < w; i += K) {
            LongVector pv = LongVector.fromArray(SL, pending, i);
            DoubleVector q = DoubleVector.fromArray(S, wq, i);
            VectorMask<Double> ok = q.compare(VectorOperators.LE, 1.0).and(q.compare(VectorOperators.GT, 0.0))
                    .and(pv.compare(VectorOperators.NE, 0L).cast(S));
            DoubleVector t = VectorMath.expm1(DoubleVector.fromArray(S, lw, i).mul(-2 / nu)).mul(nu).div(q).sqrt()
                    .mul(DoubleVector.fromArray(S, u, i)).mul(s);
            DoubleVector.fromArray(S, z, i).blend(t, ok).intoArray(z, i);
            LongVector left = pv.blend(0L, ok.cast(SL));
            left.intoArray(pending, i);
            any = any.or(left.compare(VectorOperators.NE, 0L));
        }
        return any.anyTrue();
    }

    /**
     * The angle part of a symmetric alpha-stable draw (Chambers-Mallows-Stuck, as {@code StableNoise}), with
     * phi = pi (u - 1/2), u uniform on (0, 1] from r: sa = sin(alpha phi) and
     * t = -log(cos phi) / alpha + (1 - alpha) / alpha log(cos((1 - alpha) phi)); {@code phi} and {@code tmp} are
     * scratch. One
     * method per function pair: C2 stops inlining the Vector API once a compiled method's inlined bytecode passes
     * its budget, and then boxes every vector.
     */
    public static void stableAngle(long[] r, double alpha, double[] sa, double[] t, double[] phi, double[] tmp,
            int w) {
        stableSin(r, alpha, sa, phi, w);
        logCos(phi, 1.0, -1 / alpha, null, t, tmp, w);
        logCos(phi, 1 - alpha, (1 - alpha) / alpha, t, t, tmp, w);
    }

    private static void stableSin(long[] r, double alpha, double[] sa, double[] phi, int w) {
        for (int i = 0; i < w; i += K) {
            LaneStreams.uniform(LongVector.fromArray(SL, r, i)).sub(0.5).mul(Math.PI).intoArray(phi, i);
        }
        for (int i = 0; i < w; i += K) {
            VectorMath.sin(DoubleVector.fromArray(S, phi, i).mul(alpha)).intoArray(sa, i);
        }
    }

    /** out = (add or 0) + m log(cos(f phi)); out is first the cosine (two passes, one function each). */
    private static void logCos(double[] phi, double f, double m, double[] add, double[] out, double[] tmp, int w) {
        for (int i = 0; i < w; i += K) {
            VectorMath.cos(DoubleVector.fromArray(S, phi, i).mul(f)).intoArray(tmp, i);
        }
        for (int i = 0; i < w; i += K) {
            DoubleVector v = VectorMath.log(DoubleVector.fromArray(S, tmp, i)).mul(m);
            (add == null ? v : v.add(DoubleVector.fromArray(S, add, i))).intoArray(out, i);
        }
    }

    /**
     * z = s sa exp(t - (1 - alpha) / alpha log E), E = -log u standard exponential from r: the stable draw
     * s sin(alpha phi) / cos(phi)^(1/alpha) (cos((1 - alpha) phi) / E)^((1 - alpha) / alpha); {@code le} is scratch.
     */
    public static void stable(double[] sa, double[] t, long[] r, double alpha, double s, double[] le, double[] z,
            int w) {
        logExponential(r, le, w);
        stableDraw(sa, t, le, (1 - alpha) / alpha, s, z, w);
    }

    /** le = log E, E = -log u standard exponential, u uniform on (0, 1] from r (two passes). */
    private static void logExponential(long[] r, double[] le, int w) {
        for (int i = 0; i < w; i += K) {
            VectorMath.logNormal(LaneStreams.uniform(LongVector.fromArray(SL, r, i))).neg().intoArray(le, i);
        }
        for (int i = 0; i < w; i += K) {
            VectorMath.log(DoubleVector.fromArray(S, le, i)).intoArray(le, i);
        }
    }

    private static void stableDraw(double[] sa, double[] t, double[] le, double c, double s, double[] z, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, t, i).sub(DoubleVector.fromArray(S, le, i).mul(c));
            VectorMath.exp(v).mul(DoubleVector.fromArray(S, sa, i)).mul(s).intoArray(z, i);
        }
    }

    /** out = log(0.05 |1.65 - x|) (iclr1d's power factor, before the power). */
    public static void iclrLog(double[] x, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            VectorMath.log(v.neg().add(1.65).abs().mul(0.05)).intoArray(out, i);
        }
    }

    /** out = exp(-5 (x + 0.8)^2) (iclr1d's Gaussian factor). */
    public static void iclrExp(double[] x, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, x, i).add(0.8);
            VectorMath.exp(v.mul(v).mul(-5.0)).intoArray(out, i);
        }
    }

    /** p = P(x) and dp = P'(x) of iclr1d: P = (x+1.6)(x-1.6) q^2, q = (x+1.3)(x-0.2)(x-0.7). */
    public static void iclrPoly(double[] x, double[] p, double[] dp, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            DoubleVector a = v.add(1.3);
            DoubleVector bq = v.sub(0.2);
            DoubleVector c = v.sub(0.7);
            DoubleVector q = a.mul(bq).mul(c);
            DoubleVector dq = bq.mul(c).add(a.mul(c)).add(a.mul(bq));
            DoubleVector e = v.add(1.6).mul(v.sub(1.6));
            DoubleVector qq = q.mul(q);
            e.mul(qq).intoArray(p, i);
            v.mul(2.0).mul(qq).add(e.mul(2.0).mul(q).mul(dq)).intoArray(dp, i);
        }
    }

    /**
     * iclr1d's gradient from its parts: in: gp = (0.05|1.65-x|)^0.6, ew = exp(-5(x+0.8)^2), p, dp; out: g.
     * f' = gp (P' S + 0.6 P S / (x - 1.65) + P S') with S = s7 s8 s9.
     */
    public static void iclrCombine(double[] x, double[] gp, double[] ew, double[] p, double[] dp, double[] g, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            DoubleVector e = DoubleVector.fromArray(S, ew, i);
            DoubleVector u = v.sub(0.5);
            DoubleVector du = u.mul(u).mul(4.0).add(0.01);
            DoubleVector y = v.add(1.5);
            DoubleVector dv = y.mul(y).mul(4.0).add(0.1);
            // one division per denominator (divisions are the long-latency operations of the step)
            DoubleVector i7 = VectorMath.bc(1.0).div(du);
            DoubleVector i8 = VectorMath.bc(1.0).div(dv);
            DoubleVector s7 = i7.add(1.0);
            DoubleVector s8 = i8.add(1.0);
            DoubleVector s9 = e.mul(-0.25).add(1.0);
            DoubleVector ds7 = u.mul(-8.0).mul(i7).mul(i7);
            DoubleVector ds8 = y.mul(-8.0).mul(i8).mul(i8);
            DoubleVector ds9 = v.add(0.8).mul(2.5).mul(e);
            DoubleVector s = s7.mul(s8).mul(s9);
            DoubleVector ds = ds7.mul(s8).mul(s9).add(s7.mul(ds8).mul(s9)).add(s7.mul(s8).mul(ds9));
            DoubleVector pp = DoubleVector.fromArray(S, p, i);
            DoubleVector d = DoubleVector.fromArray(S, dp, i).mul(s).add(pp.mul(0.6).mul(s).div(v.sub(1.65)))
                    .add(pp.mul(ds));
            DoubleVector.fromArray(S, gp, i).mul(d).intoArray(g, i);
        }
    }

    /** g = 0.4 x^3 - 2 x (ld-quartic). */
    public static void ldQuartic(double[] x, double[] g, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            v.mul(0.4).mul(v).mul(v).sub(v.mul(2.0)).intoArray(g, i);
        }
    }

    /**
     * y = Proj(x + clamp(-eta g + eta sigma z, b)), lane i's z at z[zo + i]; returns true when a lane that was
     * alive (x not NaN) got a
     * NaN or infinite gradient or state (the caller then finds it lane by lane).
     */
    public static boolean update(double[] x, double[] g, double[] z, int zo, double meta, double es, double b,
            double lo, double hi, double[] y, int w) {
        VectorMask<Double> any = VectorMask.fromLong(S, 0);
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, x, i);
            DoubleVector gv = DoubleVector.fromArray(S, g, i);
            DoubleVector u = VectorMath.clamp(gv.mul(meta).add(DoubleVector.fromArray(S, z, zo + i).mul(es)), -b, b);
            DoubleVector yv = VectorMath.clamp(v.add(u), lo, hi);
            yv.intoArray(y, i);
            any = any.or(gv.abs().add(yv.abs()).compare(VectorOperators.LE, Double.MAX_VALUE).not()
                    .andNot(v.test(VectorOperators.IS_NAN)));
        }
        return any.anyTrue();
    }

    /**
     * Occupation counts for up to four fields: c[0..2][lane] += (y &gt;= s_k), c[3][lane] += near,
     * c[4..6][lane] += near and (y &gt;= s_k), with near = (y - m_field)^2 &lt; eps2; fidx = the field index.
     * Returns true when some lane is near a minimum other than cur (a move: the caller books it).
     */
    public static boolean occupation(double[] y, double sA, double sB, double sC, double m0, double m1, double m2,
            double m3, double eps2, double[][] c, double[] cur, double[] fidx, int w) {
        VectorMask<Double> any = VectorMask.fromLong(S, 0);
        double[] c0 = c[0];
        double[] c1 = c[1];
        double[] c2 = c[2];
        double[] c3 = c[3];
        double[] c4 = c[4];
        double[] c5 = c[5];
        double[] c6 = c[6];
        DoubleVector zero = DoubleVector.zero(S);
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, y, i);
            VectorMask<Double> ga = v.compare(VectorOperators.GE, sA);
            VectorMask<Double> gb = v.compare(VectorOperators.GE, sB);
            VectorMask<Double> gc = v.compare(VectorOperators.GE, sC);
            DoubleVector.fromArray(S, c0, i).add(1.0, ga).intoArray(c0, i);
            DoubleVector.fromArray(S, c1, i).add(1.0, gb).intoArray(c1, i);
            DoubleVector.fromArray(S, c2, i).add(1.0, gc).intoArray(c2, i);
            DoubleVector mf = VectorMath.bc(m0).blend(m1, ga).blend(m2, gb).blend(m3, gc);
            DoubleVector dx = v.sub(mf);
            VectorMask<Double> near = dx.mul(dx).compare(VectorOperators.LT, eps2);
            DoubleVector.fromArray(S, c3, i).add(1.0, near).intoArray(c3, i);
            DoubleVector.fromArray(S, c4, i).add(1.0, near.and(ga)).intoArray(c4, i);
            DoubleVector.fromArray(S, c5, i).add(1.0, near.and(gb)).intoArray(c5, i);
            DoubleVector.fromArray(S, c6, i).add(1.0, near.and(gc)).intoArray(c6, i);
            DoubleVector f = zero.blend(1.0, ga).blend(2.0, gb).blend(3.0, gc);
            f.intoArray(fidx, i);
            any = any.or(near.and(f.compare(VectorOperators.NE, DoubleVector.fromArray(S, cur, i))));
        }
        return any.anyTrue();
    }

    /**
     * Exit test: true when some lane with x in the block left [lo, hi] (strictly: x &lt;= loX or x &gt;= hiX
     * with the bounds adjusted for open/closed ends by the caller) or is NaN (an idle lane is NaN: test with
     * {@code active}).
     */
    public static boolean outside(double[] y, double loX, double hiX, int w) {
        VectorMask<Double> any = VectorMask.fromLong(S, 0);
        for (int i = 0; i < w; i += K) {
            DoubleVector v = DoubleVector.fromArray(S, y, i);
            any = any.or(v.compare(VectorOperators.GT, loX).and(v.compare(VectorOperators.LT, hiX)).not());
        }
        return any.anyTrue();
    }
}
