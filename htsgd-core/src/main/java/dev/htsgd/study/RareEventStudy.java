package dev.htsgd.study;

import dev.htsgd.check.Require;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.run.Study;
import dev.htsgd.sim.Streams;
import dev.htsgd.sim.rare.ImportanceSampling;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.sim.rare.RareEventExperiment;
import dev.htsgd.sim.rare.RareEventExperiment.PathSums;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The rare-event study (paper notes section 5.C, LD Table 2.1): the probability p that the 1-D clipped
 * heavy-tailed recursion started at x0 reaches a level within a horizon, by large-jump importance sampling or
 * plain Monte Carlo ({@link RareEventExperiment}), with its normal 95% interval, beside the large-jump
 * asymptotic p ~ eta^{l* (alpha - 1)}, l* = ceil(|x0 - level| / b) (one jump without clipping).
 *
 * <p>Tasks are batches of {@link Settings#batch()} consecutive paths. Path r of a setting draws from
 * {@code Streams.forReplication(Streams.key(seed, "rare-event", h), r)}, h a hash of the setting's content
 * (landscape, noise, b, eta, start, level, horizon, method and sampler; not the number of paths nor the batch
 * size), so a setting gives the same paths wherever it sits in a grid: the single-eta command reproduces a point
 * of a reproduce target or of a sweep bit for bit, and more samples extend the same paths. The estimate sums the
 * batches in index order, so the batch size is part of the settings and the thread count is not.
 */
public final class RareEventStudy implements Study<RareEventStudy.Settings, PathSums, RareEventStudy.Result> {

    /** The study's name in stream and checkpoint keys. */
    public static final String NAME = "rare-event";

    /** The default batch: paths per task (the unit of work, checkpoint and progress). */
    public static final int BATCH = 1000;

    /** The estimator. */
    public enum Method {
        /** Large-jump importance sampling ({@link ImportanceSampling}). */
        IS,
        /** Plain Monte Carlo. */
        MC;

        /** {@code is} or {@code mc}. */
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** From {@code is} or {@code mc}; other text fails naming {@code method}. */
        public static Method of(String text) {
            return valueOf(Require.oneOf("method", text, List.of("is", "mc")).toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One setting of the study; build it with {@link #of} (validated).
     *
     * @param landscape a 1-D landscape name as {@link Landscapes#of(String)} reads it (its domain's projection applies)
     * @param noise the noise Z, split into its heavy and Gaussian parts
     * @param b clipping threshold, in (0, inf]
     * @param eta learning rate, in (0, inf)
     * @param x0 start
     * @param level the level to reach (from above when x0 &gt; level)
     * @param horizon steps n, in [1, 2^40]
     * @param method importance sampling or plain Monte Carlo
     * @param sampler the importance sampler (null for plain Monte Carlo)
     * @param samples paths, at least 1
     * @param batch paths per task, at least 1
     * @param engine the path engine, scalar or vector ({@link #of} resolves auto: the vector engine when it runs
     *     the landscape, see {@link RareEventExperiment#engine}); the estimate is a function of the settings, the
     *     seed and the engine
     */
    public record Settings(String landscape, JumpNoise noise, double b, double eta, double x0, double level,
            long horizon, Method method, ImportanceSampling sampler, long samples, int batch, Engine engine) {

        /** {@link #of(String, JumpNoise, double, double, double, double, long, Method, ImportanceSampling, long, int, Engine)} on the scalar engine. */
        public static Settings of(String landscape, JumpNoise noise, double b, double eta, double x0, double level,
                long horizon, Method method, ImportanceSampling sampler, long samples, int batch) {
            return of(landscape, noise, b, eta, x0, level, horizon, method, sampler, samples, batch, Engine.SCALAR);
        }

        /**
         * Validated settings. {@code horizon} 0 means floor(1/eta) (LD Table 2.1); {@code sampler} null means
         * {@link ImportanceSampling#defaults} for importance sampling (it must be null for plain Monte Carlo).
         */
        public static Settings of(String landscape, JumpNoise noise, double b, double eta, double x0, double level,
                long horizon, Method method, ImportanceSampling sampler, long samples, int batch, Engine engine) {
            if (noise == null) {
                throw Require.fail("noise", "must be set");
            }
            if (method == null) {
                throw Require.fail("method", "must be is or mc");
            }
            Require.positive("eta", eta);
            long n = horizon;
            if (n == 0) {
                n = RareEventExperiment.horizonOf(eta);
                if (n < 1) {
                    throw Require.fail("eta", eta + " gives the default horizon floor(1/eta) = 0 steps: give learning "
                            + "rates below 1, or a `horizon`");
                }
            }
            Require.atLeast("samples", samples, 1);
            Require.atLeast("batch", batch, 1);
            if ((samples + batch - 1) / batch > Integer.MAX_VALUE) {
                throw Require.fail("samples", "must be at most " + (long) Integer.MAX_VALUE * batch + " with a `batch` of "
                        + batch + ", got " + samples);
            }
            RareEventExperiment e = RareEventExperiment.of(objective(landscape), noise, eta, b, x0, level, n);
            if (method == Method.MC && sampler != null) {
                throw Require.fail("method", "mc takes no importance sampler, got " + sampler);
            }
            ImportanceSampling is = method == Method.IS && sampler == null ? e.defaultSampler() : sampler;
            // resolved once (auto: vector when it can run batches of this size), so that every task runs on it
            Engine resolved = e.engine(engine, batch);
            return new Settings(landscape, noise, b, eta, x0, level, n, method, is, samples, batch, resolved);
        }

        /**
         * LD Table 2.1 at one (b, eta): U(x) = x^4/10 - x^2 ({@code ld-quartic}), Z = 0.2 W + 5 N(0, 1) with W
         * signed Lomax(1.5), from 2.5 to 0 within floor(1/eta) steps, importance sampling with its defaults.
         */
        public static Settings ldTable21(double b, double eta, long samples) {
            return ldTable21(b, eta, samples, Engine.SCALAR);
        }

        /** {@link #ldTable21(double, double, long)} on the given engine (auto resolved as in {@link #of}). */
        public static Settings ldTable21(double b, double eta, long samples, Engine engine) {
            return of("ld-quartic", JumpNoise.ldMixture(1.5, 0.2, 5), b, eta, 2.5, 0, 0, Method.IS, null, samples, BATCH,
                    engine);
        }

        /** The recursion and event of these settings. */
        public RareEventExperiment experiment() {
            return RareEventExperiment.of(objective(landscape), noise, eta, b, x0, level, horizon);
        }

        /** The number of tasks: ceil(samples / batch). */
        public int batches() {
            return (int) ((samples + batch - 1) / batch);
        }

        /** The setting's part of its stream key: a 63-bit hash of everything that decides a path, in UTF-8. */
        long streamSetting() {
            String content = landscape + "|" + noise + "|" + b + "|" + eta + "|" + x0 + "|" + level + "|" + horizon
                    + "|" + method + "|" + sampler;
            long h = 0xCBF29CE484222325L;
            for (byte c : content.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (c & 0xFF)) * 0x100000001B3L;
            }
            return h & Long.MAX_VALUE;
        }

        private static Objective1D objective(String landscape) {
            if (landscape == null) {
                throw Require.fail("landscape", "must be set");
            }
            Objective o = Landscapes.of(landscape);
            if (!(o instanceof Objective1D f)) {
                throw Require.fail("landscape", "must be one-dimensional for rare-event estimation, got " + landscape);
            }
            return f;
        }
    }

    /**
     * The estimate of one setting beside the theory.
     *
     * @param settings the settings
     * @param estimate p with its 95% interval
     * @param jumps l*: the large jumps the event needs, ceil(|x0 - level| / b) (1 unclipped)
     * @param predictedExponent l* (alpha - 1): the large-jump asymptotic p ~ eta^{l* (alpha - 1)} as eta -&gt; 0, so
     *     the slope of log p against log eta over several settings
     */
    public record Result(Settings settings, RareEventEstimate estimate, int jumps, double predictedExponent) {

        /**
         * The point of the rare-event JSON (architecture.md: {eta, estimate, ci_low, ci_high, method} and more),
         * shared by the command, the reproduce target and the sweep.
         */
        public Map<String, Object> point() {
            Map<String, Object> m = estimate.asMap();
            m.put("horizon", settings.horizon());
            m.put("jumps", jumps);
            m.put("predicted_exponent", predictedExponent);
            return m;
        }
    }

    @Override
    public PathSums task(Settings s, long seed, int index) {
        Require.closed("index", index, 0, s.batches() - 1);
        long from = (long) index * s.batch();
        int paths = (int) Math.min(s.batch(), s.samples() - from);
        return s.experiment().paths(Streams.key(seed, NAME, s.streamSetting()), from, paths, s.sampler(), s.engine());
    }

    @Override
    public int tasks(Settings s) {
        return s.batches();
    }

    @Override
    public Result result(Settings s, long seed, List<PathSums> tasks) {
        PathSums all = PathSums.EMPTY;
        for (PathSums t : tasks) {
            all = all.plus(t);
        }
        RareEventExperiment e = s.experiment();
        int jumps = e.jumpsNeeded();
        return new Result(s, e.estimate(all, s.sampler()), jumps, jumps * (s.noise().alpha() - 1));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Codec<PathSums> codec() {
        return CODEC;
    }

    private static final Codec<PathSums> CODEC = Codecs.json(PathSums.class);
}
