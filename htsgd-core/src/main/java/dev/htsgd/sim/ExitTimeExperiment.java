package dev.htsgd.sim;

import dev.htsgd.check.Require;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * First exit time tau from an attraction field (paper notes section 3): the number of SGD steps until the
 * iterate first leaves the field, started at a point (by default the recursion's X_0, e.g. the minimum m_i).
 * Each replication is capped at {@code maxSteps}: a path still inside then is <em>censored</em> and counted
 * as such, never silently dropped. The exit location (first state outside) is recorded.
 *
 * <p>Replication {@code i} uses stream {@code i} of the seed ({@link Streams#forReplication}); the seed is
 * already the key of this experiment's setting ({@link Streams#key}), never the run's seed plus an offset. Each
 * replication runs on its own through {@link #runReplication(int)} (or a range through {@link #replications}),
 * so replications can be spread over threads or Spark tasks and reduced in index order with bit-identical
 * results.
 */
public final class ExitTimeExperiment extends Experiment {

    private final Region field;
    private final double[] start;
    private final long maxSteps;
    private final int samples;

    private ExitTimeExperiment(Builder b) {
        super(b);
        this.field = b.field;
        this.start = b.start;
        this.maxSteps = b.maxSteps;
        this.samples = b.samples;
    }

    /**
     * Replications {@code from .. to - 1} on the vector engine, on W lanes (W = {@code width}, a multiple of
     * K): a lane whose path ends takes the next replication. Replication i's result depends only on its stream,
     * not on the range, the width or the thread.
     *
     * @throws IllegalStateException when this experiment runs on the scalar engine
     */
    public List<Replication> runRange(int from, int to, int width) {
        requireVector("runRange", width);
        if (from < 0 || to > samples || from >= to) {
            throw new IllegalArgumentException("range must satisfy 0 <= from < to <= " + samples + ", got [" + from + ", " + to + ")");
        }
        return VectorLoops.exitTimes(LaneEngine.spec(sgd), width, seed, from, to, start[0], field, maxSteps,
                progress);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One replication.
     *
     * @param index 0-based replication index (stream {@code index} of the experiment's seed)
     * @param steps steps taken (the exit time tau when not censored; maxSteps when censored; the steps done
     *     before a divergence)
     * @param censored true when the path was still inside the field after maxSteps steps
     * @param exitLocation the first state outside the field (null when censored or diverged)
     * @param divergence the divergence that stopped the path, or null
     */
    public record Replication(int index, long steps, boolean censored, double[] exitLocation,
            DivergenceException divergence) {

        public boolean exited() {
            return !censored && divergence == null;
        }

        public boolean diverged() {
            return divergence != null;
        }
    }

    /** Runs replication {@code index}. */
    public Replication runReplication(int index) {
        UniformRandomProvider rng = Streams.forReplication(seed, index);
        if (sgd.isScalar()) {
            return run1D(index, rng);
        }
        return runND(index, rng);
    }

    private Replication run1D(int index, UniformRandomProvider rng) {
        final ClippedSgd s = sgd;
        final Region r = field;
        StepProgress p = new StepProgress(progress);
        double x = start[0];
        long n = 0;
        try {
            while (n < maxSteps) {
                x = s.step(x, rng);
                n++;
                if (!r.contains(x)) {
                    return ended(index, n, p, new double[] {x}, null);
                }
                p.at(n);
            }
        } catch (DivergenceException e) {
            return ended(index, n, p, null, e.atStep(n + 1));
        }
        return ended(index, n, p, null, null);
    }

    private Replication runND(int index, UniformRandomProvider rng) {
        StepProgress p = new StepProgress(progress);
        double[] x = start.clone();
        ClippedSgd.Workspace ws = sgd.newWorkspace();
        long n = 0;
        try {
            while (n < maxSteps) {
                sgd.step(x, ws, rng);
                n++;
                if (!field.contains(x)) {
                    return ended(index, n, p, x.clone(), null);
                }
                p.at(n);
            }
        } catch (DivergenceException e) {
            return ended(index, n, p, null, e.atStep(n + 1));
        }
        return ended(index, n, p, null, null);
    }

    /** A path that left (exit given), diverged (divergence given) or is censored after n steps (neither). */
    private static Replication ended(int index, long n, StepProgress p, double[] exit, DivergenceException divergence) {
        p.done(n);
        return new Replication(index, n, exit == null && divergence == null, exit, divergence);
    }

    /**
     * Replications {@code from .. to - 1} in index order, on this experiment's engine (the vector engine on
     * K to 4 K lanes); the same results as {@link #runReplication} one by one on the scalar engine.
     */
    public List<Replication> replications(int from, int to) {
        if (engine == Engine.VECTOR) {
            return runRange(from, to, LaneBlock.width(to - from, 1));
        }
        List<Replication> out = new java.util.ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(runReplication(i));
        }
        return out;
    }

    /**
     * How many consecutive replications to run together on {@code threads} threads: 1 on the scalar engine;
     * on the vector engine ranges of W to 4 W replications (W lanes each). The split only changes the speed.
     */
    public static int batch(Engine engine, int samples, int threads) {
        if (engine != Engine.VECTOR) {
            return 1;
        }
        int w = LaneBlock.width(samples, threads);
        return Math.max(w, Math.min(4 * w, (samples + threads - 1) / threads));
    }

    /** Runs all replications on {@code threads} threads and summarises them in index order. */
    public Result run(int threads) {
        int size = batch(engine, samples, threads);
        int ranges = (samples + size - 1) / size;
        List<List<Replication>> parts = Replications.run(ranges, threads,
                r -> replications(r * size, Math.min(samples, (r + 1) * size)));
        List<Replication> all = new java.util.ArrayList<>(samples);
        parts.forEach(all::addAll);
        return Result.of(all, maxSteps);
    }

    /**
     * Summary of exit-time replications.
     *
     * <p>{@code mean} and {@code stderr}: without censoring, the sample mean and its standard error. With
     * censored paths, the maximum-likelihood mean of an exponential law under right censoring (the limit law
     * of the theory): (sum of all observed steps, censored ones at the cap) / number of exits, with standard
     * error mean / sqrt(exits); {@code meanMethod} says which. {@code meanLowerBound} treats censored paths as
     * exiting at the cap (a lower bound on the true mean). Diverged paths are excluded and counted. With no
     * exit at all, mean and stderr are NaN.
     */
    public record Result(List<Replication> replications, int samples, int exits, int censored, int diverged,
            double mean, double stderr, String meanMethod, double meanLowerBound, long maxSteps) {

        public static Result of(List<Replication> reps, long maxSteps) {
            int exits = 0;
            int cens = 0;
            int div = 0;
            double sum = 0;
            double sum2 = 0;
            for (Replication r : reps) {
                if (r.diverged()) {
                    div++;
                } else if (r.censored()) {
                    cens++;
                } else {
                    exits++;
                    sum += r.steps();
                    sum2 += (double) r.steps() * r.steps();
                }
            }
            double mean;
            double se;
            String method;
            double total = sum + (double) cens * maxSteps;
            double lower = exits + cens == 0 ? Double.NaN : total / (exits + cens);
            if (exits == 0) {
                mean = Double.NaN;
                se = Double.NaN;
                method = "none";
            } else if (cens == 0) {
                mean = sum / exits;
                double var = exits > 1 ? Math.max(0, (sum2 - exits * mean * mean) / (exits - 1)) : Double.NaN;
                se = Math.sqrt(var / exits);
                method = "sample";
            } else {
                mean = total / exits;
                se = mean / Math.sqrt(exits);
                method = "exponential-mle-censored";
            }
            return new Result(List.copyOf(reps), reps.size(), exits, cens, div, mean, se, method, lower, maxSteps);
        }

        /** Exit locations of the paths that exited, in index order (each a copy). */
        public double[][] exitLocations() {
            return replications.stream().filter(Replication::exited).map(r -> r.exitLocation().clone())
                    .toArray(double[][]::new);
        }

        /** The first divergence in index order, or null. */
        public DivergenceException firstDivergence() {
            return replications.stream().map(Replication::divergence).filter(d -> d != null).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return "ExitTime[mean=" + mean + ", stderr=" + stderr + " (" + meanMethod + "), samples=" + samples
                    + ", censored=" + censored + ", diverged=" + diverged + "]";
        }
    }

    /** Builds an {@link ExitTimeExperiment}; validates eagerly in {@link #build()}. */
    public static final class Builder extends ExperimentBuilder<Builder> {
        private Region field;
        private double[] start;
        private long maxSteps = 50_000_000L;
        private int samples = 20;

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /** The attraction field to leave. */
        public Builder field(Region r) {
            this.field = r;
            return this;
        }

        /** The starting point (default: the recursion's x0). */
        public Builder start(double... x) {
            this.start = x.clone();
            return this;
        }

        /** Step cap per replication (default 5e7). */
        public Builder maxSteps(long n) {
            this.maxSteps = n;
            return this;
        }

        public Builder samples(int n) {
            this.samples = n;
            return this;
        }

        /** Validates; AUTO takes the vector engine only for an interval field and at least K samples. */
        public ExitTimeExperiment build() {
            if (sgd == null || field == null) {
                throw new IllegalArgumentException("sgd and field must be set");
            }
            Require.positive("maxSteps", maxSteps);
            Require.positive("samples", samples);
            if (start == null) {
                start = sgd.x0();
            }
            if (start.length != sgd.objective().dimension()) {
                throw Require.fail("start", "needs " + sgd.objective().dimension() + " coordinate(s), got " + start.length);
            }
            if (!field.contains(start)) {
                throw Require.fail("start", (start.length == 1 ? Double.toString(start[0]) : Arrays.toString(start))
                        + " must lie inside the field " + field.describe());
            }
            resolveEngine(samples, field.isInterval(), "the field must be an interval, got " + field.describe());
            return new ExitTimeExperiment(this);
        }
    }
}
