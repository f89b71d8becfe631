package dev.htsgd.study;

import dev.htsgd.check.Require;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.run.Study;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.sim.Region;
import dev.htsgd.sim.Streams;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.LandscapeAnalysis;
import dev.htsgd.theory.TimeScales;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * First exit times tau from one attraction field I_i over a grid of learning rates eta (paper notes section 3,
 * ICLR Fig. 1): per eta, {@code samples} replications of {@link ExitTimeExperiment} (censored at
 * {@code maxSteps}, never dropped); the log-log slope of the mean exit time against 1/eta ({@link LogLogFit});
 * the theory's slope 1 + l*(alpha - 1) with l* = ceil(r_i / b), and its mean 1 / (C* eta lambda(eta)^{l*})
 * ({@link LandscapeAnalysis}) with the measured/theory ratios.
 *
 * <p>Tasks are the pairs (eta index k, replication r), flattened as k * samples + r. Replication r at eta draws
 * {@code Streams.forReplication(Streams.key(seed, "exit-times", bits(eta)), r)} with bits(eta) the IEEE bits of
 * eta ({@link #streamKey}): the stream depends on the eta <em>value</em>, not on its position in the grid, so
 * one eta alone reproduces the matching point of any grid bit for bit (and a Spark cell with that eta).
 *
 * <p>The fit is the weighted one of {@link LogLogFit} over every eta with a finite positive mean, for every route
 * (command, reproduce target, Spark): the points' precisions differ by orders of magnitude (a censored point
 * with 2 exits against one with 20; its delta-method variance (stderr / mean)^2 is known), so weighting by the
 * inverse variance lets the well-measured points set the slope, and a badly measured point no longer needs an ad
 * hoc rule to be dropped. When some point has no usable variance the fit falls back to least squares and says so.
 */
public final class ExitTimeStudy implements Study<ExitTimeStudy.Settings, ExitTimeExperiment.Replication, ExitTimeStudy.Result> {

    /** The study's name in stream and checkpoint keys. */
    public static final String NAME = "exit-times";

    /** The confidence level of the slope's interval. */
    public static final double LEVEL = 0.95;

    private static final ExitTimeStudy INSTANCE = new ExitTimeStudy();

    private ExitTimeStudy() {
    }

    /** The study (stateless). */
    public static ExitTimeStudy of() {
        return INSTANCE;
    }

    /**
     * What one exit-times run computes.
     *
     * @param objective the landscape f
     * @param noise the noise law Z (isotropic with the radial law of |Z| on a d-D landscape)
     * @param clip the truncation threshold b in (0, inf], +inf for none
     * @param clipping how phi_b truncates ({@link Clipping#NONE} exactly when b is infinite)
     * @param project whether iterates are projected onto the landscape's domain
     * @param basin the attraction field to leave (0-based, aligned with the minima)
     * @param start the starting point inside the field
     * @param etas the learning rates, one or more, distinct
     * @param samples replications per eta
     * @param maxSteps the step cap per replication (paths still inside are censored)
     * @param engine the requested path engine (scalar, vector, auto)
     * @param basins the landscape's attraction fields (computed once by {@link #of})
     */
    public record Settings(Objective objective, NoiseModel noise, double clip, Clipping clipping, boolean project,
            int basin, double[] start, double[] etas, int samples, long maxSteps, Engine engine, BasinMap basins) {

        public Settings {
            if (objective == null) {
                throw Require.fail("objective", "must be set");
            }
            if (noise == null) {
                throw Require.fail("noise", "must be set");
            }
            if (clipping == null) {
                throw Require.fail("clipping", "must be one of l2, coordinate, none, gradient-only");
            }
            if (engine == null) {
                throw Require.fail("engine", "must be one of scalar, vector, auto");
            }
            if (basins == null) {
                throw Require.fail("basins", "must be set");
            }
            Require.positiveOrInfinite("clip", clip);
            // one spelling of "no truncation", so that equal runs have equal keys and command lines
            if (Double.isInfinite(clip) || clipping == Clipping.NONE) {
                clip = Double.POSITIVE_INFINITY;
                clipping = Clipping.NONE;
            }
            Require.closed("basin", basin, 0, basins.size() - 1);
            if (start == null) {
                throw Require.fail("start", "must be set");
            }
            start = Require.finite("start", start.clone());
            if (start.length != objective.dimension()) {
                throw Require.fail("start", "needs " + objective.dimension() + " coordinate(s), got " + start.length);
            }
            if (etas == null || etas.length == 0) {
                throw Require.fail("etas", "must list at least one learning rate");
            }
            etas = etas.clone();
            for (int i = 0; i < etas.length; i++) {
                Require.positive("eta", etas[i]);
                Require.finite("eta", etas[i]);
                for (int j = 0; j < i; j++) {
                    if (etas[j] == etas[i]) {
                        throw Require.fail("etas", "lists " + etas[i] + " twice");
                    }
                }
            }
            Require.positive("samples", samples);
            Require.positive("maxSteps", maxSteps);
            Region field = Region.basin(basins, basin);
            if (!field.contains(start)) {
                throw Require.fail("start", (start.length == 1 ? Double.toString(start[0]) : Arrays.toString(start))
                        + " must lie inside the field " + field.describe());
            }
        }

        /**
         * Settings with the attraction fields of {@code objective} ({@link BasinMap#of}); {@code start} null for the
         * minimum of the field.
         */
        public static Settings of(Objective objective, NoiseModel noise, double clip, Clipping clipping,
                boolean project, int basin, double[] start, double[] etas, int samples, long maxSteps, Engine engine) {
            if (objective == null) {
                throw Require.fail("objective", "must be set");
            }
            BasinMap map = BasinMap.of(objective);
            Require.closed("basin", basin, 0, map.size() - 1);
            return new Settings(objective, noise, clip, clipping, project, basin,
                    start == null ? map.minimumPoints()[basin] : start, etas, samples, maxSteps, engine, map);
        }

        /** The same settings over other learning rates (the basin map is reused). */
        public Settings withEtas(double... other) {
            return new Settings(objective, noise, clip, clipping, project, basin, start, other, samples, maxSteps,
                    engine, basins);
        }

        @Override
        public double[] start() {
            return start.clone();
        }

        @Override
        public double[] etas() {
            return etas.clone();
        }

        /** The field I_i to leave. */
        public Region field() {
            return Region.basin(basins, basin);
        }

        /** The radius r_i of the field (distance from its minimum to its boundary); NaN when not known. */
        public double radius() {
            return basins.radius(basin);
        }

        /** The recursion at learning rate eta. */
        public ClippedSgd recursion(double eta) {
            return ClippedSgd.of(objective, noise, eta, clip, clipping, project, start);
        }

        /** A stable text that differs whenever the settings do (checkpoint keys). */
        public String key() {
            return "landscape=" + objective.name() + " domain=" + objective.domain().describe() + " noise="
                    + noise.describe() + " clip=" + clip + " clipping=" + clipping.cliName() + " project=" + project
                    + " basin=" + basin + " start=" + Arrays.toString(start) + " etas=" + Arrays.toString(etas)
                    + " samples=" + samples + " maxSteps=" + maxSteps + " engine=" + engine.cliName();
        }
    }

    /**
     * What the theory predicts for the settings (paper notes section 3).
     *
     * @param radius r_i (NaN or +inf when the field has no finite radius)
     * @param jumps l* = ceil(r_i / b), 1 without truncation; null without a finite radius
     * @param slope 1 + l*(alpha - 1), or null where the theory gives no power law
     * @param slopeNote why {@code slope} is null, else null
     * @param analysis the 1-D analysis behind the predicted means, or null
     * @param meanNote why there is no predicted mean, else null
     * @param warnings conditions the theory needs that the settings (nearly) violate
     */
    public record Theory(double radius, Integer jumps, Double slope, String slopeNote, LandscapeAnalysis analysis,
            String meanNote, List<String> warnings) {

        /** The predicted mean exit steps 1 / (C* eta lambda(eta)^{l*}); NaN without an analysis. */
        public double meanExitSteps(double eta, NoiseModel noise, int basin) {
            if (analysis == null) {
                return Double.NaN;
            }
            try {
                return analysis.predict(noise, eta).basins().get(basin).meanExitSteps();
            } catch (IllegalArgumentException e) {
                return Double.NaN; // lambda(eta) not positive: eta too large for the noise's scale
            }
        }
    }

    /** What a setting's theory depends on: not its learning rates, samples or cap. */
    private record TheoryKey(Objective objective, NoiseModel noise, double clip, Clipping clipping, int basin,
            BasinMap basins) {
    }

    /**
     * Theories computed lately, so that a caller that plans with the theory (the reproduce target picks the etas
     * it can afford from the predicted means) and the result that reports it compute the landscape analysis once.
     * Bounded: a long-lived executor sees many settings.
     */
    private static final Map<TheoryKey, Theory> RECENT = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TheoryKey, Theory> eldest) {
                    return size() > 32;
                }
            });

    /**
     * The theory's predictions: the one place that decides whether 1 + l*(alpha - 1) applies. Computed once per
     * landscape, noise, b, clipping and basin (the same objects), whatever the learning rates.
     */
    public static Theory theory(Settings s) {
        TheoryKey key = new TheoryKey(s.objective(), s.noise(), s.clip(), s.clipping(), s.basin(), s.basins());
        Theory t = RECENT.get(key);
        if (t == null) {
            t = computeTheory(s);
            RECENT.put(key, t);
        }
        return t;
    }

    private static Theory computeTheory(Settings s) {
        double r = s.radius();
        double b = s.clip();
        Integer jumps = Double.isFinite(r) ? (Double.isInfinite(b) ? 1 : Math.max(1, (int) Math.ceil(r / b))) : null;
        NoiseModel z = s.noise();
        List<String> warnings = new ArrayList<>();
        Double slope = null;
        String slopeNote = null;
        // 1 + l*(alpha - 1) is a theorem for heavy tails with alpha > 1 only; outside that range the formula's
        // value would be a number with no theory behind it
        if (jumps == null) {
            slopeNote = "the field has no finite radius, so l* is undefined";
        } else if (!z.isHeavyTailed() || !Double.isFinite(z.alpha())) {
            slopeNote = "noise " + z.name() + " is not heavy-tailed: the theory predicts no power law in 1/eta";
        } else if (!(z.alpha() > 1)) {
            slopeNote = "the theory's slope 1 + l*(alpha - 1) needs alpha > 1, got alpha = " + z.alpha();
            warnings.add("no predicted slope: " + slopeNote);
        } else {
            slope = TimeScales.slope(z.alpha(), jumps);
        }
        if (jumps != null && Double.isFinite(b)) {
            double q = r / b;
            if (Math.abs(q - Math.rint(q)) < 1e-3) {
                warnings.add("r/b = " + q + " is within 1e-3 of an integer; the theory needs r/b not an integer");
            }
        }
        LandscapeAnalysis analysis = null;
        String meanNote = null;
        if (slope == null) {
            meanNote = slopeNote;
        } else if (s.basins() instanceof BasinMap.FlowGrid grid && s.clipping() != Clipping.GRADIENT_ONLY) {
            // d-D: the same prediction from the fields by gradient flow and the run's isotropic noise
            Object a = MultiDAnalyses.of(s.objective(), IsotropicNoise.of(z, s.objective().dimension()), b);
            if (a instanceof String why) {
                meanNote = why;
            } else if (!MultiDAnalyses.aligned((LandscapeAnalysis) a, grid)) {
                meanNote = "the flow fields number the minima otherwise than the grid: no predicted mean";
            } else {
                analysis = (LandscapeAnalysis) a;
            }
        } else if (!(s.basins() instanceof Basins one) || !one.hasExits()) {
            meanNote = "the theory's mean exit time 1/(C* eta lambda^l*) is computed for 1-D landscapes with two minima or more";
        } else if (s.clipping() == Clipping.GRADIENT_ONLY) {
            meanNote = "the theory's mean exit time is for the truncated update phi_b, not for gradient-only clipping";
        } else {
            analysis = LandscapeAnalysis.of(one, z, b);
        }
        return new Theory(r, jumps, slope, slopeNote, analysis, meanNote, List.copyOf(warnings));
    }

    /**
     * One learning rate's exit times beside the theory.
     *
     * @param eta the learning rate
     * @param exits the summary of its replications (mean, stderr, censoring, exit locations)
     * @param engine the engine that ran them
     * @param predictedMean 1 / (C* eta lambda(eta)^{l*}) steps, NaN without a prediction
     */
    public record Point(double eta, ExitTimeExperiment.Result exits, Engine engine, double predictedMean) {

        /** The measured mean over the predicted one (NaN when either is missing). */
        public double ratio() {
            return exits.mean() / predictedMean;
        }
    }

    /**
     * The exit times of every eta, the one fit and the theory.
     *
     * @param points per eta, in the settings' order
     * @param theory the predictions (radius, l*, slope, the analysis behind the means)
     * @param fit the weighted log-log fit of mean exit steps against 1/eta, null when no slope is defined
     * @param slopeNote why the fit is unweighted, has no interval, or is missing; null otherwise
     * @param firstDivergence the first divergence in (eta, replication) order, or null
     */
    public record Result(List<Point> points, Theory theory, LogLogFit fit, String slopeNote,
            DivergenceException firstDivergence) {

        public double radius() {
            return theory.radius();
        }

        /** The engines that ran the points, sorted and comma-separated ("scalar", "vector" or both). */
        public String engines() {
            return String.join(",", new java.util.TreeSet<>(points.stream().map(p -> p.engine().cliName()).toList()));
        }

        public Integer jumps() {
            return theory.jumps();
        }

        public Double predictedSlope() {
            return theory.slope();
        }

        public String predictedSlopeNote() {
            return theory.slopeNote();
        }

        public List<String> warnings() {
            return theory.warnings();
        }
    }

    /**
     * The result under the keys of {@code htsgd exit-times --format json} (architecture.md: {@code points [{eta,
     * mean, stderr, samples, censored, ...}], slope, slope_ci, predicted_slope, ...}), without the command's name
     * and seed: every route (command, reproduce target's {@code settings}, Spark groups) renders these values.
     */
    public static Map<String, Object> json(Settings s, Result r) {
        return ExitTimeJson.of(s, r);
    }

    /** The key of eta's streams under {@code seed}: a function of the eta value alone (see the class comment). */
    public static long streamKey(long seed, double eta) {
        // the IEEE bits of a positive double are a non-negative long, distinct for distinct etas
        return Streams.key(seed, NAME, Double.doubleToLongBits(eta));
    }

    /** The experiment of eta {@code k} of the settings: replication r draws stream r of {@link #streamKey}. */
    public static ExitTimeExperiment experiment(Settings s, int k, long seed) {
        double eta = s.etas[k];
        return ExitTimeExperiment.builder().sgd(s.recursion(eta)).field(s.field()).start(s.start)
                .maxSteps(s.maxSteps()).samples(s.samples()).seed(streamKey(seed, eta)).engine(s.engine()).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks(Settings s) {
        return Math.multiplyExact(s.etas.length, s.samples());
    }

    @Override
    public ExitTimeExperiment.Replication task(Settings s, long seed, int index) {
        return tasks(s, seed, index, index + 1).get(0);
    }

    @Override
    public List<ExitTimeExperiment.Replication> tasks(Settings s, long seed, int from, int to) {
        int n = s.samples();
        List<ExitTimeExperiment.Replication> out = new ArrayList<>(to - from);
        int i = from;
        while (i < to) {
            int k = i / n;
            int end = Math.min(to, (k + 1) * n);
            out.addAll(experiment(s, k, seed).replications(i - k * n, end - k * n));
            i = end;
        }
        return out;
    }

    @Override
    public int batch(Settings s, int threads) {
        return ExitTimeExperiment.batch(experiment(s, 0, 0).engine(), s.samples(), threads);
    }

    @Override
    public Result result(Settings s, long seed, List<ExitTimeExperiment.Replication> tasks) {
        int n = s.samples();
        if (tasks.size() != tasks(s)) {
            throw new IllegalArgumentException("exit-times needs " + tasks(s) + " task results, got " + tasks.size());
        }
        Theory th = theory(s);
        int m = s.etas.length;
        List<Point> points = new ArrayList<>(m);
        double[] means = new double[m];
        double[] ses = new double[m];
        DivergenceException first = null;
        for (int k = 0; k < m; k++) {
            double eta = s.etas[k];
            ExitTimeExperiment.Result r = ExitTimeExperiment.Result.of(tasks.subList(k * n, (k + 1) * n), s.maxSteps());
            points.add(new Point(eta, r, experiment(s, k, seed).engine(), th.meanExitSteps(eta, s.noise(), s.basin())));
            means[k] = r.mean();
            ses[k] = r.stderr();
            if (first == null) {
                first = r.firstDivergence();
            }
        }
        LogLogFit fit = LogLogFit.of(s.etas, means, ses, LEVEL);
        String note = fit != null ? fit.note()
                : m < 2 ? "a single eta: no slope to fit (give at least two distinct etas)"
                : "fewer than two etas with a finite positive mean exit time (no exits at the others): no slope";
        return new Result(List.copyOf(points), th, fit, note, first);
    }

    @Override
    public String key(Settings s) {
        return s.key();
    }

    @Override
    public Codec<ExitTimeExperiment.Replication> codec() {
        return ExitTimeCodec.INSTANCE;
    }
}
