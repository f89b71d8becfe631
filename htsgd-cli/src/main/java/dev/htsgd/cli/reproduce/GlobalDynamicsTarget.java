package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.report.BasinNames;

import dev.htsgd.cli.line.SimulateLine;
import dev.htsgd.cli.report.Figures;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.run.Progress;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.theory.Basins;
import dev.htsgd.study.OccupationStudy;
import dev.htsgd.run.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment B (paper notes section 5.B, ICLR Fig. 2-3): long runs of the recursion on the ICLR test function
 * from X_0 = 0.3 with eta = 0.001 under four settings (heavy-tailed Pareto(1.2) noise with and without b = 0.5,
 * Gaussian noise with and without b = 0.5): histograms of visited locations, trajectories and the fraction of
 * time per basin, set beside the stationary law of the limiting jump process (which lives on the widest minima
 * V*_b when clipped, on all minima when not).
 */
public final class GlobalDynamicsTarget implements ReproduceTarget {

    static final Info INFO = new Info("global-dynamics", "Experiment B (ICLR Fig. 2-3): time per basin of the ICLR test function under heavy-tailed and "
            + "Gaussian noise, with and without b = 0.5, beside the limiting jump process.",
            java.util.Set.of("--steps", "--paths", "--engine"));

    static final double ETA = 0.001;
    static final double X0 = 0.3;
    static final double B = 0.5;
    /** Sharp (narrow) minima of the ICLR function: m_1 and m_3 (0-based 0 and 2). */
    static final int[] SHARP = {0, 2};

    /**
     * One row: heavy-tailed Pareto(1.2) noise of scale 0.1 or Gaussian noise N(0, 1) (family and scale in the
     * library's words), and b.
     */
    record Setting(String label, String family, double scale, double b) {
        boolean heavy() {
            return !family.equals("gaussian");
        }

        OccupationStudy.Settings settings(long steps, int paths, long thin, Engine engine) {
            return OccupationStudy.Settings.of("iclr1d", null, family, 1.2, scale, 1.0, 0.5, b, Clipping.L2, true, ETA,
                    new double[] {X0}, 0, steps, paths, null, thin, engine);
        }
    }

    @Override
    public Info info() {
        return INFO;
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        long steps = ctx.steps(10_000_000L, 10_000_000L, 20_000L);
        int paths = ctx.paths(10, 4, 2);
        long thin = Math.max(1, steps / 2000);
        List<Setting> settings = List.of(
                new Setting("heavy-tailed, unclipped", "pareto", 0.1, Double.POSITIVE_INFINITY),
                new Setting("heavy-tailed, b = 0.5", "pareto", 0.1, B),
                new Setting("Gaussian, unclipped", "gaussian", 1.0, Double.POSITIVE_INFINITY),
                new Setting("Gaussian, b = 0.5", "gaussian", 1.0, B));

        List<Map<String, Object>> out = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<String> histNames = new ArrayList<>();
        List<double[]> histData = new ArrayList<>();
        List<double[]> trajTimes = new ArrayList<>();
        List<double[]> trajPaths = new ArrayList<>();
        double[] minima = null;
        double[] maxima = null;
        NoiseModel heavy = null;
        NoiseModel gauss = null;
        long t0 = System.nanoTime();
        try (Progress p = ctx.progress("global-dynamics", (long) paths * settings.size())) {
            for (Setting s : settings) {
                OccupationStudy.Settings st = s.settings(steps, paths, thin, ctx.engine());
                OccupationStudy.Result t = ctx.run(OccupationStudy.INSTANCE, st, p);
                OccupationStudy.Model model = OccupationStudy.model(st);
                minima = ((Basins) model.basins()).minima();
                maxima = ((Basins) model.basins()).maxima();
                if (s.heavy()) {
                    heavy = model.noise();
                } else {
                    gauss = model.noise();
                }
                int n = minima.length;
                double[] frac = t.fractions();
                double sharp = 0;
                for (int i : SHARP) {
                    sharp += frac[i];
                }
                double[] theory = t.prediction().stationary();
                double[] horizon = t.prediction().finiteHorizon();
                String command = SimulateLine.commandLine(st, ctx.seed());
                commands.add(command);
                Map<String, Object> m = Json.object(
                        "setting", s.label(),
                        "noise", model.noise().describe(),
                        "b", Double.isInfinite(s.b()) ? "none" : (Object) s.b(),
                        "fractions", frac,
                        "near_minimum_fractions", t.nearMinimumFractions(),
                        "sharp_fraction", sharp,
                        "transitions", t.transitions(),
                        "transition_count", t.transitionCount(),
                        "diverged_paths", t.divergedPaths());
                if (theory != null) {
                    m.put("limiting_stationary", theory);
                }
                if (horizon != null) {
                    m.put("limiting_over_horizon", horizon);
                }
                m.put("command", command);
                SimulateLine.numbers(t).forEach(m::putIfAbsent);
                out.add(m);
                List<Object> row = new ArrayList<>();
                row.add(s.label());
                for (int i = 0; i < n; i++) {
                    row.add(frac[i]);
                }
                row.add(sharp);
                row.add(t.transitionCount());
                row.add(theory == null ? "no heavy-tailed limit (stays near its start)" : fmtVec(theory));
                row.add(horizon == null ? "" : fmtVec(horizon));
                rows.add(row);

                double[] all = t.paths().stream().flatMapToDouble(ps -> java.util.Arrays.stream(ps.trajectory())).toArray();
                histNames.add(s.label());
                histData.add(all);
                double[] traj = t.paths().get(0).trajectory();
                double[] xs = new double[traj.length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = (i + 1.0) * thin;
                }
                trajTimes.add(xs);
                trajPaths.add(traj);
                ctx.log(String.format(Locale.ROOT, "global-dynamics %s: fractions %s", s.label(), fmtVec(frac)));
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        int n = minima.length;
        List<String> header = new ArrayList<>();
        header.add("setting");
        for (int i = 0; i < n; i++) {
            header.add(String.format(Locale.ROOT, "time in %s, %s = %.2f%s", BasinNames.field(i), BasinNames.minimum(i),
                    minima[i], i == 0 || i == 2 ? ", sharp" : ", flat"));
        }
        header.add("time in sharp basins");
        header.add("transitions");
        header.add("limiting chain: stationary law on minima");
        header.add("limiting chain: mean occupation over the run's horizon from X_0");
        ctx.run().writeCsv("global-dynamics.csv", header, rows);

        Plots.Axes histAxes = Plots.Axes.linear("Visited locations, heavy-tailed noise (all paths, thinned)", "x",
                "density").withXRange(-Iclr1d.L, Iclr1d.L);
        Plot hist = Figures.densityHistogram(ctx.run().plotsDir(), "global-dynamics-histogram",
                histAxes, histNames.subList(0, 2), histData.subList(0, 2), new int[] {0, 1}, 160, -Iclr1d.L, Iclr1d.L,
                minima, maxima);
        Plot histGauss = Figures.densityHistogram(ctx.run().plotsDir(), "global-dynamics-histogram-gaussian",
                Plots.Axes.linear("Visited locations, Gaussian noise (all paths, thinned)", "x", "density")
                        .withXRange(-Iclr1d.L, Iclr1d.L),
                histNames.subList(2, 4), histData.subList(2, 4), new int[] {2, 3}, 160, -Iclr1d.L, Iclr1d.L,
                minima, maxima);
        Plot traj = Figures.trajectories(ctx.run().plotsDir(), "global-dynamics-trajectories",
                Plots.Axes.linear("One trajectory per setting (path 0, thinned)", "step", "x")
                        .withYRange(-Iclr1d.L, Iclr1d.L), histNames, trajTimes, trajPaths, maxima);
        List<String> basinNames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            basinNames.add(BasinNames.field(i)); // sharp or flat: in the caption, the tick labels stay short
        }
        Plot fr = Figures.basinFractions(ctx.run().plotsDir(), "global-dynamics-fractions",
                Plots.Axes.linear("Fraction of time per attraction field", "attraction field", "fraction of time"), basinNames, histNames,
                out.stream().map(m -> (double[]) m.get("fractions")).toList(),
                out.stream().map(m -> (double[]) m.get("limiting_stationary")).toList(),
                out.stream().map(m -> (double[]) m.get("limiting_over_horizon")).toList());

        HtmlReport report = ctx.report().section("B. Global dynamics (ICLR Fig. 2-3)",
                        "where long runs of SGD on the ICLR function spend their time under heavy-tailed and Gaussian "
                        + "noise, with and without clipping at b = 0.5: the fraction of time per attraction field beside the "
                        + "limiting jump process, the density of visited locations (log scale) and one trajectory each.",
                        "clipped heavy-tailed SGD behaves like a Markov chain on the widest minima V*_b (here the flat m2 and "
                        + "m4) and almost never sits in the sharp m1 and m3; unclipped it visits all four minima; with "
                        + "Gaussian noise it stays in the basin it starts in on these time scales.")
                .paragraph("ICLR test function on [-1.6, 1.6], eta = " + ETA + ", X_0 = " + X0 + ", " + paths + " paths x "
                        + steps + " steps per setting; heavy-tailed noise " + heavy.describe() + ", Gaussian noise "
                        + gauss.describe() + ". Expected: unclipped heavy tails visit all four minima; clipped heavy tails "
                        + "almost never sit in the sharp m1, m3; Gaussian noise stays in its starting basin (I_3 here).")
                .table("Fraction of time per attraction field", header, rows)
                .paragraph("Each row alone (same numbers, bit for bit):");
        commands.forEach(report::command);
        report.paragraph("The stationary law is the long-run limit; the last column is what the limiting chain predicts "
                        + "for runs of this length started from X_0 (time T = steps x lambda*_b(eta) in the chain's units), "
                        + "the fairer comparison when the chain moves only a few times per run.")
                .plot(fr, "Fraction of time in each attraction field (bars, one colour per setting) beside the limiting "
                        + "jump process: its stationary law (filled diamonds) and its mean occupation over the run's "
                        + "horizon from X_0 (open circles); the Gaussian settings have no heavy-tailed limit. I_1 and I_3 "
                        + "are the sharp (narrow) fields, I_2 and I_4 the flat (wide) ones.")
                .plot(hist, "Density of visited locations under heavy-tailed noise, log scale, with the minima (solid, "
                        + "m1..m4) and the basin boundaries (dashed): unclipped it visits all four minima, clipped it "
                        + "stays around the flat m2 and m4.")
                .plot(histGauss, "The same under Gaussian noise: it stays in the basin it starts in.")
                .plot(traj, "One trajectory per setting (path 0, thinned) over the basin boundaries (dashed): the "
                        + "heavy-tailed paths jump between fields, the clipped one only between the flat ones.")
                .simulationTime(seconds);

        return Json.object(
                "minima", minima,
                "settings", out,
                "steps", steps,
                "paths", paths,
                "seconds", seconds);
    }

    static String fmtVec(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        return ReproduceTarget.summaryLines("global-dynamics: fraction of time per basin (m1..m4) and in the sharp basins m1+m3", results, "settings", s -> String.format(Locale.ROOT, "%-24s %s sharp %.4f", s.get("setting"), fmtVec((double[]) s.get("fractions")),
                    (double) s.get("sharp_fraction")));
    }
}
