package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.line.ExitTimesLine;
import dev.htsgd.cli.report.Figures;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.run.Progress;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.sim.Region;
import dev.htsgd.study.ExitTimeStudy;
import dev.htsgd.run.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment A (paper notes section 5.A, ICLR Fig. 1 right): first exit times from I_2 = (-1.3, 0.2) of the
 * ICLR test function, started at m_2, with Z = 0.1 U W (W Pareto(1.2)), for b = 0.28 (l* = 3), b = 0.5
 * (l* = 2) and no clipping (l* = 1), over a grid of eta; the log-log slope of the mean exit time against
 * 1/eta is fitted and set beside 1 + l*(alpha - 1) = 1.6 / 1.4 / 1.2 and the theory's mean
 * 1 / (C* eta lambda(eta)^{l*}). Capped paths are counted as censored (never dropped); with censoring the
 * mean is the exponential maximum-likelihood estimate. Points whose predicted mean exceeds the cap (half of it
 * at the smaller scales) are skipped and listed. Each b is one {@link ExitTimeStudy} setting, run with the run's
 * checkpoint; {@code settings[i].command} is the {@code htsgd exit-times} line that computes it alone.
 */
public final class ExitTimesTarget implements ReproduceTarget {

    static final Info INFO = new Info("exit-times", "Experiment A (ICLR Fig. 1): first exit times from the wide basin I_2 of the ICLR test function for "
            + "b = 0.28, 0.5 and no clipping over a grid of eta; fitted log-log slopes against 1.6 / 1.4 / 1.2.",
            java.util.Set.of("--etas", "--samples", "--max-steps", "--engine"));

    static final double ALPHA = 1.2;
    static final double SCALE = 0.1;
    static final int BASIN = 1;
    static final double[] BS = {0.28, 0.5, Double.POSITIVE_INFINITY};
    static final double[] FULL_ETAS = {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 5e-4, 2e-4, 1e-4};

    @Override
    public Info info() {
        return INFO;
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        double[] etas = ctx.etas(FULL_ETAS, new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001}, new double[] {0.1, 0.05});
        int samples = (int) ctx.samples(20L, 12L, 4L);
        long cap = ctx.maxSteps(50_000_000L, 4_000_000L, 100_000L);
        double skipFactor = ctx.scale().pick(1.0, 0.5, 0.5);
        NoiseModel noise = ParetoNoise.of(ALPHA, SCALE);
        ExitTimeStudy.Settings base = ExitTimeStudy.Settings.of(Iclr1d.of(), noise, Double.POSITIVE_INFINITY,
                Clipping.NONE, true, BASIN, null, etas, samples, cap, ctx.engine());
        double m = base.start()[0];
        Region field = base.field();

        // plan: theory first, then which etas to simulate (one study setting per b)
        List<ExitTimeStudy.Settings> settings = new ArrayList<>();
        List<ExitTimeStudy.Theory> theories = new ArrayList<>();
        List<double[]> predicted = new ArrayList<>();
        long units = 0;
        for (double b : BS) {
            ExitTimeStudy.Settings all = new ExitTimeStudy.Settings(base.objective(), noise, b,
                    Double.isInfinite(b) ? Clipping.NONE : Clipping.L2, true, BASIN, base.start(), etas, samples, cap,
                    ctx.engine(), base.basins());
            ExitTimeStudy.Theory th = ExitTimeStudy.theory(all);
            double[] pred = java.util.Arrays.stream(etas).map(e -> th.meanExitSteps(e, noise, BASIN)).toArray();
            double[] run = java.util.stream.IntStream.range(0, etas.length).filter(k -> !(pred[k] > skipFactor * cap))
                    .mapToDouble(k -> etas[k]).toArray();
            settings.add(run.length == 0 ? null : all.withEtas(run));
            theories.add(th);
            predicted.add(pred);
            units += (long) run.length * samples;
        }
        StudyRunner runner;
        List<ExitTimeStudy.Result> results = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Progress p = ctx.progress("exit-times", units)) {
            runner = new StudyRunner(ctx.threads(), ctx.run().checkpoint(), p::advance);
            for (ExitTimeStudy.Settings s : settings) {
                results.add(s == null ? null : runner.run(ExitTimeStudy.of(), s, ctx.seed()));
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;

        List<Map<String, Object>> points = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        List<Map<String, Object>> slopes = new ArrayList<>();
        List<List<?>> slopeRows = new ArrayList<>();
        List<Map<String, Object>> commands = new ArrayList<>();
        List<Plots.Series> series = new ArrayList<>();
        for (int i = 0; i < BS.length; i++) {
            double b = BS[i];
            ExitTimeStudy.Theory th = theories.get(i);
            ExitTimeStudy.Result res = results.get(i);
            int l = th.jumps();
            Map<String, Object> json = res == null ? null : ExitTimesLine.json(settings.get(i), res, ctx.seed());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> measured = json == null ? List.of() : (List<Map<String, Object>>) json.get("points");
            List<double[]> meas = new ArrayList<>();
            for (int k = 0; k < etas.length; k++) {
                double eta = etas[k];
                double pred = predicted.get(i)[k];
                Map<String, Object> jm = Json.object(
                        "b", Double.isInfinite(b) ? "none" : (Object) b,
                        "eta", eta,
                        "jumps", l,
                        "predicted_mean", Json.num(pred));
                int j = res == null ? -1 : java.util.stream.IntStream.range(0, res.points().size())
                        .filter(q -> res.points().get(q).eta() == eta).findFirst().orElse(-1);
                if (j < 0) {
                    jm.put("skipped", "predicted mean " + fmt(pred) + " steps > " + fmt(skipFactor * cap));
                    points.add(jm);
                    rows.add(List.of(bLabel(b), eta, "skipped", "", "", "", pred, ""));
                    continue;
                }
                ExitTimeStudy.Point pt = res.points().get(j);
                ExitTimeExperiment.Result e = pt.exits();
                // the command's point (mean, stderr, samples, censored, exits, ...), without its per-path list
                Map<String, Object> same = new LinkedHashMap<>(measured.get(j));
                same.keySet().removeAll(List.of("eta", "predicted_mean", "exit_locations"));
                jm.putAll(same);
                points.add(jm);
                rows.add(List.of(bLabel(b), eta, e.mean(), e.stderr(), e.exits() + "/" + e.samples(), e.censored(),
                        pred, pt.ratio()));
                if (Double.isFinite(e.mean()) && e.mean() > 0) {
                    meas.add(new double[] {1 / eta, e.mean(), e.stderr()});
                }
                ctx.log(String.format(Locale.ROOT, "exit-times b=%s eta=%g mean=%.4g censored=%d", bLabel(b), eta,
                        e.mean(), e.censored()));
            }
            LogLogFit fit = res == null ? null : res.fit();
            Map<String, Object> s = Json.object(
                    "b", Double.isInfinite(b) ? "none" : (Object) b,
                    "jumps", l,
                    "slope", fit == null ? null : Json.num(fit.slope()),
                    "slope_ci", fit == null || !fit.hasInterval() ? null : List.of(fit.ciLow(), fit.ciHigh()),
                    "slope_note", res == null ? "every eta skipped: no slope" : res.slopeNote(),
                    "predicted_slope", th.slope(),
                    "points_fitted", fit == null ? 0 : fit.points());
            slopes.add(s);
            slopeRows.add(List.of(bLabel(b), l, fit == null ? "n/a" : (Object) fit.slope(),
                    fit == null || !fit.hasInterval() ? "n/a" : "[" + fmt(fit.ciLow()) + ", " + fmt(fit.ciHigh()) + "]",
                    th.slope(), fit == null ? 0 : fit.points()));
            if (res != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("b", Double.isInfinite(b) ? "none" : (Object) b);
                c.put("command", ExitTimesLine.commandLine(settings.get(i), ctx.seed()));
                Map<String, Object> same = new LinkedHashMap<>(json);
                same.remove("command"); // the command's name; here "command" is its whole line
                c.putAll(same);
                commands.add(c);
            }
            series.addAll(Figures.measuredAndTheory(i, "b = " + bLabel(b) + " (l* = " + l + ")", meas,
                    x -> th.meanExitSteps(1 / x, noise, BASIN)));
        }
        List<String> header = List.of("b", "eta", "mean exit steps", "stderr", "exits/samples", "censored",
                "theory mean 1/(C* eta lambda^l*)", "measured/theory");
        ctx.run().writeCsv("exit-times.csv", header, rows);
        Plot plot = ctx.plot("exit-times", Plots.Axes.logLog("Mean first exit time from I_2 (ICLR Fig. 1)", "1/eta",
                "mean exit steps"), series);

        HtmlReport report = ctx.report().section("A. First exit times (ICLR Fig. 1)",
                        "the mean number of steps before SGD started at m_2 leaves its basin I_2, against 1/eta on "
                        + "log-log axes, for b = 0.28, b = 0.5 and no clipping: measured means with standard-error bars, "
                        + "and the theory's mean as a line of the same colour over the measured range.",
                        "exit times of order 1/(eta lambda(eta)^l*) with l* = ceil(r/b) the number of clipped jumps needed "
                        + "to leave (3, 2 and 1 here), so straight lines of slope 1 + l*(alpha - 1) = 1.6, 1.4 and 1.2: "
                        + "a smaller b makes the basin wider in jumps and its exit time grow faster as eta shrinks.")
                .paragraph("ICLR test function on [-1.6, 1.6], basin I_2 = " + field.describe() + " left from m_2 = "
                        + fmt(m) + "; noise " + noise.describe() + "; " + samples + " samples a point, cap " + fmt(cap)
                        + " steps (capped paths are censored; the mean is then the exponential MLE). Theory: mean "
                        + "1/(C* eta lambda(eta)^l*) steps with C* = C_l*(I^c; m_2) from the theory module; slope "
                        + "1 + l*(alpha - 1). Points predicted above " + fmt(skipFactor * cap) + " steps are skipped. "
                        + "Slopes are the weighted log-log fit of htsgd exit-times (weights 1/(stderr/mean)^2) over "
                        + "the points with a finite mean; the interval is normal at 95%.")
                .table("Fitted slopes of log(mean exit steps) against log(1/eta); paper: 1.6 (b = 0.28), 1.4 (b = 0.5), 1.2 (none)",
                        List.of("b", "l*", "fitted slope", "95% CI", "theory 1 + l*(alpha-1)", "points"), slopeRows);
        for (Map<String, Object> c : commands) {
            report.command("b = " + c.get("b") + " alone", (String) c.get("command"));
        }
        report.plot(plot, "Mean exit steps with standard-error bars (markers) and the theory's mean 1/(C* eta lambda(eta)^l*) "
                + "(line of the same colour, drawn over the measured range of eta), log-log; a steeper line is a wider "
                + "basin in jump units.")
                .table("All points", header, rows)
                .simulationTime(seconds);

        return Json.object(
                "points", points,
                "slopes", slopes,
                "settings", commands,
                "minimum", m,
                "field", List.of(field.lo(), field.hi()),
                "seconds", seconds);
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        return ReproduceTarget.summaryLines("exit-times: fitted slope vs theory 1 + l*(alpha-1)", results, "slopes", s -> String.format(Locale.ROOT, "b=%-5s l*=%s slope %s (theory %.1f) over %s points", s.get("b"),
                    s.get("jumps"), s.get("slope") == null ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) s.get("slope")),
                    (double) s.get("predicted_slope"), s.get("points_fitted")));
    }

    static String bLabel(double b) {
        return Double.isInfinite(b) ? "none" : Double.toString(b);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }


    static double[] col(List<double[]> pts, int k) {
        return pts.stream().mapToDouble(a -> a[k]).toArray();
    }
}
