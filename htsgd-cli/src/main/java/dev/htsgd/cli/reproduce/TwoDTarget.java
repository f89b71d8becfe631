package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.line.SimulateLine;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.run.Progress;
import dev.htsgd.landscape.Himmelblau2d;
import dev.htsgd.landscape.Wells2d;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.study.ExitTimeStudy;
import dev.htsgd.study.OccupationStudy;
import dev.htsgd.run.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment D (paper notes section 5.D, ICLR section 3.2) on htsgd's four-basin {@link Himmelblau2d}: two
 * wide basins need J = 2 clipped jumps at b = 2.15, two narrow ones J = 1. Started in a narrow basin, the
 * clipped heavy-tailed SGD (eta = 5e-4, Z = 0.75 W, ||W|| Pareto(1.2) isotropic, projection onto the ball of
 * radius 4.2) should spend almost all its time in the wide basins; unclipped it visits all four. The same on the
 * asymmetric {@link Wells2d} at b = 1.6 (J = 2 for the wide well, 1 for the two narrow ones), so that no
 * comparison is decided by a symmetry, and first exits ({@link TwoDExits}) from a J = 1 and a J = 2 basin.
 */
public final class TwoDTarget implements ReproduceTarget {

    static final Info INFO = new Info("two-d", "Experiment D (ICLR 3.2): the 2-D four-basin landscape himmelblau2d (b = 2.15) and "
            + "the asymmetric wells2d (b = 1.6) clipped vs unclipped: fraction of time in the narrow basins beside the d-D "
            + "limiting process, and first exits from J = 1 and J = 2 basins beside 1/(C* eta lambda^J).",
            java.util.Set.of("--steps", "--paths"));

    static final double ETA = 5e-4;
    static final double[] START = {1.2, 2.6};

    @Override
    public Info info() {
        return INFO;
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        long steps = ctx.steps(30_000_000L, 3_000_000L, 30_000L);
        int paths = ctx.paths(2, 2, 1);
        long t0 = System.nanoTime();
        List<Map<String, Object>> settings = new ArrayList<>();
        Occupation himmelblau;
        Occupation wells;
        try (Progress p = ctx.progress("two-d", (long) paths * 4)) {
            himmelblau = occupation(ctx, HIMMELBLAU, steps, paths, p);
            wells = occupation(ctx, WELLS, steps, paths, p);
        }
        settings.addAll(himmelblau.settings());
        settings.addAll(wells.settings());
        double seconds = (System.nanoTime() - t0) * 1e-9;
        for (Occupation o : List.of(himmelblau, wells)) {
            ctx.run().writeCsv(o.c().file() + ".csv", o.header(), o.rows());
        }
        ctx.report().section("D. Two dimensions (ICLR 3.2)",
                        "the points visited by clipped (b = 2.15) and unclipped heavy-tailed SGD on a two-dimensional "
                        + "landscape with two wide and two narrow basins, started in a narrow one, with the four minima.",
                        "with b = 2.15 leaving a wide basin takes two jumps and a narrow one only one, so the limiting "
                        + "process lives on the wide minima and the time in the narrow basins tends to 0; unclipped, all "
                        + "four are visited.")
                .paragraph("htsgd's himmelblau2d (the printed ICLR transform is garbled, see the landscape's documentation): "
                        + "wide basins at (-2.6, +-2.6) with radius 2.6 (J = 2 at b = 2.15), narrow ones at (1.2, +-2.6) "
                        + "with radius 1.2 (J = 1); projection onto the ball of radius 4.2; eta = " + ETA + "; noise "
                        + "0.75 W, ||W|| Pareto(1.2), isotropic; start " + java.util.Arrays.toString(START) + " (narrow); "
                        + paths + " paths x " + steps + " steps. Theory: with b = 2.15 the limiting process lives on the two "
                        + "wide minima, so the time in narrow basins tends to 0; unclipped, all four are visited. The theory rows "
                        + "are the d-D limiting jump process (fields by gradient flow, one-jump rates by quadrature over "
                        + "directions, two-jump rates by Monte Carlo): its stationary law and its mean occupation over the run's "
                        + "horizon from the start.");
        himmelblau.render(ctx, "Points visited by path 0 of each setting (thinned; one colour per b) and the four "
                + "minima (open squares): clipped at b = 2.15 the path should sit in the two wide basins on the left, "
                + "unclipped it visits all four.");
        double[] twoEtas = {2e-3, 1e-3};
        Map<String, Object> exit = TwoDExits.run(ctx, exits(HIMMELBLAU, 3, twoEtas, ctx), "D2. First exit from a narrow basin",
                "the narrow minimum (1.2, 2.6) (r = 1.2)");
        ctx.report().heading("D3. An asymmetric landscape: wells2d")
                .paragraph("So that no comparison is decided by a symmetry: three Gaussian wells of different depths and "
                        + "widths in a weak bowl (wells2d), projection onto the ball of radius 4; at b = " + WELLS.b()
                        + " the wide well near (-2, 0) (r = 2.09) needs J = 2 clipped jumps and the two narrow ones J = 1, "
                        + "so the limiting process lives on the wide minimum alone. Same noise and eta as above, started at "
                        + "the narrowest minimum (1.49, 1.19); " + paths + " paths x " + steps + " steps.");
        wells.render(ctx, "Points visited by path 0 on wells2d (clipped at b = " + WELLS.b() + " and unclipped) and the "
                + "three minima (open squares): clipped, the path should settle in the wide well on the left.");
        List<Map<String, Object>> wellsExits = List.of(
                TwoDExits.run(ctx, exits(WELLS, 2, twoEtas, ctx), "D4. First exit from a J = 1 basin of wells2d",
                        "the narrow minimum (1.49, 1.19) (r = 1.21)"),
                TwoDExits.run(ctx, exits(WELLS, 0, ctx.etas(new double[] {2e-3, 1e-3, 5e-4}, twoEtas,
                        new double[] {4e-3, 2e-3}), ctx), "D5. First exit from the J = 2 basin of wells2d",
                        "the wide minimum (-1.96, 0) (r = 2.09)"));
        ctx.report().simulationTime(seconds);
        return Json.object(
                "minima", himmelblau.minima(),
                "settings", settings,
                "narrow_exit", exit,
                "wells2d", Json.object("minima", wells.minima(), "exits", wellsExits),
                "seconds", seconds);
    }

    /**
     * A 2-D landscape of experiment D: its name, the clipping threshold b, the narrow start (a point, or null for the
     * minimum of field {@code startBasin}), the radius of its default projection ball and the name of its CSV and plot.
     */
    record Case(String landscape, double b, double[] start, int startBasin, double ball, String file) {
    }

    static final Case HIMMELBLAU = new Case("himmelblau2d", Himmelblau2d.B, START, 0, Himmelblau2d.BALL_RADIUS, "two-d");
    /** wells2d at b = 1.6: J = [2, 1, 1], started at the narrowest minimum (field 2). */
    static final Case WELLS = new Case("wells2d", 1.6, null, 2, Wells2d.BALL_RADIUS, "two-d-wells2d");

    /** The occupation of one case, clipped and unclipped, with its table rows and path-0 scatter. */
    private record Occupation(Case c, List<Map<String, Object>> settings, List<String> header, List<List<?>> rows,
            List<String> commands, List<Plots.Series> scatter, double[][] minima) {

        void render(ReproduceContext ctx, String caption) {
            int n = minima.length;
            double[][] mins = new double[2][n];
            for (int i = 0; i < n; i++) {
                mins[0][i] = minima[i][0];
                mins[1][i] = minima[i][1];
            }
            List<Plots.Series> all = new ArrayList<>(scatter);
            all.add(new Plots.Series("minima", mins[0], mins[1], Plots.Style.OPEN_MARKERS).colour(7).shape(1));
            double r = c.ball();
            Plot plot = ctx.plot(c.file(),
                    Plots.Axes.linear("Visited points (path 0, thinned), " + c.landscape(), "x", "y")
                            .withXRange(-r - 0.2, r + 0.2).withYRange(-r - 0.2, r + 0.2), all);
            ctx.report().table("Fraction of time per basin, " + c.landscape(), header, rows)
                    .paragraph("Each row alone (same numbers, bit for bit):");
            commands.forEach(ctx.report()::command);
            ctx.report().plot(plot, caption);
        }
    }

    private static Occupation occupation(ReproduceContext ctx, Case c, long steps, int paths, Progress p) {
        long thin = Math.max(1, steps / 3000);
        List<Map<String, Object>> out = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<Plots.Series> scatter = new ArrayList<>();
        double[][] minima = null;
        boolean[] narrow = null;
        for (double b : new double[] {c.b(), Double.POSITIVE_INFINITY}) {
            OccupationStudy.Settings st = settings(c, b, steps, paths, thin);
            OccupationStudy.Result t = ctx.run(OccupationStudy.INSTANCE, st, p);
            if (minima == null) {
                BasinMap map = OccupationStudy.model(st).basins();
                minima = map.minimumPoints();
                narrow = narrow(map, c.b());
            }
            double[] frac = t.fractions();
            String label = Double.isInfinite(b) ? "unclipped" : "b = " + b;
            String command = SimulateLine.commandLine(st, ctx.seed());
            commands.add(command);
            Map<String, Object> m = Json.object(
                    "landscape", c.landscape(),
                    "b", Double.isInfinite(b) ? "none" : (Object) b,
                    "fractions", frac,
                    "narrow_fraction", total(frac, narrow),
                    "transitions", t.transitions(),
                    "diverged_paths", t.divergedPaths(),
                    "command", command);
            SimulateLine.numbers(t).forEach(m::putIfAbsent);
            out.add(m);
            rows.add(row(label, frac, narrow));
            // the limiting jump process beside the simulation (paper notes section 4, multi-d theory)
            OccupationStudy.Prediction pred = t.prediction();
            m.put("theory_note", pred.note());
            if (pred.stationary() != null) {
                rows.add(row(label + ": theory, stationary law of Y", pred.stationary(), narrow));
                rows.add(row(label + ": theory, Y over the run's horizon", pred.finiteHorizon(), narrow));
            }
            double[] tr = t.paths().get(0).trajectory();
            double[] xs = new double[tr.length / 2];
            double[] ys = new double[tr.length / 2];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = tr[2 * i];
                ys[i] = tr[2 * i + 1];
            }
            scatter.add(new Plots.Series(label, xs, ys, Plots.Style.SCATTER).colour(scatter.size()));
        }
        List<String> header = new ArrayList<>();
        header.add("setting");
        for (int i = 0; i < minima.length; i++) {
            header.add(String.format(Locale.ROOT, "time near (%.1f, %.1f)%s", minima[i][0], minima[i][1],
                    narrow[i] ? " narrow" : " wide"));
        }
        header.add("time in narrow basins");
        return new Occupation(c, out, header, rows, commands, scatter, minima);
    }

    /**
     * Narrow basins: those needing fewer clipped jumps ceil(r_i / b) than the widest, so the limit of the clipped
     * dynamics leaves them (paper notes section 4).
     */
    static boolean[] narrow(BasinMap map, double b) {
        int n = map.size();
        int[] jumps = new int[n];
        int most = 0;
        for (int i = 0; i < n; i++) {
            jumps[i] = (int) Math.ceil(map.radius(i) / b);
            most = Math.max(most, jumps[i]);
        }
        boolean[] narrow = new boolean[n];
        for (int i = 0; i < n; i++) {
            narrow[i] = jumps[i] < most;
        }
        return narrow;
    }

    /**
     * One setting: the case's landscape (projection onto its default ball), Z = 0.75 W with ||W|| Pareto(1.2)
     * isotropic, eta = 5e-4, the case's narrow start, and b.
     */
    static OccupationStudy.Settings settings(Case c, double b, long steps, int paths, long thin) {
        return OccupationStudy.Settings.of(c.landscape(), null, "pareto", 1.2, 0.75, 1.0, 0.5, b, Clipping.L2, true, ETA,
                c.start(), c.startBasin(), steps, paths, null, thin, Engine.SCALAR);
    }

    /**
     * First exits from field {@code basin} of the case at b over the given learning rates, started at the case's
     * start (himmelblau2d: the point in its narrow field 3) or else at the field's minimum.
     */
    private static ExitTimeStudy.Settings exits(Case c, int basin, double[] etas, ReproduceContext ctx) {
        int samples = (int) ctx.samples(200, 40, 10);
        dev.htsgd.landscape.Objective f = dev.htsgd.landscape.Landscapes.of(c.landscape());
        return ExitTimeStudy.Settings.of(f, dev.htsgd.noise.Noises.of("pareto", 1.2, 0.75, 1.0), c.b(), Clipping.L2, true,
                basin, c.start(), etas, samples, 1_000_000_000L, Engine.SCALAR);
    }

    /** A table row: the label, the fraction of each basin and the narrow basins' total. */
    private static List<Object> row(String label, double[] p, boolean[] narrow) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        for (double v : p) {
            row.add(v);
        }
        row.add(total(p, narrow));
        return row;
    }

    private static double total(double[] p, boolean[] narrow) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += narrow[i] ? p[i] : 0;
        }
        return s;
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        return ReproduceTarget.summaryLines("two-d: fraction of time in the narrow basins", results, "settings", s -> String.format(Locale.ROOT, "b=%-5s narrow %.4f", s.get("b"), (double) s.get("narrow_fraction")));
    }
}
