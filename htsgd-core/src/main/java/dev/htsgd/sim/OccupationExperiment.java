package dev.htsgd.sim;

import dev.htsgd.check.Require;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.theory.Basins;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Long-run occupation of the minima (paper notes section 4 and 5.B): over {@code paths} independent paths of
 * {@code steps} steps each, the fraction of steps in each attraction field, the fraction within epsilon of
 * each minimum, the transitions between minima and the sequence of visited minima, and optionally a thinned
 * trajectory.
 *
 * <p>Transitions and visits follow the minima, not the field boundaries, so that a path flickering across a
 * maximum does not count as moving: the path's current minimum starts as the field of X_0, and changes to
 * m_j (counting one transition i -&gt; j and appending j to the visits) the first time the path comes within
 * epsilon of m_j. The visit sequence of a path is kept up to {@code maxVisits} entries and flagged when cut.
 *
 * <p>Path {@code p} uses stream p of the seed; {@link #runPath(int)} runs one path alone (for threads or
 * Spark tasks), and {@link Result} reduces paths in index order, so results do not depend on the thread
 * count. A diverging path stops, keeps its counts so far and carries the {@link DivergenceException}.
 */
public final class OccupationExperiment extends Experiment {

    private final BasinMap basins;
    private final long steps;
    private final int paths;
    private final double epsilon;
    private final long thin;
    private final int maxVisits;

    private OccupationExperiment(Builder b) {
        super(b);
        this.basins = b.basins;
        this.steps = b.steps;
        this.paths = b.paths;
        this.epsilon = b.epsilon;
        this.thin = b.thin;
        this.maxVisits = b.maxVisits;
    }

    public static Builder builder() {
        return new Builder();
    }

    public BasinMap basins() {
        return basins;
    }

    public double epsilon() {
        return epsilon;
    }

    /**
     * One path's counts.
     *
     * @param index path index
     * @param steps steps done (the requested steps unless the path diverged)
     * @param inField steps spent in each field
     * @param nearMinimum steps spent within epsilon of each minimum
     * @param transitions transitions[i][j]: moves from minimum i to minimum j
     * @param visits the sequence of visited minima, starting with the field of X_0
     * @param visitsTruncated true when the sequence was cut at maxVisits
     * @param trajectory every thin-th state (states flattened, dimension d), empty when thinning is off
     * @param divergence the divergence that stopped the path, or null
     * @param cpuNanos CPU time of the thread that ran the path (for steps per second per core; not part of the
     *     result proper, it varies between runs)
     */
    public record PathResult(int index, long steps, long[] inField, long[] nearMinimum, long[][] transitions,
            int[] visits, boolean visitsTruncated, double[] trajectory, DivergenceException divergence,
            long cpuNanos) implements OccupationCounts {
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static long cpuNow() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Runs path {@code index}. */
    public PathResult runPath(int index) {
        long cpu0 = cpuNow();
        UniformRandomProvider rng = Streams.forReplication(seed, index);
        StepProgress p = new StepProgress(progress);
        int d = sgd.objective().dimension();
        double[] x0 = sgd.x0();
        MinimumTracker t = new MinimumTracker(basins.size(), basins.fieldOf(x0), maxVisits);
        double[] traj = thin > 0 ? new double[(int) (steps / thin) * d] : new double[0];
        int nt = 0;
        double eps2 = epsilon * epsilon;
        long j = 0;
        DivergenceException div = null;
        try {
            if (sgd.isScalar()) {
                Basins map = (Basins) basins;
                double[] s = map.maxima();
                double[] m = map.minima();
                final ClippedSgd g = sgd;
                double x = x0[0];
                while (j < steps) {
                    x = g.step(x, rng);
                    j++;
                    int f = 0;
                    while (f < s.length && x >= s[f]) {
                        f++;
                    }
                    double dx = x - m[f];
                    t.count(f, dx * dx < eps2);
                    if (thin > 0 && j % thin == 0) {
                        traj[nt++] = x;
                    }
                    p.at(j);
                }
            } else {
                double[] x = x0.clone();
                ClippedSgd.Workspace ws = sgd.newWorkspace();
                while (j < steps) {
                    sgd.step(x, ws, rng);
                    j++;
                    int f = basins.fieldOf(x);
                    t.count(f, basins.distance2(x, f) < eps2);
                    if (thin > 0 && j % thin == 0) {
                        System.arraycopy(x, 0, traj, nt, d);
                        nt += d;
                    }
                    p.at(j);
                }
            }
        } catch (DivergenceException e) {
            div = e.atStep(j + 1);
        }
        p.done(j);
        return new PathResult(index, j, t.inField, t.nearMinimum, t.transitions, t.visits(), t.visitsTruncated(),
                nt == traj.length ? traj : Arrays.copyOf(traj, nt), div, cpuNow() - cpu0);
    }

    /**
     * The number of blocks of the vector engine for a run on {@code threads} threads (W paths each, W = K to
     * 4 K, the last block maybe partly idle); 0 on the scalar engine. The split changes the speed only: path
     * p's result does not depend on it.
     */
    public int blocks(int threads) {
        return engine == Engine.VECTOR ? (paths + blockWidth(threads) - 1) / blockWidth(threads) : 0;
    }

    /** Paths per block of the vector engine on {@code threads} threads. */
    public int blockWidth(int threads) {
        return LaneBlock.width(paths, threads);
    }

    /**
     * Runs block {@code block} of the vector engine: paths {@code block W .. block W + W - 1} (those below the
     * number of paths), W = {@code width} a multiple of K. Path p's result is the same whichever block, width
     * or thread runs it.
     *
     * @throws IllegalStateException when this experiment runs on the scalar engine
     */
    public List<PathResult> runBlock(int block, int width) {
        requireVector("runBlock", width);
        if (block < 0 || (long) block * width >= paths) {
            throw new IllegalArgumentException("block must be in [0, " + ((paths - 1) / width) + "], got " + block);
        }
        Basins map = (Basins) basins;
        return List.of(VectorLoops.occupation(LaneEngine.spec(sgd), width, seed, block * width, paths, steps,
                sgd.x0()[0], map.maxima(), map.minima(), epsilon, thin, maxVisits, progress));
    }

    /**
     * Runs paths {@code from .. to - 1} on the calling thread, on this experiment's engine (the vector engine in
     * blocks of up to 4 K lanes). Path p's result is the same whichever range, block or thread runs it.
     */
    public List<PathResult> runPaths(int from, int to) {
        if (from < 0 || to > paths || from > to) {
            throw new IllegalArgumentException("paths range must lie in [0, " + paths + "], got [" + from + ", " + to + ")");
        }
        List<PathResult> out = new java.util.ArrayList<>(to - from);
        if (engine != Engine.VECTOR) {
            for (int i = from; i < to; i++) {
                out.add(runPath(i));
            }
            return out;
        }
        Basins map = (Basins) basins;
        LaneEngine.Spec spec = LaneEngine.spec(sgd);
        int k = LaneEngine.lanes();
        for (int first = from; first < to; ) {
            int w = k * Math.min(4, (to - first + k - 1) / k);
            out.addAll(List.of(VectorLoops.occupation(spec, w, seed, first, to, steps, sgd.x0()[0], map.maxima(),
                    map.minima(), epsilon, thin, maxVisits, progress)));
            first += w;
        }
        return out;
    }

    /** Runs all paths on {@code threads} threads. */
    public Result run(int threads) {
        long t0 = System.nanoTime();
        List<PathResult> res;
        if (engine == Engine.VECTOR) {
            int w = blockWidth(threads);
            List<List<PathResult>> blocks = Replications.run(blocks(threads), threads, b -> runBlock(b, w));
            res = new java.util.ArrayList<>(paths);
            blocks.forEach(res::addAll);
        } else {
            res = Replications.run(paths, threads, this::runPath);
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        return Result.of(res, basins.size(), seconds, Math.min(threads, paths));
    }

    /**
     * Paths reduced in index order.
     *
     * @param paths the paths
     * @param totalSteps steps over all paths
     * @param seconds wall time of the run
     * @param threads threads used
     */
    public record Result(List<PathResult> paths, long totalSteps, long[] inField, long[] nearMinimum,
            long[][] transitions, double seconds, int threads) implements OccupationSummary {

        /** Reduces paths (e.g. run as separate tasks) in index order; n is the number of minima. */
        public static Result of(List<PathResult> paths, int n, double seconds, int threads) {
            OccupationCounts.Totals t = OccupationCounts.Totals.of(n, paths);
            return new Result(List.copyOf(paths), t.steps(), t.inField(), t.nearMinimum(), t.transitions(), seconds, threads);
        }

        /** Steps per second of CPU time: the speed of one core, unaffected by waiting for a busy machine. */
        public double stepsPerCpuSecond() {
            long cpu = 0;
            for (PathResult p : paths) {
                cpu += p.cpuNanos();
            }
            return cpu > 0 ? totalSteps / (cpu * 1e-9) : Double.NaN;
        }

        /** Steps per second of wall time, all threads together. */
        public double stepsPerSecond() {
            return seconds > 0 ? totalSteps / seconds : Double.NaN;
        }

        /** True when some path diverged (its counts up to the divergence are kept). */
        public boolean diverged() {
            return paths.stream().anyMatch(p -> p.divergence() != null);
        }

        /** The first divergence in path order, or null. */
        public DivergenceException firstDivergence() {
            return paths.stream().map(PathResult::divergence).filter(d -> d != null).findFirst().orElse(null);
        }

    }

    /** Builds an {@link OccupationExperiment}; validates eagerly. */
    public static final class Builder extends ExperimentBuilder<Builder> {
        private BasinMap basins;
        private long steps = 10_000_000L;
        private int paths = 10;
        private double epsilon;
        // whether epsilon was given: a NaN passed in must be refused, not taken for "use the default"
        private boolean epsilonSet;
        private long thin;
        private int maxVisits = 100_000;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The basin labelling (default {@link BasinMap#of} the recursion's objective). */
        public Builder basins(BasinMap b) {
            this.basins = b;
            return this;
        }

        public Builder steps(long n) {
            this.steps = n;
            return this;
        }

        public Builder paths(int n) {
            this.paths = n;
            return this;
        }

        /**
         * Radius of the neighbourhoods of the minima (default: min(0.05, r_min / 4) in 1-D with r_min the
         * smallest field radius; 0.1 in 2-D).
         */
        public Builder epsilon(double e) {
            this.epsilon = e;
            this.epsilonSet = true;
            return this;
        }

        /** Record every thin-th state (0: no trajectory). */
        public Builder thin(long t) {
            this.thin = t;
            return this;
        }

        public Builder maxVisits(int n) {
            this.maxVisits = n;
            return this;
        }

        /** Validates; AUTO takes the vector engine only for at least K paths and at most 4 attraction fields. */
        public OccupationExperiment build() {
            if (sgd == null) {
                throw new IllegalArgumentException("sgd must be set");
            }
            Require.positive("steps", steps);
            Require.positive("paths", paths);
            Require.atLeast("thin", thin, 0);
            Require.atLeast("maxVisits", maxVisits, 1);
            if (basins == null) {
                basins = BasinMap.of(sgd.objective());
            }
            if (sgd.isScalar() != (basins instanceof Basins)) {
                throw new IllegalArgumentException("basin map dimension does not match the recursion");
            }
            int d = sgd.objective().dimension();
            if (thin > 0 && (steps / thin) * d > Integer.MAX_VALUE - 8) {
                throw Require.fail("thin", thin + " keeps too many states; use a larger value");
            }
            if (!epsilonSet) {
                if (basins instanceof Basins o) {
                    double r = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < o.size(); i++) {
                        r = Math.min(r, o.radius(i));
                    }
                    epsilon = Math.min(0.05, r / 4);
                } else {
                    epsilon = 0.1;
                }
            }
            if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
                throw new IllegalArgumentException("epsilon must be in (0, inf), got " + epsilon);
            }
            resolveEngine(paths, basins.size() <= 4, "occupation supports at most 4 attraction fields, got " + basins.size());
            return new OccupationExperiment(this);
        }
    }
}
