package dev.htsgd.dynamics;

import dev.htsgd.landscape.LaneCode;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * f'(x) of an {@code expr:} formula on W lanes: the {@link LaneCode} program interpreted once per step for all
 * lanes, each instruction one pass over the lanes (as {@link LanePasses}, so no vector crosses a call), carrying
 * value and derivative (forward-mode automatic differentiation). The rules are those of the scalar
 * {@code ExpressionObjective}; the results differ from it by rounding only (x^4 is x x x x here, {@code Math.pow}
 * there; exp and log are {@link VectorMath}'s). A polynomial formula ({@link LaneCode#derivativePolynomial()})
 * skips the program: f' is its expanded coefficients by Horner's rule, one pass of fused multiply-adds.
 */
public final class LaneTape {

    private static final VectorSpecies<Double> S = VectorMath.S;
    private static final int K = S.length();

    private final LaneCode.Instruction[] program;
    private final double[][] val;
    private final double[][] der;
    private final double[] p;
    private final double[] base;
    /** f' by Horner's rule: d_0, ..., d_8 (zeros above the degree), or null to interpret the program. */
    private final double[] horner;
    private final boolean upTo4;

    /** Scratch for {@code code} on w lanes (w a multiple of K). */
    public LaneTape(LaneCode code, int w) {
        if (!code.supported()) {
            throw new IllegalArgumentException("engine vector: " + code.reason());
        }
        this.program = code.program().toArray(new LaneCode.Instruction[0]);
        this.val = LaneArrays.doubles(code.slots(), w);
        this.der = LaneArrays.doubles(code.slots(), w);
        this.p = LaneArrays.doubles(w);
        this.base = LaneArrays.doubles(w);
        double[] d = code.derivativePolynomial();
        this.horner = d == null ? null : Arrays.copyOf(d, LaneCode.MAX_POLYNOMIAL_DEGREE + 1);
        this.upTo4 = d != null && d.length <= 5;
    }

    /** g = f'(x) on the first w lanes. */
    public void gradient(double[] x, double[] g, int w) {
        if (horner != null) {
            if (upTo4) {
                horner4(horner, x, g, w);
            } else {
                horner8(horner, x, g, w);
            }
            return;
        }
        for (LaneCode.Instruction in : program) {
            int s = in.slot();
            double c = in.imm();
            switch (in.op()) {
                case X -> fill(x, 1.0, val[s], der[s], w);
                case C -> fill(null, c, val[s], der[s], w);
                case NEG -> affine(-1.0, 0.0, val[s], der[s], w);
                case ADD, SUB, MUL, DIV -> binary(in.op(), val[s], der[s], val[s + 1], der[s + 1], w);
                case ADD_C -> affine(1.0, c, val[s], der[s], w);
                case SUB_C -> affine(1.0, -c, val[s], der[s], w);
                case MUL_C -> affine(c, 0.0, val[s], der[s], w);
                case DIV_C -> divide(c, val[s], der[s], w);
                case POW_I -> powInt((int) c, val[s], der[s], w);
                case POW_R -> powReal(c, val[s], der[s], w);
                default -> function(in.op(), val[s], der[s], w);
            }
        }
        double[] d0 = der[0];
        for (int i = 0; i < w; i += K) {
            DoubleVector.fromArray(S, d0, i).intoArray(g, i);
        }
    }

    /**
     * g = d_0 + d_1 x + ... + d_4 x^4 by Horner's rule with fused multiply-adds, written out: a loop over the
     * degrees would carry a vector around it, boxed on Java 17. A zero d_4 costs one exact step (0 x + d_3 = d_3).
     */
    private static void horner4(double[] d, double[] x, double[] g, int w) {
        DoubleVector d0 = VectorMath.bc(d[0]);
        DoubleVector d1 = VectorMath.bc(d[1]);
        DoubleVector d2 = VectorMath.bc(d[2]);
        DoubleVector d3 = VectorMath.bc(d[3]);
        DoubleVector d4 = VectorMath.bc(d[4]);
        for (int i = 0; i < w; i += K) {
            DoubleVector u = DoubleVector.fromArray(S, x, i);
            d4.fma(u, d3).fma(u, d2).fma(u, d1).fma(u, d0).intoArray(g, i);
        }
    }

    /** {@link #horner4} to degree 8. */
    private static void horner8(double[] d, double[] x, double[] g, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector u = DoubleVector.fromArray(S, x, i);
            VectorMath.bc(d[8]).fma(u, VectorMath.bc(d[7])).fma(u, VectorMath.bc(d[6])).fma(u, VectorMath.bc(d[5]))
                    .fma(u, VectorMath.bc(d[4])).fma(u, VectorMath.bc(d[3])).fma(u, VectorMath.bc(d[2]))
                    .fma(u, VectorMath.bc(d[1])).fma(u, VectorMath.bc(d[0])).intoArray(g, i);
        }
    }

    /**
     * v = x (or the constant c when x is null), d = 1 for x, 0 for a constant; by vector stores, not
     * System.arraycopy and Arrays.fill, whose out-of-line calls cost more than a few vectors (measured: the tape's
     * step of x^4/10 - x^2 on 16 lanes took 54 ns with them, 47-49 ns this way).
     */
    private static void fill(double[] x, double c, double[] v, double[] d, int w) {
        DoubleVector dv = VectorMath.bc(x == null ? 0.0 : 1.0);
        DoubleVector cv = VectorMath.bc(c);
        for (int i = 0; i < w; i += K) {
            (x == null ? cv : DoubleVector.fromArray(S, x, i)).intoArray(v, i);
            dv.intoArray(d, i);
        }
    }

    /** v = m v + a, d = m d (a * b exact for m = +-1, as the scalar rules: a + c, a - c, -a, a c). */
    private static void affine(double m, double a, double[] v, double[] d, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector.fromArray(S, v, i).mul(m).add(a).intoArray(v, i);
            DoubleVector.fromArray(S, d, i).mul(m).intoArray(d, i);
        }
    }

    /** v = v / c, d = d / c. */
    private static void divide(double c, double[] v, double[] d, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector.fromArray(S, v, i).div(c).intoArray(v, i);
            DoubleVector.fromArray(S, d, i).div(c).intoArray(d, i);
        }
    }

    /** va op vb into va (and the derivatives); one loop per operator, so that no vector merges across branches. */
    private static void binary(LaneCode.Op op, double[] va, double[] da, double[] vb, double[] db, int w) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < w; i += K) {
                    DoubleVector.fromArray(S, va, i).add(DoubleVector.fromArray(S, vb, i)).intoArray(va, i);
                    DoubleVector.fromArray(S, da, i).add(DoubleVector.fromArray(S, db, i)).intoArray(da, i);
                }
            }
            case SUB -> {
                for (int i = 0; i < w; i += K) {
                    DoubleVector.fromArray(S, va, i).sub(DoubleVector.fromArray(S, vb, i)).intoArray(va, i);
                    DoubleVector.fromArray(S, da, i).sub(DoubleVector.fromArray(S, db, i)).intoArray(da, i);
                }
            }
            case MUL -> {
                for (int i = 0; i < w; i += K) {
                    DoubleVector a = DoubleVector.fromArray(S, va, i);
                    DoubleVector b = DoubleVector.fromArray(S, vb, i);
                    a.mul(b).intoArray(va, i);
                    DoubleVector.fromArray(S, da, i).mul(b).add(a.mul(DoubleVector.fromArray(S, db, i)))
                            .intoArray(da, i);
                }
            }
            default -> {
                for (int i = 0; i < w; i += K) {
                    DoubleVector b = DoubleVector.fromArray(S, vb, i);
                    DoubleVector r = DoubleVector.fromArray(S, va, i).div(b);
                    r.intoArray(va, i);
                    DoubleVector.fromArray(S, da, i).sub(r.mul(DoubleVector.fromArray(S, db, i))).div(b)
                            .intoArray(da, i);
                }
            }
        }
    }

    /**
     * v = v^n, d = n v^(n-1) d, by repeated squaring (n != 0, |n| at most {@link LaneCode#MAX_INTEGER_POWER}); each
     * multiplication is a pass over the lanes, because a vector carried around a loop would be boxed on Java 17.
     */
    private void powInt(int n, double[] v, double[] d, int w) {
        if (n >= 2 && n <= 4) {
            smallPower(n, v, d, w);
            return;
        }
        int m = n - 1;
        java.util.Arrays.fill(p, 0, w, 1.0);
        System.arraycopy(v, 0, base, 0, w);
        for (int e = Math.abs(m); e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                times(p, base, p, w);
            }
            if (e > 1) {
                times(base, base, base, w);
            }
        }
        for (int i = 0; i < w; i += K) {
            DoubleVector q = DoubleVector.fromArray(S, p, i);
            if (m < 0) {
                q = VectorMath.bc(1.0).div(q);
            }
            DoubleVector.fromArray(S, v, i).mul(q).intoArray(v, i);
            DoubleVector.fromArray(S, d, i).mul(q.mul(n)).intoArray(d, i);
        }
    }

    /** v^2, v^3, v^4 in one pass (the common powers of a landscape formula); one loop each, no vector merges. */
    private static void smallPower(int n, double[] v, double[] d, int w) {
        if (n == 2) {
            for (int i = 0; i < w; i += K) {
                DoubleVector a = DoubleVector.fromArray(S, v, i);
                a.mul(a).intoArray(v, i);
                DoubleVector.fromArray(S, d, i).mul(a.mul(2.0)).intoArray(d, i);
            }
        } else if (n == 3) {
            for (int i = 0; i < w; i += K) {
                DoubleVector a = DoubleVector.fromArray(S, v, i);
                DoubleVector q = a.mul(a);
                q.mul(a).intoArray(v, i);
                DoubleVector.fromArray(S, d, i).mul(q.mul(3.0)).intoArray(d, i);
            }
        } else {
            for (int i = 0; i < w; i += K) {
                DoubleVector a = DoubleVector.fromArray(S, v, i);
                DoubleVector q = a.mul(a).mul(a);
                q.mul(a).intoArray(v, i);
                DoubleVector.fromArray(S, d, i).mul(q.mul((double) n)).intoArray(d, i);
            }
        }
    }

    /** out = a b. */
    private static void times(double[] a, double[] b, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector.fromArray(S, a, i).mul(DoubleVector.fromArray(S, b, i)).intoArray(out, i);
        }
    }

    /** v = v^c = exp(c log v), d = c v^(c-1) d (NaN for v &lt; 0, as Math.pow with a non-integer exponent). */
    private static void powReal(double c, double[] v, double[] d, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector lg = VectorMath.log(DoubleVector.fromArray(S, v, i));
            VectorMath.exp(lg.mul(c)).intoArray(v, i);
            DoubleVector.fromArray(S, d, i).mul(VectorMath.exp(lg.mul(c - 1)).mul(c)).intoArray(d, i);
        }
    }

    /**
     * exp, log, sqrt, abs, sin, cos; a NaN value gets a NaN derivative (outside the function's domain). sin and cos
     * are {@link VectorMath#sin}'s: within 2 ulp for |u| up to 2^19 pi/2, about 1e-21 |u| absolute beyond.
     */
    private static void function(LaneCode.Op op, double[] v, double[] d, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector u = DoubleVector.fromArray(S, v, i);
            switch (op) {
                case EXP -> {
                    DoubleVector r = VectorMath.exp(u);
                    store(r, r, v, d, i);
                }
                case LOG -> store(VectorMath.log(u), VectorMath.bc(1.0).div(u), v, d, i);
                case SQRT -> {
                    DoubleVector r = u.sqrt();
                    store(r, VectorMath.bc(0.5).div(r), v, d, i);
                }
                case SIN -> store(VectorMath.sin(u), VectorMath.cos(u), v, d, i);
                case COS -> store(VectorMath.cos(u), VectorMath.sin(u).neg(), v, d, i);
                default -> store(u.abs(), VectorMath.bc(0.0).blend(1.0, u.compare(VectorOperators.GT, 0.0))
                        .blend(-1.0, u.compare(VectorOperators.LT, 0.0)), v, d, i);
            }
        }
    }

    private static void store(DoubleVector r, DoubleVector du, double[] v, double[] d, int i) {
        r.intoArray(v, i);
        DoubleVector.fromArray(S, d, i).mul(du.blend(Double.NaN, r.test(VectorOperators.IS_NAN))).intoArray(d, i);
    }
}
