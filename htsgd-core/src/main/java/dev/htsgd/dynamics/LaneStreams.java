package dev.htsgd.dynamics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lanes' random streams on vectors: one xoshiro256++ step of K lanes (the generator of every lane of the
 * vector engine, seeded per path from the keyed streams) and the uniform on (0, 1] from an output's top 52 bits.
 * These take and return vectors, so they must be inlined where they are called; the passes of
 * {@link LanePasses}, which take arrays only, may be compiled out of line (the launcher keeps them so: see
 * {@link LanePasses}).
 *
 * <p>Only loaded when {@link LaneEngine#available()}.
 */
public final class LaneStreams {

    private static final VectorSpecies<Long> SL = VectorMath.SL;
    private static final long ONE_BITS = 0x3FF0000000000000L;

    private LaneStreams() {
    }

    /** Uniforms on (0, 1] from the top 52 bits of r (2 minus a double in [1, 2)). */
    public static DoubleVector uniform(LongVector r) {
        return VectorMath.bc(2.0).sub(r.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS).reinterpretAsDoubles());
    }

    /**
     * One xoshiro256++ step of the K lanes at i: all of them (m null, folded when inlined) or those in m; the
     * outputs go to r at ro + i.
     */
    public static void advance(long[] a0, long[] a1, long[] a2, long[] a3, long[] r, int ro, int i,
            VectorMask<Long> m) {
        LongVector s0 = LongVector.fromArray(SL, a0, i);
        LongVector s1 = LongVector.fromArray(SL, a1, i);
        LongVector s2 = LongVector.fromArray(SL, a2, i);
        LongVector s3 = LongVector.fromArray(SL, a3, i);
        LongVector q = s0.add(s3);
        q.lanewise(VectorOperators.LSHL, 23).or(q.lanewise(VectorOperators.LSHR, 41)).add(s0).intoArray(r, ro + i);
        LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
        LongVector n2 = s2.lanewise(VectorOperators.XOR, s0);
        LongVector n3 = s3.lanewise(VectorOperators.XOR, s1);
        LongVector n1 = s1.lanewise(VectorOperators.XOR, n2);
        LongVector n0 = s0.lanewise(VectorOperators.XOR, n3);
        n2 = n2.lanewise(VectorOperators.XOR, t);
        n3 = n3.lanewise(VectorOperators.LSHL, 45).or(n3.lanewise(VectorOperators.LSHR, 19));
        if (m != null) {
            n0 = s0.blend(n0, m);
            n1 = s1.blend(n1, m);
            n2 = s2.blend(n2, m);
            n3 = s3.blend(n3, m);
        }
        n0.intoArray(a0, i);
        n1.intoArray(a1, i);
        n2.intoArray(a2, i);
        n3.intoArray(a3, i);
    }
}
