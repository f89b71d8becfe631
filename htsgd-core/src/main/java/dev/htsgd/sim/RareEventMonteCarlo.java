package dev.htsgd.sim;

import dev.htsgd.check.Require;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.DivergenceException;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Plain Monte Carlo estimate of the probability that the recursion enters a target set within a horizon
 * of steps (paper notes section 5.C, e.g. LD Table 2.1: X reaches (-inf, 0] within floor(1/eta) steps from
 * 2.5). The confidence interval is the Wilson score interval, which stays honest with few or no hits (with
 * zero hits the estimate is 0 and the interval still gives an upper bound). Variance reduction (importance
 * sampling, splitting) lives elsewhere; this is the reference method.
 *
 * <p>Replication i uses stream {@code firstIndex + i}; {@link #runReplication(int)} runs one alone.
 */
public final class RareEventMonteCarlo {

    private final ClippedSgd sgd;
    private final Region target;
    private final double[] start;
    private final long horizon;
    private final int samples;
    private final long seed;
    private final long firstIndex;
    private final double confidence;
    private final LongConsumer progress;

    private RareEventMonteCarlo(Builder b) {
        this.sgd = b.sgd;
        this.target = b.target;
        this.start = b.start;
        this.horizon = b.horizon;
        this.samples = b.samples;
        this.seed = b.seed;
        this.firstIndex = b.firstIndex;
        this.confidence = b.confidence;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One replication: whether the path entered the target within the horizon, and at which step (0 if not).
     */
    public record Replication(int index, boolean hit, long hitStep, DivergenceException divergence) {
    }

    public Replication runReplication(int index) {
        UniformRandomProvider rng = Streams.forReplication(seed, firstIndex + index);
        long j = 0;
        try {
            if (sgd.isScalar()) {
                double x = start[0];
                final Region t = target;
                while (j < horizon) {
                    x = sgd.step(x, rng);
                    j++;
                    if (t.contains(x)) {
                        report(j);
                        return new Replication(index, true, j, null);
                    }
                }
            } else {
                double[] x = start.clone();
                ClippedSgd.Workspace ws = sgd.newWorkspace();
                while (j < horizon) {
                    sgd.step(x, ws, rng);
                    j++;
                    if (target.contains(x)) {
                        report(j);
                        return new Replication(index, true, j, null);
                    }
                }
            }
        } catch (DivergenceException e) {
            report(j);
            return new Replication(index, false, 0, e.atStep(j + 1));
        }
        report(j);
        return new Replication(index, false, 0, null);
    }

    private void report(long n) {
        if (progress != null && n > 0) {
            progress.accept(n);
        }
    }

    public Result run(int threads) {
        return Result.of(Replications.run(samples, threads, this::runReplication), confidence);
    }

    /**
     * Estimate hits / n over the non-diverged replications with its Wilson score interval.
     *
     * @param method always {@code plain-mc}
     */
    public record Result(List<Replication> replications, int samples, int hits, int diverged, double estimate,
            double ciLow, double ciHigh, double confidence, String method) {

        /** Reduces replications (e.g. run as separate tasks) in index order. */
        public static Result of(List<Replication> reps, double confidence) {
            int hits = 0;
            int div = 0;
            for (Replication r : reps) {
                if (r.divergence() != null) {
                    div++;
                } else if (r.hit()) {
                    hits++;
                }
            }
            int n = reps.size() - div;
            double[] ci = wilson(hits, n, confidence);
            return new Result(List.copyOf(reps), reps.size(), hits, div, n == 0 ? Double.NaN : (double) hits / n,
                    ci[0], ci[1], confidence, "plain-mc");
        }
    }

    /** The Wilson score interval for k successes in n trials at the given confidence level. */
    public static double[] wilson(int k, int n, double confidence) {
        if (n == 0) {
            return new double[] {0, 1};
        }
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + confidence / 2);
        double p = (double) k / n;
        double z2 = z * z;
        double den = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / den;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / den;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Builds a {@link RareEventMonteCarlo}; validates eagerly. */
    public static final class Builder {
        private ClippedSgd sgd;
        private Region target;
        private double[] start;
        private long horizon;
        private int samples = 10_000;
        private long seed = 20220201L;
        private long firstIndex;
        private double confidence = 0.95;
        private LongConsumer progress;

        private Builder() {
        }

        public Builder sgd(ClippedSgd s) {
            this.sgd = s;
            return this;
        }

        public Builder target(Region r) {
            this.target = r;
            return this;
        }

        public Builder start(double... x) {
            this.start = x.clone();
            return this;
        }

        /** Horizon in steps, e.g. floor(1/eta). */
        public Builder horizon(long n) {
            this.horizon = n;
            return this;
        }

        public Builder samples(int n) {
            this.samples = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder firstIndex(long i) {
            this.firstIndex = i;
            return this;
        }

        public Builder confidence(double c) {
            this.confidence = c;
            return this;
        }

        public Builder progress(LongConsumer p) {
            this.progress = p;
            return this;
        }

        public RareEventMonteCarlo build() {
            if (sgd == null || target == null) {
                throw new IllegalArgumentException("sgd and target must be set");
            }
            Require.positive("horizon", horizon);
            Require.positive("samples", samples);
            Require.open("confidence", confidence, 0, 1);
            if (start == null) {
                start = sgd.x0();
            }
            if (target.contains(start)) {
                throw new IllegalArgumentException("the start must lie outside the target " + target.describe());
            }
            return new RareEventMonteCarlo(this);
        }
    }
}
