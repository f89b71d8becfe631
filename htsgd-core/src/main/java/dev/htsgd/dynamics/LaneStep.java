package dev.htsgd.dynamics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The pieces of one step of the K-lane recursion: lane gradients of the built-in landscapes and lane noise
 * from random bits. Small static methods, so that C2 inlines them into the experiments' loops and no vector
 * is boxed. No branch depends on a lane's value: clamps are min/max, signs bit operations, choices blends.
 */
public final class LaneStep {

    private static final long ONE_BITS = 0x3FF0000000000000L;

    private LaneStep() {
    }

    /** The gradient with code {@code kind} ({@link LaneEngine#GRAD_ICLR}, ...) in every lane. */
    public static DoubleVector gradient(int kind, DoubleVector x) {
        return kind == LaneEngine.GRAD_ICLR ? iclr(x) : ldQuartic(x);
    }

    /** f'(x) of {@link dev.htsgd.landscape.LdQuartic}: 0.4 x^3 - 2 x. */
    public static DoubleVector ldQuartic(DoubleVector x) {
        return x.mul(0.4).mul(x).mul(x).sub(x.mul(2.0));
    }

    /** f'(x) of {@link dev.htsgd.landscape.Iclr1d}, the same formula as its scalar derivative. */
    public static DoubleVector iclr(DoubleVector x) {
        DoubleVector a = x.add(1.3);
        DoubleVector bq = x.sub(0.2);
        DoubleVector c = x.sub(0.7);
        DoubleVector q = a.mul(bq).mul(c);
        DoubleVector dq = bq.mul(c).add(a.mul(c)).add(a.mul(bq));
        DoubleVector e = x.add(1.6).mul(x.sub(1.6));
        DoubleVector qq = q.mul(q);
        DoubleVector p = e.mul(qq);
        DoubleVector dp = x.mul(2.0).mul(qq).add(e.mul(2.0).mul(q).mul(dq));
        DoubleVector g = VectorMath.pow(x.neg().add(1.65).abs().mul(0.05), 0.6);
        DoubleVector u = x.sub(0.5);
        DoubleVector du = u.mul(u).mul(4.0).add(0.01);
        DoubleVector v = x.add(1.5);
        DoubleVector dv = v.mul(v).mul(4.0).add(0.1);
        DoubleVector w = x.add(0.8);
        DoubleVector ew = VectorMath.exp(w.mul(w).mul(-5.0));
        DoubleVector s7 = VectorMath.bc(1.0).div(du).add(1.0);
        DoubleVector s8 = VectorMath.bc(1.0).div(dv).add(1.0);
        DoubleVector s9 = ew.mul(-0.25).add(1.0);
        DoubleVector ds7 = u.mul(-8.0).div(du.mul(du));
        DoubleVector ds8 = v.mul(-8.0).div(dv.mul(dv));
        DoubleVector ds9 = w.mul(2.5).mul(ew);
        DoubleVector s = s7.mul(s8).mul(s9);
        DoubleVector ds = ds7.mul(s8).mul(s9).add(s7.mul(ds8).mul(s9)).add(s7.mul(s8).mul(ds9));
        return g.mul(dp.mul(s).add(p.mul(0.6).mul(s).div(x.sub(1.65))).add(p.mul(ds)));
    }

    /** Uniform on (0, 1] from the top 52 bits of each lane of {@code r}. */
    public static DoubleVector uniform(LongVector r) {
        return VectorMath.bc(2.0).sub(r.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS).reinterpretAsDoubles());
    }

    /**
     * The unsigned magnitude of a Pareto (kind {@link LaneEngine#NOISE_PARETO}: c u^(-1/alpha)) or Lomax (kind
     * {@link LaneEngine#NOISE_LOMAX}: c (u^(-1/alpha) - 1)) draw from the bits {@code r}.
     */
    public static DoubleVector magnitude(int kind, LongVector r, double minusInvAlpha, double scale) {
        DoubleVector t = VectorMath.exp(VectorMath.logNormal(uniform(r)).mul(minusInvAlpha));
        return (kind == LaneEngine.NOISE_LOMAX ? t.sub(1.0) : t).mul(scale);
    }

    /** w with the sign taken from the lowest bit of {@code r} (+ when 0): the symmetric case p+ = 1/2. */
    public static DoubleVector signFromBit(DoubleVector w, LongVector r) {
        return w.reinterpretAsLongs().lanewise(VectorOperators.XOR, r.lanewise(VectorOperators.LSHL, 63))
                .reinterpretAsDoubles();
    }

    /** w where 1 - u &lt; p+ (probability p+), -w elsewhere; u uniform on (0, 1] from {@code r2}. */
    public static DoubleVector signFromUniform(DoubleVector w, LongVector r2, double pPlus) {
        VectorMask<Double> minus = VectorMath.bc(1.0).sub(uniform(r2)).compare(VectorOperators.GE, pPlus);
        return w.blend(w.neg(), minus);
    }
}
