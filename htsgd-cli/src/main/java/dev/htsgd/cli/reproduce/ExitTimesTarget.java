package dev.htsgd.cli.reproduce;

import dev.htsgd.run.Checkpoint;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.Region;
import dev.htsgd.sim.Replications;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.LandscapeAnalysis;
import dev.htsgd.theory.TimeScales;
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
 * at the smaller scales) are skipped and listed.
 */
public final class ExitTimesTarget implements ReproduceTarget {

    static final double ALPHA = 1.2;
    static final double SCALE = 0.1;
    static final int BASIN = 1;
    static final double[] BS = {0.28, 0.5, Double.POSITIVE_INFINITY};
    static final double[] FULL_ETAS = {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 5e-4, 2e-4, 1e-4};

    @Override
    public String name() {
        return "exit-times";
    }

    @Override
    public String description() {
        return "Experiment A (ICLR Fig. 1): first exit times from the wide basin I_2 of the ICLR test function for "
                + "b = 0.28, 0.5 and no clipping over a grid of eta; fitted log-log slopes against 1.6 / 1.4 / 1.2.";
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("--etas", "--samples", "--max-steps");
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        ReproduceOptions o = ctx.settings();
        Scale sc = ctx.scale();
        double[] etas = o.etaValues() != null ? o.etaValues()
                : sc.pick(FULL_ETAS, new double[] {0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001}, new double[] {0.1, 0.05});
        int samples = (int) (long) (o.samples != null ? o.samples : sc.pick(20L, 12L, 4L));
        long cap = o.maxSteps != null ? o.maxSteps : sc.pick(50_000_000L, 4_000_000L, 100_000L);
        double skipFactor = sc.pick(1.0, 0.5, 0.5);
        NoiseModel noise = ParetoNoise.of(ALPHA, SCALE);
        Iclr1d f = Iclr1d.of();
        Basins basins = Basins.of(f);
        double m = basins.minimum(BASIN);
        Region field = Region.field(basins.field(BASIN));

        // plan: theory first, then which points to simulate
        record Point(double b, int l, double eta, double predicted, boolean run) {
        }
        List<Point> plan = new ArrayList<>();
        Map<Double, LandscapeAnalysis> analyses = new LinkedHashMap<>();
        for (double b : BS) {
            LandscapeAnalysis an = LandscapeAnalysis.of(basins, noise, b);
            analyses.put(b, an);
            int l = an.graph().jumpNumber(BASIN);
            for (double eta : etas) {
                double pred = an.predict(noise, eta).basins().get(BASIN).meanExitSteps();
                plan.add(new Point(b, l, eta, pred, !(pred > skipFactor * cap)));
            }
        }
        long units = plan.stream().filter(Point::run).count() * samples;
        Checkpoint cp = ctx.run().checkpoint();
        List<Map<String, Object>> points = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        Map<Double, List<double[]>> fitPts = new LinkedHashMap<>();
        Map<Double, List<double[]>> plotMeas = new LinkedHashMap<>();
        Map<Double, List<double[]>> plotPred = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        try (Progress p = ctx.progress("exit-times", units)) {
            int setting = 0;
            for (Point pt : plan) {
                plotPred.computeIfAbsent(pt.b(), k -> new ArrayList<>()).add(new double[] {1 / pt.eta(), pt.predicted()});
                Map<String, Object> jm = new LinkedHashMap<>();
                jm.put("b", Double.isInfinite(pt.b()) ? "none" : (Object) pt.b());
                jm.put("eta", pt.eta());
                jm.put("jumps", pt.l());
                jm.put("predicted_mean", finite(pt.predicted()));
                setting++;
                if (!pt.run()) {
                    jm.put("skipped", "predicted mean " + fmt(pt.predicted()) + " steps > " + fmt(skipFactor * cap));
                    points.add(jm);
                    rows.add(List.of(bLabel(pt.b()), pt.eta(), "skipped", "", "", "", pt.predicted(), ""));
                    continue;
                }
                ClippedSgd sgd = ClippedSgd.builder().objective(f).noise(noise).eta(pt.eta()).clip(pt.b()).x0(m).build();
                long firstIndex = 1_000_000L * setting;
                ExitTimeExperiment exp = ExitTimeExperiment.builder().sgd(sgd).field(field).maxSteps(cap)
                        .samples(samples).seed(ctx.seed()).firstIndex(firstIndex).build();
                String key = "exit-times/b=" + pt.b() + "/eta=" + pt.eta() + "/cap=" + cap + "/rep=";
                List<ExitTimeExperiment.Replication> reps = Replications.run(samples, ctx.threads(), i -> {
                    double[] c = cp.get(key + i, double[].class);
                    ExitTimeExperiment.Replication r;
                    if (c != null) {
                        r = new ExitTimeExperiment.Replication(i, (long) c[0], c[1] != 0, c[1] != 0 ? null : new double[] {c[2]}, null);
                    } else {
                        r = exp.runReplication(i);
                        if (r.divergence() == null) {
                            cp.put(key + i, new double[] {r.steps(), r.censored() ? 1 : 0,
                                r.exitLocation() == null ? 0 : r.exitLocation()[0]});
                        }
                    }
                    p.step();
                    return r;
                });
                ExitTimeExperiment.Result res = ExitTimeExperiment.Result.of(reps, cap);
                jm.put("mean", finite(res.mean()));
                jm.put("stderr", finite(res.stderr()));
                jm.put("samples", res.samples());
                jm.put("exits", res.exits());
                jm.put("censored", res.censored());
                jm.put("diverged", res.diverged());
                jm.put("mean_method", res.meanMethod());
                jm.put("mean_lower_bound", finite(res.meanLowerBound()));
                points.add(jm);
                rows.add(List.of(bLabel(pt.b()), pt.eta(), res.mean(), res.stderr(), res.exits() + "/" + res.samples(),
                        res.censored(), pt.predicted(), res.mean() / pt.predicted()));
                if (Double.isFinite(res.mean()) && res.exits() * 2 >= res.samples()) {
                    fitPts.computeIfAbsent(pt.b(), k -> new ArrayList<>()).add(new double[] {Math.log(1 / pt.eta()), Math.log(res.mean())});
                    plotMeas.computeIfAbsent(pt.b(), k -> new ArrayList<>()).add(new double[] {1 / pt.eta(), res.mean()});
                }
                ctx.log(String.format(Locale.ROOT, "exit-times b=%s eta=%g mean=%.4g censored=%d", bLabel(pt.b()), pt.eta(),
                        res.mean(), res.censored()));
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        List<String> header = List.of("b", "eta", "mean exit steps", "stderr", "exits/samples", "censored",
                "theory mean 1/(C* eta lambda^l*)", "measured/theory");
        ctx.run().writeCsv("exit-times.csv", header, rows);

        List<Map<String, Object>> slopes = new ArrayList<>();
        List<List<?>> slopeRows = new ArrayList<>();
        for (double b : BS) {
            int l = analyses.get(b).graph().jumpNumber(BASIN);
            double predicted = TimeScales.slope(ALPHA, l);
            double[] fit = Fits.fit(fitPts.getOrDefault(b, List.of()));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("b", Double.isInfinite(b) ? "none" : (Object) b);
            s.put("jumps", l);
            s.put("slope", finite(fit[0]));
            s.put("slope_ci", Double.isFinite(fit[2]) ? List.of(fit[0] - fit[2], fit[0] + fit[2]) : null);
            s.put("slope_note", Fits.note(fitPts.getOrDefault(b, List.of())));
            s.put("predicted_slope", predicted);
            s.put("points_fitted", fitPts.getOrDefault(b, List.of()).size());
            slopes.add(s);
            slopeRows.add(List.of(bLabel(b), l, fit[0], Double.isFinite(fit[2]) ? "+- " + fmt(fit[2]) : "n/a",
                    predicted, fitPts.getOrDefault(b, List.of()).size()));
        }

        List<Plots.Series> series = new ArrayList<>();
        for (double b : BS) {
            List<double[]> meas = plotMeas.getOrDefault(b, List.of());
            series.add(new Plots.Series("measured, b = " + bLabel(b), col(meas, 0), col(meas, 1), Plots.Style.MARKERS));
            List<double[]> pred = plotPred.getOrDefault(b, List.of());
            series.add(Plots.Series.line("theory, b = " + bLabel(b), col(pred, 0), col(pred, 1)));
        }
        Plot plot = ctx.plot("exit-times", Plots.Axes.logLog("Mean first exit time from I_2 (ICLR Fig. 1)", "1/eta",
                "mean exit steps"), series);

        ctx.report().heading("A. First exit times (ICLR Fig. 1)")
                .paragraph("ICLR test function on [-1.6, 1.6], basin I_2 = (" + fmt(basins.field(BASIN).left()) + ", "
                        + fmt(basins.field(BASIN).right()) + ") left from m_2 = "
                        + fmt(m) + "; noise " + noise.describe() + "; " + samples + " samples a point, cap " + fmt(cap)
                        + " steps (capped paths are censored; the mean is then the exponential MLE). Theory: mean "
                        + "1/(C* eta lambda(eta)^l*) steps with C* = C_l*(I^c; m_2) from the theory module; slope "
                        + "1 + l*(alpha - 1). Points predicted above " + fmt(skipFactor * cap) + " steps are skipped. "
                        + "Slopes are fitted over points with at least half the paths exiting.")
                .table("Fitted slopes of log(mean exit steps) against log(1/eta); paper: 1.6 (b = 0.28), 1.4 (b = 0.5), 1.2 (none)",
                        List.of("b", "l*", "fitted slope", "95% CI", "theory 1 + l*(alpha-1)", "points"), slopeRows)
                .plot(plot, "Mean exit steps (markers) and the theory's prediction (lines), log-log.")
                .table("All points", header, rows)
                .paragraph(String.format(Locale.ROOT, "Simulation time %.1f s.", seconds));

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("points", points);
        r.put("slopes", slopes);
        r.put("minimum", m);
        r.put("field", List.of(basins.field(BASIN).left(), basins.field(BASIN).right()));
        r.put("seconds", seconds);
        return r;
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        List<String> lines = new ArrayList<>();
        lines.add("exit-times: fitted slope vs theory 1 + l*(alpha-1)");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> slopes = (List<Map<String, Object>>) results.get("slopes");
        for (Map<String, Object> s : slopes) {
            lines.add(String.format(Locale.ROOT, "  b=%-5s l*=%s slope %s (theory %.1f) over %s points", s.get("b"),
                    s.get("jumps"), s.get("slope") == null ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) s.get("slope")),
                    (double) s.get("predicted_slope"), s.get("points_fitted")));
        }
        return lines;
    }

    static String bLabel(double b) {
        return Double.isInfinite(b) ? "none" : Double.toString(b);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    static double[] col(List<double[]> pts, int k) {
        return pts.stream().mapToDouble(a -> a[k]).toArray();
    }
}
