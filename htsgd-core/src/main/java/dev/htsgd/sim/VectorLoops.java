package dev.htsgd.sim;

import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.dynamics.LaneArrays;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.dynamics.LanePasses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The experiments' inner loops on the vector engine: W paths (W a multiple of the vector width K) advanced
 * together, one step being a sequence of {@link LanePasses} over the lanes. Per step and lane: xoshiro256++,
 * the noise, the gradient, truncation, projection ({@link LaneBlock}), the divergence check and the basin bookkeeping, all lane
 * operations; only rare events (a divergence, a move to another minimum, an exit, a thinned state) are
 * handled lane by lane, found by one mask test per pass. The loop allocates nothing.
 *
 * <p>Only loaded when {@link LaneEngine#available()}.
 */
final class VectorLoops {

    static final int K = LanePasses.width();
    private static final long CHUNK = 1L << 20;

    private VectorLoops() {
    }

    /**
     * Occupation of paths {@code first .. first + w - 1} (those below {@code paths}; the others are idle NaN
     * lanes). At most 4 fields (maxima padded with +inf, minima with NaN).
     */
    static OccupationExperiment.PathResult[] occupation(LaneEngine.Spec sp, int w, long seed, int first, int paths,
            long steps, double x0, double[] maxima, double[] minima, double epsilon, long thin, int maxVisits,
            LongConsumer progress) {
        long cpu0 = OccupationExperiment.cpuNow();
        int n = minima.length;
        int live = Math.min(w, paths - first);
        // the noise drawn ahead (LaneBlock): the same bits as step by step; here every lane runs every step
        LaneBlock L = new LaneBlock(sp, w, LaneBlock.aheadFor(w));
        int start = 0;
        while (start < n - 1 && x0 >= maxima[start]) {
            start++;
        }
        double[] cur = LaneArrays.doubles(w);
        double[] fidx = LaneArrays.doubles(w);
        double[][] c = LaneArrays.doubles(7, w);
        for (int i = 0; i < w; i++) {
            L.seed(seed, first + i, i);
            L.x()[i] = i < live ? x0 : Double.NaN;
            cur[i] = start;
        }
        long[][][] trans = new long[w][n][n];
        int[][] visits = new int[w][Math.min(maxVisits, 1024)];
        int[] nv = new int[w];
        boolean[] truncated = new boolean[w];
        for (int i = 0; i < w; i++) {
            visits[i][nv[i]++] = start;
        }
        long[] laneSteps = new long[w];
        Arrays.fill(laneSteps, steps);
        DivergenceException[] div = new DivergenceException[w];
        double[][] traj = new double[w][thin > 0 && live > 0 ? (int) (steps / thin) : 0];
        int nt = 0;
        final double sA = n > 1 ? maxima[0] : Double.POSITIVE_INFINITY;
        final double sB = n > 2 ? maxima[1] : Double.POSITIVE_INFINITY;
        final double sC = n > 3 ? maxima[2] : Double.POSITIVE_INFINITY;
        final double m0 = minima[0];
        final double m1 = n > 1 ? minima[1] : Double.NaN;
        final double m2 = n > 2 ? minima[2] : Double.NaN;
        final double m3 = n > 3 ? minima[3] : Double.NaN;
        final double eps2 = epsilon * epsilon;
        int alive = live;
        long reported = 0;
        boolean lead = LaneWarmUp.JVM.enter();
        for (long j = 1; j <= steps; j++) {
            if (lead && j == LaneWarmUp.STEPS) {
                LaneWarmUp.JVM.done();
            }
            if (L.step()) {
                double[] x = L.x();
                double[] y = L.y();
                for (int i = 0; i < w; i++) {
                    if (!Double.isNaN(x[i]) && !(Math.abs(L.g()[i]) + Math.abs(y[i]) <= Double.MAX_VALUE)) {
                        div[i] = new DivergenceException(j, new double[] {x[i]}, new double[] {L.g()[i]});
                        laneSteps[i] = j - 1;
                        y[i] = Double.NaN;
                        alive--;
                    }
                }
            }
            L.swap();
            double[] x = L.x();
            if (LanePasses.occupation(x, sA, sB, sC, m0, m1, m2, m3, eps2, c, cur, fidx, w)) {
                for (int i = 0; i < w; i++) {
                    double dx = x[i] - (fidx[i] == 0 ? m0 : fidx[i] == 1 ? m1 : fidx[i] == 2 ? m2 : m3);
                    if (dx * dx < eps2 && fidx[i] != cur[i]) {
                        int f = (int) fidx[i];
                        trans[i][(int) cur[i]][f]++;
                        cur[i] = f;
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
            }
            if (thin > 0 && j % thin == 0) {
                for (int i = 0; i < live; i++) {
                    traj[i][nt] = x[i];
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
        if (lead) {
            LaneWarmUp.JVM.done();
        }
        long cpu = (OccupationExperiment.cpuNow() - cpu0) / Math.max(1, live);
        OccupationExperiment.PathResult[] out = new OccupationExperiment.PathResult[Math.max(0, live)];
        for (int i = 0; i < live; i++) {
            long[] ge = {laneSteps[i], (long) c[0][i], (long) c[1][i], (long) c[2][i], 0};
            long[] nge = {(long) c[3][i], (long) c[4][i], (long) c[5][i], (long) c[6][i], 0};
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

    /** Gives lane i replication {@code next} (seeding its stream) when one is left; false, lane idle, when not. */
    private static boolean take(LaneBlock lanes, int[] rep, int i, long seed, int next, int to) {
        if (next >= to) {
            rep[i] = -1;
            return false;
        }
        rep[i] = next;
        lanes.seed(seed, next, i);
        return true;
    }

    /**
     * Exit times of replications {@code from .. to - 1} (stream {@code index} of {@code seed} each) on w lanes: a
     * lane whose path exits, is censored or diverges takes the next replication of the range. Each
     * replication's result depends only on its own stream, not on the lane or block that ran it.
     */
    static List<ExitTimeExperiment.Replication> exitTimes(LaneEngine.Spec sp, int w, long seed, int from,
            int to, double start, Region field, long maxSteps, LongConsumer progress) {
        LaneBlock L = new LaneBlock(sp, w);
        int[] rep = new int[w];
        long[] begin = new long[w];
        int next = from;
        int active = 0;
        for (int i = 0; i < w; i++) {
            L.x()[i] = start;
            if (take(L, rep, i, seed, next, to)) {
                next++;
                active++;
            } else {
                L.seed(seed, 0, i);
            }
        }
        // contains(x) as x > loX and x < hiX: x >= lo is x > nextDown(lo)
        double loX = field.loOpen() ? field.lo() : Math.nextDown(field.lo());
        double hiX = field.hiOpen() ? field.hi() : Math.nextUp(field.hi());
        ExitTimeExperiment.Replication[] out = new ExitTimeExperiment.Replication[to - from];
        long nextCap = maxSteps;
        long j = 0;
        long pending = 0;
        boolean lead = LaneWarmUp.JVM.enter();
        while (active > 0) {
            j++;
            if (lead && j == LaneWarmUp.STEPS) {
                LaneWarmUp.JVM.done();
            }
            boolean bad = L.step();
            double[] x = L.x();
            double[] y = L.y();
            boolean event = bad | LanePasses.outside(y, loX, hiX, w) | j == nextCap;
            pending += active;
            if (event) {
                long cap = Long.MAX_VALUE;
                for (int i = 0; i < w; i++) {
                    long n = j - begin[i];
                    ExitTimeExperiment.Replication res = null;
                    if (!(Math.abs(L.g()[i]) + Math.abs(y[i]) <= Double.MAX_VALUE)) {
                        res = new ExitTimeExperiment.Replication(rep[i], n - 1, false, null,
                                new DivergenceException(n, new double[] {x[i]}, new double[] {L.g()[i]}));
                    } else if (!(y[i] > loX && y[i] < hiX)) {
                        res = new ExitTimeExperiment.Replication(rep[i], n, false, new double[] {y[i]}, null);
                    } else if (n == maxSteps) {
                        res = new ExitTimeExperiment.Replication(rep[i], n, true, null, null);
                    }
                    if (res != null) {
                        if (rep[i] >= 0) {
                            out[rep[i] - from] = res;
                            active--;
                        }
                        begin[i] = j;
                        y[i] = start;
                        if (take(L, rep, i, seed, next, to)) {
                            next++;
                            active++;
                        }
                    }
                    if (rep[i] >= 0) {
                        cap = Math.min(cap, begin[i] + maxSteps);
                    }
                }
                nextCap = cap;
            }
            L.swap();
            if ((j & (CHUNK - 1)) == 0 && progress != null) {
                progress.accept(pending);
                pending = 0;
            }
        }
        if (lead) {
            LaneWarmUp.JVM.done();
        }
        if (progress != null && pending > 0) {
            progress.accept(pending);
        }
        return new ArrayList<>(Arrays.asList(out));
    }
}
