package dev.htsgd.sim.rare;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.sim.Streams;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Probability of a rare event of the clipped heavy-tailed recursion within a horizon (paper notes section 5.C,
 * LD Table 2.1): started at x0, does X_j = Proj(X_{j-1} + phi_b(-eta f'(X_{j-1}) + eta Z_j)) reach
 * {@code level} (from above when x0 &gt; level, from below otherwise) for some j &lt;= n?
 *
 * <p>Two estimators of p: plain Monte Carlo ({@link #monteCarlo}) and large-jump importance sampling
 * ({@link #importanceSampling}, see {@link ImportanceSampling}), which reaches p near 1e-6 with a few percent
 * relative error in seconds. Both average i.i.d. path weights, so the confidence interval is the normal one.
 *
 * <p>Determinism: path r uses stream r of the seed ({@link Streams}), and paths are summed in blocks of
 * {@link #BLOCK} in block order, so results are bit-identical whatever the thread count; completed blocks can
 * be stored (a {@link BlockStore}) so a killed run resumes to the same result.
 */
public final class RareEventExperiment {

    /**
     * The study's name in its keyed streams ({@link Streams#key}): the command, the reproduce target and the Spark
     * sweep key a setting's paths by it, so the three draw the same paths.
     */
    public static final String STUDY = "rare-event";

    /** Paths per block: the unit of work, of progress and of checkpointing. */
    public static final int BLOCK = 1000;

    /** Stores completed blocks' sums {sum of weights, sum of squares, hits, steps, largest weight}; for resuming. */
    public interface BlockStore {
        /** The sums of block {@code index} if it has completed before, else null. */
        double[] get(int index);

        /** Records the sums of a completed block. */
        void put(int index, double[] sums);

        /** No storage. */
        static BlockStore none() {
            return new BlockStore() {
                @Override
                public double[] get(int index) {
                    return null;
                }

                @Override
                public void put(int index, double[] sums) {
                }
            };
        }
    }

    private final Objective1D f;
    private final JumpNoise noise;
    private final double eta;
    private final double b;
    private final double x0;
    private final double level;
    private final long horizon;
    private final boolean below;

    private RareEventExperiment(Objective1D f, JumpNoise noise, double eta, double b, double x0, double level, long horizon) {
        this.f = f;
        this.noise = noise;
        this.eta = eta;
        this.b = b;
        this.x0 = x0;
        this.level = level;
        this.horizon = horizon;
        this.below = level < x0;
    }

    /**
     * @param f the landscape (its domain's projection is applied)
     * @param noise the noise Z
     * @param eta learning rate, in (0, inf)
     * @param b clipping threshold on the update, in (0, inf]; {@code Double.POSITIVE_INFINITY} for none
     * @param x0 start, finite and different from {@code level}
     * @param level the level to reach
     * @param horizon the number of steps n, in [1, 2^40]
     */
    public static RareEventExperiment of(Objective1D f, JumpNoise noise, double eta, double b, double x0, double level,
            long horizon) {
        if (f == null || noise == null) {
            throw new IllegalArgumentException("landscape and noise must not be null");
        }
        Require.positive("eta", eta);
        Require.positiveOrInfinite("b", b);
        Require.finite("x0", x0);
        Require.finite("level", level);
        if (x0 == level) {
            throw Require.fail("level", "must differ from the start x0 = " + x0 + ", got " + level);
        }
        if (horizon < 1 || horizon > (1L << 40)) {
            throw Require.fail("horizon", "must be in [1, 2^40], got " + horizon);
        }
        return new RareEventExperiment(f, noise, eta, b, x0, level, horizon);
    }

    /** The LD Table 2.1 horizon floor(1/eta). */
    public static long horizonOf(double eta) {
        return (long) Math.floor(1.0 / eta + 1e-9);
    }

    public long horizon() {
        return horizon;
    }

    /** The default importance sampler for this event (see {@link ImportanceSampling#defaults}). */
    public ImportanceSampling defaultSampler() {
        return ImportanceSampling.defaults(Math.abs(x0 - level), b);
    }

    /** Plain Monte Carlo with {@code samples} paths. */
    public RareEventEstimate monteCarlo(long samples, long seed, int threads) {
        return run(samples, seed, threads, null, BlockStore.none(), n -> { });
    }

    /** Importance sampling with {@code samples} paths. */
    public RareEventEstimate importanceSampling(long samples, long seed, int threads, ImportanceSampling is) {
        return run(samples, seed, threads, is, BlockStore.none(), n -> { });
    }

    /**
     * Runs {@code samples} paths (rounded up to whole blocks) with importance sampler {@code is}, or plain Monte
     * Carlo when it is null; {@code progress} receives the number of paths of each completed block.
     */
    public RareEventEstimate run(long samples, long seed, int threads, ImportanceSampling is, BlockStore store,
            LongConsumer progress) {
        Require.atLeast("samples", samples, 1);
        Require.atLeast("threads", threads, 1);
        long blocksL = (samples + BLOCK - 1) / BLOCK;
        if (blocksL > Integer.MAX_VALUE) {
            throw Require.fail("samples", "must be at most " + (long) Integer.MAX_VALUE * BLOCK + ", got " + samples);
        }
        int blocks = (int) blocksL;
        double[][] sums = new double[blocks][];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int k; (k = next.getAndIncrement()) < blocks; ) {
                double[] s = store.get(k);
                if (s == null) {
                    s = block(k, seed, is);
                    store.put(k, s);
                }
                sums[k] = s;
                progress.accept(BLOCK);
            }
        };
        int t = Math.min(threads, blocks);
        if (t == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "rare-event");
                th.setDaemon(true);
                return th;
            });
            try {
                Future<?>[] fs = new Future<?>[t];
                for (int i = 0; i < t; i++) {
                    fs[i] = pool.submit(worker);
                }
                for (Future<?> fu : fs) {
                    fu.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
        }
        double sum = 0;
        double sumSq = 0;
        double max = 0;
        long hits = 0;
        long steps = 0;
        for (double[] s : sums) {
            sum += s[0];
            sumSq += s[1];
            hits += (long) s[2];
            steps += (long) s[3];
            max = Math.max(max, s[4]);
        }
        return RareEventEstimate.of(eta, b, sum, sumSq, max, (long) blocks * BLOCK, hits, steps, is == null ? "mc" : "is");
    }

    /** One block of paths: {sum of weights, sum of squared weights, hits, steps, largest weight}. */
    double[] block(int k, long seed, ImportanceSampling is) {
        double sum = 0;
        double sumSq = 0;
        double max = 0;
        long hits = 0;
        long steps = 0;
        double[] out = new double[2];
        for (int i = 0; i < BLOCK; i++) {
            long rep = (long) k * BLOCK + i;
            UniformRandomProvider rng = Streams.forReplication(seed, rep);
            path(rng, is, out);
            double w = out[0];
            if (w > 0) {
                hits++;
                sum += w;
                sumSq += w * w;
                max = Math.max(max, w);
            }
            steps += (long) out[1];
        }
        return new double[] {sum, sumSq, hits, steps, max};
    }

    /** Simulates one path; out[0] = weight (0 when the event does not happen), out[1] = steps taken. */
    void path(UniformRandomProvider rng, ImportanceSampling is, double[] out) {
        ZigguratSampler.NormalizedGaussian gauss = noise.normalScale() > 0 ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        double c = noise.scale();
        double cn = noise.normalScale();
        double pPlus = noise.pPlus();
        Domain domain = f.domain();
        boolean clip = Double.isFinite(b);
        // importance sampling constants
        double theta = 0;
        double a = Double.POSITIVE_INFINITY;
        double beta = noise.alpha();
        double logSmall = 0;
        double coefToward = 0;
        double coefAway = 0;
        double toward = 0.5;
        if (is != null) {
            theta = Math.min(0.5, is.expectedJumps() / horizon);
            a = is.threshold() / (eta * c);
            beta = noise.alpha() * is.tailRatio();
            toward = is.toward();
            double pToward = below ? 1 - pPlus : pPlus;
            double pAway = 1 - pToward;
            logSmall = -Math.log1p(-theta);
            // f/q for a jump above a of each sign: 1 / ((1 - theta) + theta * (q_sign / p_sign) * g(w) / f(w))
            coefToward = pToward > 0 ? theta * toward / pToward : Double.POSITIVE_INFINITY;
            coefAway = pAway > 0 ? theta * (1 - toward) / pAway : Double.POSITIVE_INFINITY;
        }
        double x = x0;
        double logL = 0;
        long j = 0;
        boolean hit = false;
        while (j < horizon) {
            j++;
            double w;
            boolean towardSign;
            if (theta > 0 && rng.nextDouble() < theta) {
                towardSign = rng.nextDouble() < toward;
                w = noise.proposalFromUniform(1.0 - rng.nextDouble(), a, beta);
            } else {
                w = noise.unitFromUniform(1.0 - rng.nextDouble());
                towardSign = (rng.nextDouble() < pPlus) != below;
            }
            if (theta > 0) {
                logL += w > a
                        ? -Math.log((1 - theta) + (towardSign ? coefToward : coefAway) * noise.proposalRatio(w, a, beta))
                        : logSmall;
            }
            double z = c * ((towardSign != below) ? w : -w);
            if (gauss != null) {
                z += cn * gauss.sample();
            }
            double u = eta * (z - f.derivative(x));
            if (clip) {
                u = Math.max(-b, Math.min(b, u));
            }
            x = domain.project(x + u);
            if (below ? x <= level : x >= level) {
                hit = true;
                break;
            }
        }
        out[0] = hit ? Math.exp(logL) : 0.0;
        out[1] = j;
    }
}
