package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.line.SimulateLine;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.run.Progress;
import dev.htsgd.landscape.Himmelblau2d;
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
 * radius 4.2) should spend almost all its time in the wide basins; unclipped it visits all four.
 */
public final class TwoDTarget implements ReproduceTarget {

    static final Info INFO = new Info("two-d", "Experiment D (ICLR 3.2): the 2-D four-basin landscape himmelblau2d, b = 2.15 vs unclipped; fraction of "
            + "time in the two narrow basins (J = 1) and the two wide ones (J = 2).",
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
        double[] bs = {Himmelblau2d.B, Double.POSITIVE_INFINITY};
        long thin = Math.max(1, steps / 3000);

        List<Map<String, Object>> out = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<Plots.Series> scatter = new ArrayList<>();
        double[][] minima = null;
        long t0 = System.nanoTime();
        try (Progress p = ctx.progress("two-d", (long) paths * bs.length)) {
            for (double b : bs) {
                OccupationStudy.Settings st = settings(b, steps, paths, thin);
                OccupationStudy.Result t = ctx.run(OccupationStudy.INSTANCE, st, p);
                minima = OccupationStudy.model(st).basins().minimumPoints();
                int n = minima.length;
                double[] frac = t.fractions();
                double narrow = 0;
                for (int i = 0; i < n; i++) {
                    if (isNarrow(minima[i])) {
                        narrow += frac[i];
                    }
                }
                String label = Double.isInfinite(b) ? "unclipped" : "b = " + b;
                String command = SimulateLine.commandLine(st, ctx.seed());
                commands.add(command);
                Map<String, Object> m = Json.object(
                        "b", Double.isInfinite(b) ? "none" : (Object) b,
                        "fractions", frac,
                        "narrow_fraction", narrow,
                        "transitions", t.transitions(),
                        "diverged_paths", t.divergedPaths(),
                        "command", command);
                SimulateLine.numbers(t).forEach(m::putIfAbsent);
                out.add(m);
                List<Object> row = new ArrayList<>();
                row.add(label);
                for (double v : frac) {
                    row.add(v);
                }
                row.add(narrow);
                rows.add(row);
                // the limiting jump process beside the simulation (paper notes section 4, multi-d theory)
                OccupationStudy.Prediction pred = t.prediction();
                m.put("theory_note", pred.note());
                if (pred.stationary() != null) {
                    rows.add(theoryRow(label + ": theory, stationary law of Y", pred.stationary(), minima));
                    rows.add(theoryRow(label + ": theory, Y over the run's horizon", pred.finiteHorizon(), minima));
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
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        List<String> header = new ArrayList<>();
        header.add("setting");
        for (double[] mi : minima) {
            header.add(String.format(Locale.ROOT, "time near (%.1f, %.1f)%s", mi[0], mi[1], isNarrow(mi) ? " narrow" : " wide"));
        }
        header.add("time in narrow basins");
        ctx.run().writeCsv("two-d.csv", header, rows);
        int n = minima.length;
        double[][] mins = new double[2][n];
        for (int i = 0; i < n; i++) {
            mins[0][i] = minima[i][0];
            mins[1][i] = minima[i][1];
        }
        scatter.add(new Plots.Series("minima (left: wide, right: narrow)", mins[0], mins[1], Plots.Style.OPEN_MARKERS)
                .colour(7).shape(1));
        Plot plot = ctx.plot("two-d", Plots.Axes.linear("Visited points (path 0, thinned), himmelblau2d", "x", "y")
                .withXRange(-4.4, 4.4).withYRange(-4.4, 4.4), scatter);
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
                        + "horizon from the start.")
                .table("Fraction of time per basin", header, rows)
                .paragraph("Each row alone (same numbers, bit for bit):");
        commands.forEach(ctx.report()::command);
        ctx.report().plot(plot, "Points visited by path 0 of each setting (thinned; one colour per b) and the four "
                + "minima (open squares): clipped at b = 2.15 the path should sit in the two wide basins on the left, "
                + "unclipped it visits all four.")
                .simulationTime(seconds);
        Map<String, Object> exit = narrowExit(ctx);
        return Json.object(
                "minima", minima,
                "settings", out,
                "narrow_exit", exit,
                "seconds", seconds);
    }

    /**
     * One setting: himmelblau2d (projection onto its default ball of radius 4.2), Z = 0.75 W with ||W|| Pareto(1.2)
     * isotropic, eta = 5e-4, the start in the narrow basin, and b.
     */
    static OccupationStudy.Settings settings(double b, long steps, int paths, long thin) {
        return OccupationStudy.Settings.of("himmelblau2d", null, "pareto", 1.2, 0.75, 1.0, 0.5, b, Clipping.L2, true, ETA,
                START, 0, steps, paths, null, thin, Engine.SCALAR);
    }

    /**
     * First exits from the narrow basin (1.2, 2.6) (J = 1 at b = 2.15) at two learning rates, beside the d-D
     * theory's 1 / (C* eta lambda(eta)^J) and slope 1 + J (alpha - 1) (paper notes section 3, multi-d).
     */
    private Map<String, Object> narrowExit(ReproduceContext ctx) {
        int samples = (int) ctx.samples(200, 40, 10);
        double[] etas = {2e-3, 1e-3};
        ExitTimeStudy.Settings st = ExitTimeStudy.Settings.of(Himmelblau2d.of(), dev.htsgd.noise.Noises.of("pareto", 1.2, 0.75, 1.0),
                Himmelblau2d.B, Clipping.L2, true, 3, START, etas, samples, 50_000_000L, Engine.SCALAR);
        ExitTimeStudy.Result res;
        try (Progress p = ctx.progress("two-d exits", (long) samples * etas.length)) {
            res = ctx.run(ExitTimeStudy.of(), st, p);
        }
        List<Map<String, Object>> pts = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        for (ExitTimeStudy.Point pt : res.points()) {
            Map<String, Object> m = Json.object(
                    "eta", pt.eta(),
                    "mean", pt.exits().mean(),
                    "stderr", pt.exits().stderr(),
                    "samples", pt.exits().samples(),
                    "censored", pt.exits().censored(),
                    "predicted_mean", pt.predictedMean(),
                    "ratio", pt.exits().mean() / pt.predictedMean(),
                    "ratio_low", (pt.exits().mean() - 2 * pt.exits().stderr()) / pt.predictedMean(),
                    "ratio_high", (pt.exits().mean() + 2 * pt.exits().stderr()) / pt.predictedMean());
            pts.add(m);
            rows.add(List.of(pt.eta(), pt.exits().mean(), pt.exits().stderr(), pt.predictedMean(), m.get("ratio"),
                    "[" + String.format(Locale.ROOT, "%.3f, %.3f", m.get("ratio_low"), m.get("ratio_high")) + "]"));
        }
        Map<String, Object> out = Json.object(
                "basin", 3,
                "jumps", res.theory().jumps(),
                "points", pts,
                "slope", res.fit() == null ? null : res.fit().slope(),
                "predicted_slope", res.theory().slope(),
                "theory_note", res.theory().meanNote());
        ctx.report().heading("D2. First exit from a narrow basin")
                .paragraph("Start at the narrow minimum (1.2, 2.6) (r = 1.2, J = 1 at b = 2.15), " + samples + " exits per eta; "
                        + "predicted mean 1/(C* eta lambda(eta)^J) from the d-D rates (one jump: quadrature over directions); "
                        + "ratio with a 2-standard-error interval. Fitted slope " + (res.fit() == null ? "-" : String.format(Locale.ROOT, "%.3f", res.fit().slope()))
                        + " against 1 + J(alpha - 1) = " + res.theory().slope() + ".")
                .table("Exit steps from (1.2, 2.6)", List.of("eta", "mean", "stderr", "predicted", "ratio", "ratio 2-SE interval"), rows);
        return out;
    }

    /** A table row of predicted fractions per basin and their narrow-basin total. */
    private static List<Object> theoryRow(String label, double[] p, double[][] minima) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        double narrow = 0;
        for (int i = 0; i < p.length; i++) {
            row.add(p[i]);
            narrow += isNarrow(minima[i]) ? p[i] : 0;
        }
        row.add(narrow);
        return row;
    }

    static boolean isNarrow(double[] m) {
        return m[0] > 0;
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        return ReproduceTarget.summaryLines("two-d: fraction of time in the narrow basins", results, "settings", s -> String.format(Locale.ROOT, "b=%-5s narrow %.4f", s.get("b"), (double) s.get("narrow_fraction")));
    }
}
