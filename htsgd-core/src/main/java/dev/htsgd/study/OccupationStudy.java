package dev.htsgd.study;

import dev.htsgd.check.Require;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.Noises;
import dev.htsgd.run.Study;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.sim.OccupationCounts;
import dev.htsgd.sim.OccupationExperiment;
import dev.htsgd.sim.OccupationSummary;
import dev.htsgd.sim.Streams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Long-run occupation of the minima (paper notes sections 4 and 5.B, 5.D; ICLR Fig. 2-3 and section 3.2): paths
 * of the truncated recursion X &lt;- Proj(X + phi_b(-eta grad f(X) + eta Z)) and the fraction of their steps in each
 * attraction field, within epsilon of each minimum, the transitions between minima and the visited minima
 * ({@link OccupationExperiment}), beside the limiting jump process Y of section 4: its stationary law on the
 * widest minima V*_b and its {@linkplain dev.htsgd.theory.FiniteHorizonOccupation finite-horizon occupation} over
 * the run's length.
 *
 * <p>One task is one path. Path p of seed s draws replication p of the stream key
 * {@link Streams#key(long, String, String)}(s, "occupation", dynamics) where "dynamics" is the text of the
 * recursion (landscape, domain, noise, b, clipping, projection, eta and the start point, resolved): the streams
 * depend on what is simulated, not on where a setting sits in a grid nor on the number of steps or paths, so
 * {@code htsgd simulate} with a setting's options and seed reproduces that setting of any reproduce target or
 * sweep, and a longer run extends the shorter one's paths.
 */
public final class OccupationStudy implements Study<OccupationStudy.Settings, OccupationStudy.Path, OccupationStudy.Result> {

    /** The study's name in stream and checkpoint keys. */
    public static final String NAME = "occupation";

    /** Visited minima kept per path (the sequence is flagged as cut beyond). */
    public static final int MAX_VISITS = 100_000;

    /** The study without a progress bar. */
    public static final OccupationStudy INSTANCE = new OccupationStudy(null);

    private static final int CACHE = 32;
    // the basin map of a 2-D landscape costs far more than a short path: one model per settings, shared by the tasks
    private static final Map<String, Model> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Model> e) {
            return size() > CACHE;
        }
    };

    private final LongConsumer progress;

    private OccupationStudy(LongConsumer progress) {
        this.progress = progress;
    }

    /** The study reporting the steps each path has done to {@code steps} (a progress bar; no number changes). */
    public static OccupationStudy withProgress(LongConsumer steps) {
        return new OccupationStudy(steps);
    }

    /**
     * The settings of one occupation run, in the library's words: the landscape by name ({@link Landscapes#of})
     * with an optional domain override, the scalar noise law by family ({@link Noises#of}; isotropic with that
     * radial law on a d-D landscape), the truncation threshold b (+infinity: none) and mode, projection onto the
     * domain, eta, the start (x0, or the minimum of field {@code basin} when x0 is null), steps per path, paths,
     * the radius epsilon of the neighbourhoods of the minima (null: the default of {@link OccupationExperiment}),
     * the trajectory thinning (0: none) and the path engine.
     */
    public record Settings(String landscape, Domain domain, String noise, double alpha, double scale,
            double normalScale, double pPlus, double b, Clipping clipping, boolean project, double eta, double[] x0,
            int basin, long steps, int paths, Double epsilon, long thin, Engine engine) {

        public Settings {
            Require.positive("eta", eta);
            Require.positiveOrInfinite("b", b);
            Require.positive("steps", steps);
            Require.positive("paths", paths);
            Require.atLeast("thin", thin, 0);
            Require.atLeast("basin", basin, 0);
            if (epsilon != null && (!(epsilon > 0) || epsilon.isInfinite())) {
                throw Require.fail("epsilon", "must be in (0, inf), got " + epsilon);
            }
            if (clipping == null) {
                throw Require.fail("clipping", "must be one of l2, coordinate, none, gradient-only");
            }
            if (Double.isInfinite(b)) {
                clipping = Clipping.NONE;
            }
            if (engine == null) {
                throw Require.fail("engine", "must be one of scalar | vector | auto");
            }
            x0 = x0 == null ? null : Require.finite("x0", x0).clone();
        }

        /** Validated settings: also builds the recursion and the basin map, so a bad landscape, noise or start fails here. */
        public static Settings of(String landscape, Domain domain, String noise, double alpha, double scale,
                double normalScale, double pPlus, double b, Clipping clipping, boolean project, double eta,
                double[] x0, int basin, long steps, int paths, Double epsilon, long thin, Engine engine) {
            Settings s = new Settings(landscape, domain, noise, alpha, scale, normalScale, pPlus, b, clipping, project,
                    eta, x0, basin, steps, paths, epsilon, thin, engine);
            model(s);
            return s;
        }

        @Override
        public double[] x0() {
            return x0 == null ? null : x0.clone();
        }

        /**
         * A start point as text: {@code min} (null: the minimum of field {@code basin}) or its coordinates
         * {@code x} or {@code x,y}; their number is checked against the landscape by {@link #of}.
         */
        public static double[] parseX0(String text) {
            String t = text == null ? "min" : text.strip().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("min")) {
                return null;
            }
            String[] p = t.split(",");
            double[] x = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                try {
                    x[i] = Double.parseDouble(p[i].strip());
                } catch (NumberFormatException e) {
                    throw Require.fail("x0", "must be a number, x,y or min, got '" + text + "'");
                }
            }
            return Require.finite("x0", x);
        }

        /** True when the run starts at the minimum of field {@link #basin()} rather than at x0. */
        public boolean startsAtMinimum() {
            return x0 == null;
        }

        /** The same settings with another number of paths and steps per path. */
        public Settings withSize(long newSteps, int newPaths) {
            return of(landscape, domain, noise, alpha, scale, normalScale, pPlus, b, clipping, project, eta, x0, basin,
                    newSteps, newPaths, epsilon, thin, engine);
        }

        /** A stable text that differs whenever the settings do (checkpoints, Spark fingerprints). */
        public String key() {
            return "landscape=" + landscape + ",domain=" + domainText(domain) + ",noise=" + noise + ",alpha=" + alpha
                    + ",scale=" + scale + ",normalScale=" + normalScale + ",pPlus=" + pPlus + ",b=" + b + ",clipping="
                    + clipping + ",project=" + project + ",eta=" + eta + ",x0=" + (x0 == null ? "min" : Arrays.toString(x0))
                    + ",basin=" + basin + ",steps=" + steps + ",paths=" + paths + ",epsilon=" + epsilon + ",thin=" + thin
                    + ",engine=" + engine;
        }

        @Override
        public String toString() {
            return key();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Settings s && s.key().equals(key());
        }

        @Override
        public int hashCode() {
            return key().hashCode();
        }

        static String domainText(Domain d) {
            if (d == null) {
                return "default";
            }
            if (d instanceof Domain.Interval i) {
                return "interval(" + i.lo() + "," + i.hi() + ")";
            }
            if (d instanceof Domain.Ball ball) {
                return "ball(" + Arrays.toString(ball.center()) + "," + ball.radius() + ")";
            }
            if (d instanceof Domain.Box box) {
                return "box(" + Arrays.toString(box.lo()) + "," + Arrays.toString(box.hi()) + ")";
            }
            return d.describe();
        }
    }

    /**
     * What the settings build: the objective, the scalar noise law, the basin map, the recursion (the one place
     * that assembles it from settings), the resolved epsilon and engine, and the text of the dynamics that keys
     * the streams.
     */
    public record Model(Objective objective, NoiseModel noise, BasinMap basins, ClippedSgd sgd, double epsilon,
            Engine engine, String dynamics) {
    }

    /** The model of the settings (cached per JVM; models are immutable and thread-safe). */
    public static Model model(Settings s) {
        String key = s.key();
        synchronized (MODELS) {
            Model m = MODELS.get(key);
            if (m != null) {
                return m;
            }
        }
        Model m = build(s);
        synchronized (MODELS) {
            MODELS.put(key, m);
        }
        return m;
    }

    private static Model build(Settings s) {
        Objective f = Landscapes.of(s.landscape(), s.domain());
        NoiseModel z = Noises.of(s.noise(), s.alpha(), s.scale(), s.normalScale(), s.pPlus());
        BasinMap map = BasinMap.of(f);
        double[] start = map.start(s.x0(), s.basin());
        ClippedSgd.Builder b = ClippedSgd.builder().objective(f).eta(s.eta()).clip(s.b()).clipping(s.clipping())
                .project(s.project()).x0(start);
        if (f.dimension() == 1) {
            b.noise(z);
        } else {
            b.noise(IsotropicNoise.of(z, f.dimension()));
        }
        ClippedSgd sgd = b.build();
        OccupationExperiment probe = experiment(sgd, map, s, 0L, null);
        String dynamics = "landscape=" + f.name() + ",domain=" + Settings.domainText(s.domain()) + ",noise="
                + s.noise() + "(" + z.describe() + ",normalScale=" + s.normalScale() + ",pPlus=" + s.pPlus() + "),b="
                + sgd.b() + ",clipping=" + sgd.clipping() + ",project=" + sgd.project() + ",eta=" + sgd.eta() + ",x0="
                + Arrays.toString(sgd.x0()) + ",engine=" + probe.engine();
        return new Model(f, z, map, sgd, probe.epsilon(), probe.engine(), dynamics);
    }

    private static OccupationExperiment experiment(ClippedSgd sgd, BasinMap map, Settings s, long streamSeed,
            LongConsumer progress) {
        OccupationExperiment.Builder eb = OccupationExperiment.builder().sgd(sgd).basins(map).steps(s.steps())
                .paths(s.paths()).thin(s.thin()).seed(streamSeed).maxVisits(MAX_VISITS).engine(s.engine())
                .progress(progress);
        if (s.epsilon() != null) {
            eb.epsilon(s.epsilon());
        }
        return eb.build();
    }

    /** The seed whose replication p is path p's stream. */
    public static long streamSeed(Settings s, long seed) {
        return Streams.key(seed, NAME, model(s).dynamics());
    }

    /**
     * One path's counts (a task's result).
     *
     * @param index path index
     * @param steps steps done (the requested steps unless the path diverged)
     * @param inField steps in each field
     * @param nearMinimum steps within epsilon of each minimum
     * @param transitions transitions[i][j]: moves from minimum i to minimum j
     * @param visits the sequence of visited minima, starting with the field of X_0 (at most {@link #MAX_VISITS})
     * @param visitsTruncated true when the sequence was cut
     * @param trajectory every thin-th state (flattened, dimension d), empty when thinning is off
     * @param divergence the message of the divergence that stopped the path, or null
     */
    public record Path(int index, long steps, long[] inField, long[] nearMinimum, long[][] transitions, int[] visits,
            boolean visitsTruncated, double[] trajectory, String divergence) implements OccupationCounts {

        static Path of(OccupationExperiment.PathResult p) {
            return new Path(p.index(), p.steps(), p.inField(), p.nearMinimum(), p.transitions(), p.visits(),
                    p.visitsTruncated(), p.trajectory(), p.divergence() == null ? null : p.divergence().getMessage());
        }

        public boolean diverged() {
            return divergence != null;
        }
    }

    /**
     * What the limiting jump process predicts for the fractions, aligned with the minima, and how far the
     * simulated fractions are from it; all null (with {@code note} saying why) where the theory does not apply.
     *
     * @param stationary the stationary law of Y on V*_b, zero on the other minima
     * @param finiteHorizon the mean occupation of Y over the run's horizon from X_0's basin
     * @param stationaryDifference fractions - stationary
     * @param finiteHorizonDifference fractions - finiteHorizon
     * @param stationaryDistance total variation distance between fractions and stationary
     * @param finiteHorizonDistance total variation distance between fractions and finiteHorizon
     * @param note why there is no prediction, or null
     */
    public record Prediction(double[] stationary, double[] finiteHorizon, double[] stationaryDifference,
            double[] finiteHorizonDifference, Double stationaryDistance, Double finiteHorizonDistance, String note) {

        static Prediction none(String why) {
            return new Prediction(null, null, null, null, null, null, why);
        }

        static Prediction of(double[] fractions, double[] stationary, double[] horizon, String note) {
            double[] ds = minus(fractions, stationary);
            double[] dh = minus(fractions, horizon);
            return new Prediction(stationary, horizon, ds, dh, tv(ds), tv(dh), note);
        }

        private static double[] minus(double[] a, double[] b) {
            if (b == null) {
                return null;
            }
            double[] d = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                d[i] = a[i] - b[i];
            }
            return d;
        }

        private static Double tv(double[] d) {
            if (d == null) {
                return null;
            }
            double s = 0;
            for (double v : d) {
                s += Math.abs(v);
            }
            return s / 2;
        }
    }

    /**
     * The paths reduced in index order, with the theory beside them.
     *
     * @param settings the settings
     * @param seed the run's seed
     * @param paths the paths, in index order
     * @param totalSteps steps over all paths
     * @param inField steps in each field
     * @param nearMinimum steps within epsilon of each minimum
     * @param transitions transitions between minima, summed over paths
     * @param prediction the limiting jump process's prediction
     */
    public record Result(Settings settings, long seed, List<Path> paths, long totalSteps, long[] inField,
            long[] nearMinimum, long[][] transitions, Prediction prediction) implements OccupationSummary {

        /** Moves between distinct minima, all paths together. */
        public long transitionCount() {
            long t = 0;
            for (int i = 0; i < transitions.length; i++) {
                for (int j = 0; j < transitions.length; j++) {
                    t += i == j ? 0 : transitions[i][j];
                }
            }
            return t;
        }

        /** Paths that diverged (their counts up to the divergence are kept). */
        public int divergedPaths() {
            return (int) paths.stream().filter(Path::diverged).count();
        }

        /** The first path that diverged, or null. */
        public Path firstDiverged() {
            return paths.stream().filter(Path::diverged).findFirst().orElse(null);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int tasks(Settings s) {
        return s.paths();
    }

    @Override
    public Path task(Settings s, long seed, int index) {
        return tasks(s, seed, index, index + 1).get(0);
    }

    @Override
    public List<Path> tasks(Settings s, long seed, int from, int to) {
        Model m = model(s);
        OccupationExperiment exp = experiment(m.sgd(), m.basins(), s, streamSeed(s, seed), progress);
        List<Path> out = new ArrayList<>(to - from);
        for (OccupationExperiment.PathResult p : exp.runPaths(from, to)) {
            out.add(Path.of(p));
        }
        return out;
    }

    /** One path per task on the scalar engine; on the vector engine a block of lanes per batch. */
    @Override
    public int batch(Settings s, int threads) {
        Model m = model(s);
        return m.engine() == Engine.VECTOR ? experiment(m.sgd(), m.basins(), s, 0L, null).blockWidth(threads) : 1;
    }

    @Override
    public Result result(Settings s, long seed, List<Path> paths) {
        OccupationCounts.Totals t = OccupationCounts.Totals.of(model(s).basins().size(), paths);
        double[] fractions = OccupationCounts.fractions(t.inField(), t.steps());
        return new Result(s, seed, List.copyOf(paths), t.steps(), t.inField(), t.nearMinimum(), t.transitions(),
                OccupationTheory.predict(s, model(s), fractions));
    }

    @Override
    public Codec<Path> codec() {
        return CODEC;
    }

    private static final Codec<Path> CODEC = Codecs.json(Path.class);

    @Override
    public String key(Settings s) {
        return s.key();
    }
}
