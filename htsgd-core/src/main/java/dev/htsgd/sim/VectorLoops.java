package dev.htsgd.sim;

import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.dynamics.LaneStep;
import dev.htsgd.dynamics.VectorMath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The experiments' inner loops on the vector engine: K paths in the lanes of one vector ({@link LaneEngine}).
 * Per step and lane: xoshiro256++, the noise, the gradient, truncation, projection, the divergence check and
 * the basin bookkeeping, all as lane operations; only rare events (a divergence, a move to another minimum, an
 * exit, a thinned state) leave the vector code, tested once per step by {@code anyTrue()} on a mask. The loop
 * allocates nothing: vectors live in locals, counters are vectors of doubles (exact below 2^53).
 *
 * <p>Only loaded when {@link LaneEngine#available()}.
 */
final class VectorLoops {

    static final VectorSpecies<Double> S = VectorMath.S;
    static final VectorSpecies<Long> SL = VectorMath.SL;
    static final int K = S.length();
    private static final long CHUNK = 1L << 20;

    private VectorLoops() {
    }

    /** The xoshiro256++ state of lane for stream p: four outputs of the keyed stream (never all zero). */
    static void seed(long seed, long p, long[][] st, int lane) {
        UniformRandomProvider r = Streams.forReplication(seed, p);
        long a = r.nextLong();
        long b = r.nextLong();
        long c = r.nextLong();
        long d = r.nextLong();
        if ((a | b | c | d) == 0) {
            a = 0x9E3779B97F4A7C15L;
        }
        st[0][lane] = a;
        st[1][lane] = b;
        st[2][lane] = c;
        st[3][lane] = d;
    }

    /**
     * Occupation of paths {@code first .. first + K - 1} (those below {@code paths}; the others are idle lanes).
     * Fields: at most 4 (maxima padded with +inf, minima with NaN).
     */
    static OccupationExperiment.PathResult[] occupation(LaneEngine.Spec sp, long seed, int first, int paths,
            long steps, double x0, double[] maxima, double[] minima, double epsilon, long thin, int maxVisits,
            LongConsumer progress) {
        long cpu0 = OccupationExperiment.cpuNow();
        int n = minima.length;
        int live = Math.min(K, paths - first);
        long[][] st = new long[4][K];
        double[] xs = new double[K];
        double[] curs = new double[K];
        int start = 0;
        while (start < n - 1 && x0 >= maxima[start]) {
            start++;
        }
        for (int i = 0; i < K; i++) {
            seed(seed, first + i, st, i);
            xs[i] = i < live ? x0 : Double.NaN;
            curs[i] = start;
        }
        long[][][] trans = new long[K][n][n];
        int[][] visits = new int[K][Math.min(maxVisits, 1024)];
        int[] nv = new int[K];
        boolean[] truncated = new boolean[K];
        for (int i = 0; i < K; i++) {
            visits[i][nv[i]++] = start;
        }
        long[] laneSteps = new long[K];
        Arrays.fill(laneSteps, steps);
        DivergenceException[] div = new DivergenceException[K];
        double[][] traj = new double[K][thin > 0 ? (int) (steps / thin) : 0];
        int nt = 0;
        double[] tmp = new double[K];
        double[] tmpG = new double[K];
        double[] tmpF = new double[K];
        double[] tmpC = new double[K];

        final int gk = sp.gradient();
        final int nk = sp.noise();
        final boolean half = sp.pPlus() == 0.5;
        final double mia = -1.0 / sp.alpha();
        final double scale = sp.scale();
        final double pPlus = sp.pPlus();
        final double shift = sp.shift();
        final double meta = -sp.eta();
        final double es = sp.etaSigma();
        final double b = sp.clip();
        final double lo = sp.lo();
        final double hi = sp.hi();
        final double eps2 = epsilon * epsilon;
        final double sA = n > 1 ? maxima[0] : Double.POSITIVE_INFINITY;
        final double sB = n > 2 ? maxima[1] : Double.POSITIVE_INFINITY;
        final double sC = n > 3 ? maxima[2] : Double.POSITIVE_INFINITY;
        final DoubleVector m0 = VectorMath.bc(minima[0]);
        final DoubleVector m1 = VectorMath.bc(n > 1 ? minima[1] : Double.NaN);
        final DoubleVector m2 = VectorMath.bc(n > 2 ? minima[2] : Double.NaN);
        final DoubleVector m3 = VectorMath.bc(n > 3 ? minima[3] : Double.NaN);
        final DoubleVector zero = DoubleVector.zero(S);

        LongVector s0 = LongVector.fromArray(SL, st[0], 0);
        LongVector s1 = LongVector.fromArray(SL, st[1], 0);
        LongVector s2 = LongVector.fromArray(SL, st[2], 0);
        LongVector s3 = LongVector.fromArray(SL, st[3], 0);
        DoubleVector x = DoubleVector.fromArray(S, xs, 0);
        DoubleVector cur = DoubleVector.fromArray(S, curs, 0);
        VectorMask<Double> dead = x.test(VectorOperators.IS_NAN);
        DoubleVector cA = zero;
        DoubleVector cB = zero;
        DoubleVector cC = zero;
        DoubleVector nAll = zero;
        DoubleVector nA = zero;
        DoubleVector nB = zero;
        DoubleVector nC = zero;
        int alive = live;
        long reported = 0;
        for (long j = 1; j <= steps; j++) {
            // xoshiro256++ in every lane
            LongVector r = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
            LongVector t = s1.lanewise(VectorOperators.LSHL, 17);
            s2 = s2.lanewise(VectorOperators.XOR, s0);
            s3 = s3.lanewise(VectorOperators.XOR, s1);
            s1 = s1.lanewise(VectorOperators.XOR, s2);
            s0 = s0.lanewise(VectorOperators.XOR, s3);
            s2 = s2.lanewise(VectorOperators.XOR, t);
            s3 = s3.lanewise(VectorOperators.ROL, 45);
            DoubleVector w = LaneStep.magnitude(nk, r, mia, scale);
            DoubleVector z;
            if (half) {
                z = LaneStep.signFromBit(w, r);
            } else {
                LongVector r2 = s0.add(s3).lanewise(VectorOperators.ROL, 23).add(s0);
                t = s1.lanewise(VectorOperators.LSHL, 17);
                s2 = s2.lanewise(VectorOperators.XOR, s0);
                s3 = s3.lanewise(VectorOperators.XOR, s1);
                s1 = s1.lanewise(VectorOperators.XOR, s2);
                s0 = s0.lanewise(VectorOperators.XOR, s3);
                s2 = s2.lanewise(VectorOperators.XOR, t);
                s3 = s3.lanewise(VectorOperators.ROL, 45);
                z = LaneStep.signFromUniform(w, r2, pPlus).sub(shift);
            }
            DoubleVector g = LaneStep.gradient(gk, x);
            DoubleVector u = g.mul(meta).add(z.mul(es)).max(-b).min(b);
            DoubleVector y = x.add(u).max(lo).min(hi);
            VectorMask<Double> bad = g.abs().add(y.abs()).compare(VectorOperators.LE, Double.MAX_VALUE).not()
                    .andNot(dead);
            if (bad.anyTrue()) {
                x.intoArray(tmp, 0);
                g.intoArray(tmpG, 0);
                for (int i = 0; i < K; i++) {
                    if (bad.laneIsSet(i)) {
                        div[i] = new DivergenceException(j, new double[] {tmp[i]}, new double[] {tmpG[i]});
                        laneSteps[i] = j - 1;
                        alive--;
                    }
                }
                dead = dead.or(bad);
                y = y.blend(Double.NaN, bad);
            }
            x = y;
            // bookkeeping: fields by the maxima passed, the nearest minimum of the field, moves between minima
            VectorMask<Double> ga = x.compare(VectorOperators.GE, sA);
            VectorMask<Double> gb = x.compare(VectorOperators.GE, sB);
            VectorMask<Double> gc = x.compare(VectorOperators.GE, sC);
            cA = cA.add(1.0, ga);
            cB = cB.add(1.0, gb);
            cC = cC.add(1.0, gc);
            DoubleVector dx = x.sub(m0.blend(m1, ga).blend(m2, gb).blend(m3, gc));
            VectorMask<Double> near = dx.mul(dx).compare(VectorOperators.LT, eps2);
            nAll = nAll.add(1.0, near);
            nA = nA.add(1.0, near.and(ga));
            nB = nB.add(1.0, near.and(gb));
            nC = nC.add(1.0, near.and(gc));
            DoubleVector fidx = zero.blend(1.0, ga).blend(2.0, gb).blend(3.0, gc);
            VectorMask<Double> moved = near.and(fidx.compare(VectorOperators.NE, cur));
            if (moved.anyTrue()) {
                fidx.intoArray(tmpF, 0);
                cur.intoArray(tmpC, 0);
                for (int i = 0; i < K; i++) {
                    if (moved.laneIsSet(i)) {
                        int f = (int) tmpF[i];
                        trans[i][(int) tmpC[i]][f]++;
                        if (nv[i] < maxVisits) {
                            if (nv[i] == visits[i].length) {
                                visits[i] = Arrays.copyOf(visits[i], Math.min(maxVisits, visits[i].length * 2));
                            }
                            visits[i][nv[i]++] = f;
                        } else {
                            truncated[i] = true;
                        }
                    }
                }
                cur = cur.blend(fidx, moved);
            }
            if (thin > 0 && j % thin == 0) {
                x.intoArray(tmp, 0);
                for (int i = 0; i < K; i++) {
                    traj[i][nt] = tmp[i];
                }
                nt++;
            }
            if ((j & (CHUNK - 1)) == 0) {
                if (progress != null) {
                    progress.accept(CHUNK * alive);
                }
                reported = j;
            }
        }
        double[] ca = cA.toArray();
        double[] cb = cB.toArray();
        double[] cc = cC.toArray();
        double[] na = nAll.toArray();
        double[] nA0 = nA.toArray();
        double[] nB0 = nB.toArray();
        double[] nC0 = nC.toArray();
        long cpu = (OccupationExperiment.cpuNow() - cpu0) / Math.max(1, live);
        OccupationExperiment.PathResult[] out = new OccupationExperiment.PathResult[live];
        for (int i = 0; i < live; i++) {
            long[] ge = {laneSteps[i], (long) ca[i], (long) cb[i], (long) cc[i], 0};
            long[] nge = {(long) na[i], (long) nA0[i], (long) nB0[i], (long) nC0[i], 0};
            long[] inField = new long[n];
            long[] nearMin = new long[n];
            for (int f = 0; f < n; f++) {
                inField[f] = ge[f] - (f == n - 1 ? 0 : ge[f + 1]);
                nearMin[f] = nge[f] - (f == n - 1 ? 0 : nge[f + 1]);
            }
            if (progress != null && laneSteps[i] > reported) {
                progress.accept(laneSteps[i] - reported);
            }
            int keep = thin > 0 ? (int) (laneSteps[i] / thin) : 0;
            out[i] = new OccupationExperiment.PathResult(first + i, laneSteps[i], inField, nearMin, trans[i],
                    Arrays.copyOf(visits[i], nv[i]), truncated[i],
                    keep == traj[i].length ? traj[i] : Arrays.copyOf(traj[i], keep), div[i], cpu);
        }
        return out;
    }
}
