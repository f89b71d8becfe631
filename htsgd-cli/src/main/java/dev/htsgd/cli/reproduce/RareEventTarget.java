package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.line.RareEventLine;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.study.RareEventStudy;
import dev.htsgd.run.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment C (paper notes section 5.C, LD Table 2.1): P(X reaches &lt;= 0 within floor(1/eta) steps) from
 * X_0 = 2.5 on U(x) = x^4/10 - x^2 with Z = 0.2 W + 5 N(0, 1), W signed Lomax(1.5), unclipped (one jump
 * needed, P ~ eta^{alpha-1} = eta^0.5) and b = 1.5 (two jumps, P ~ eta^{2(alpha-1)} = eta), estimated by
 * large-jump importance sampling with 95% confidence intervals beside the published values. Every (b, eta) is one
 * {@link RareEventStudy} setting ({@link RareEventStudy.Settings#ldTable21}), and one {@code htsgd rare-event} line.
 */
public final class RareEventTarget implements ReproduceTarget {

    static final Info INFO = new Info("rare-event", "Experiment C (LD Table 2.1): probability that the SGD on U(x) = x^4/10 - x^2 started at 2.5 reaches 0 "
            + "within floor(1/eta) steps, unclipped vs b = 1.5, by large-jump importance sampling with 95% intervals.",
            java.util.Set.of("--etas", "--samples", "--engine"));

    /** The learning rates of LD Table 2.1 (1/200 ... 1/1000; read from the published values' eta^0.5 trend). */
    public static final double[] PAPER_ETAS = {1.0 / 200, 1.0 / 400, 1.0 / 600, 1.0 / 800, 1.0 / 1000};
    /** Published estimates, unclipped. */
    public static final double[] PUBLISHED_UNCLIPPED = {1.1e-3, 6.74e-4, 5.78e-4, 4.73e-4, 4.25e-4};
    /** Published estimates, b = 1.5. */
    public static final double[] PUBLISHED_CLIPPED = {5.25e-6, 1.67e-6, 1.15e-6, 9.53e-7, 6.61e-7};
    public static final double B = 1.5;
    public static final double X0 = 2.5;
    public static final double LEVEL = 0;

    @Override
    public Info info() {
        return INFO;
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        double[] etas = ctx.etas(PAPER_ETAS, PAPER_ETAS, new double[] {1.0 / 50, 1.0 / 100});
        long samples = ctx.samples(200_000L, 20_000L, 2_000L);
        double[] bs = {Double.POSITIVE_INFINITY, B};
        RareEventStudy study = new RareEventStudy();
        List<RareEventStudy.Settings> settings = new ArrayList<>();
        for (double b : bs) {
            for (double eta : etas) {
                settings.add(RareEventStudy.Settings.ldTable21(b, eta, samples, ctx.engine()));
            }
        }
        JumpNoise noise = settings.get(0).noise();
        List<RareEventStudy.Result> est = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Progress p = ctx.progress("rare-event", settings.stream().mapToLong(study::tasks).sum())) {
            StudyRunner runner = new StudyRunner(ctx.threads(), ctx.run().checkpoint(), p::advance);
            for (RareEventStudy.Settings s : settings) {
                est.add(runner.run(study, s, ctx.seed()));
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;

        List<Map<String, Object>> points = new ArrayList<>();
        List<Map<String, Object>> commands = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        for (RareEventStudy.Result r : est) {
            RareEventEstimate e = r.estimate();
            Double published = published(e.b(), e.eta());
            Map<String, Object> m = r.point();
            if (published != null) {
                m.put("published", published);
            }
            points.add(m);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("command", RareEventLine.of(r.settings(), ctx.seed()));
            one.put("points", List.of(r.point()));
            commands.add(one);
            rows.add(List.of(Double.isInfinite(e.b()) ? "none" : Double.toString(e.b()), "1/" + Math.round(1 / e.eta()),
                    e.estimate(), e.ciLow(), e.ciHigh(), e.relativeError(), e.hits(), e.samples(),
                    published == null ? "" : published, published == null ? "" : e.estimate() / published));
        }
        List<String> header = List.of("b", "eta", "estimate", "ci_low", "ci_high", "rel_error", "hits_under_proposal",
                "samples", "published", "ratio_to_published");
        ctx.run().writeCsv("rare-event.csv", header, rows);

        Decay unclipped = Decay.of(est, Double.POSITIVE_INFINITY);
        Decay clipped = Decay.of(est, B);
        List<Plots.Series> series = new ArrayList<>();
        double[] px = new double[PAPER_ETAS.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = 1 / PAPER_ETAS[i];
        }
        for (int k = 0; k < bs.length; k++) {
            double b = bs[k];
            String lab = Double.isInfinite(b) ? "unclipped" : "b = " + b;
            List<RareEventEstimate> sel = est.stream().map(RareEventStudy.Result::estimate).filter(e -> e.b() == b).toList();
            double[] x = sel.stream().mapToDouble(e -> 1 / e.eta()).toArray();
            // one colour per b: the estimates with their 95% intervals, and the published values as open markers
            series.add(new Plots.Series(lab + ": importance-sampling estimate, 95% interval", x,
                    sel.stream().mapToDouble(RareEventEstimate::estimate).toArray(), Plots.Style.LINE_MARKERS).colour(k)
                    .errors(sel.stream().mapToDouble(RareEventEstimate::ciLow).toArray(),
                            sel.stream().mapToDouble(RareEventEstimate::ciHigh).toArray()));
            series.add(new Plots.Series(lab + ": published (LD Table 2.1)", px,
                    Double.isInfinite(b) ? PUBLISHED_UNCLIPPED : PUBLISHED_CLIPPED, Plots.Style.OPEN_MARKERS).colour(k).shape(3));
        }
        Plot plot = ctx.plot("rare-event", Plots.Axes.logLog("LD Table 2.1: P(reach 0 within 1/eta steps)", "1/eta",
                "probability"), series);

        HtmlReport report = ctx.report().section("C. Rare event (LD Table 2.1)",
                        "the probability that SGD on U(x) = x^4/10 - x^2 started at 2.5 reaches 0 within floor(1/eta) "
                        + "steps, against 1/eta on log-log axes, estimated by importance sampling with 95% intervals, "
                        + "beside the published values, unclipped and with b = 1.5.",
                        "a rare event needs l* large jumps, so P decays like eta^(l*(alpha - 1)): eta^0.5 unclipped (one "
                        + "jump), eta^1 with b = 1.5 (two jumps), which puts the clipped curve orders of magnitude lower.")
                .paragraph("U(x) = x^4/10 - x^2, X_0 = 2.5, event: X_j <= 0 for some j <= floor(1/eta); noise "
                        + noise.describe() + ". Without clipping one large jump suffices (P ~ eta^(alpha-1) = eta^0.5); "
                        + "with b = 1.5 two are needed (P ~ eta^(2(alpha-1)) = eta). Estimator: large-jump importance "
                        + "sampling (a defensive mixture proposing heavier-tailed jumps, l*+2 per path on average), "
                        + samples + " paths per point; intervals are normal 95% intervals of the i.i.d. weights. "
                        + "The learning rates of the published table are read as 1/200, 1/400, 1/600, 1/800, 1/1000.")
                .table("Estimates beside LD Table 2.1", header, rows);
        for (Map<String, Object> c : commands) {
            report.command((String) c.get("command"));
        }
        report.table("Decay in eta: weighted log-log fit of log P against log eta (sim.LogLogFit, 95% interval)",
                        List.of("b", "fitted slope", "ci_low", "ci_high", "theory l*(alpha-1)"),
                        List.of(unclipped.row("none"), clipped.row("1.5")))
                .plot(plot, "P(reach 0 within floor(1/eta) steps) against 1/eta, log-log: the importance-sampling estimates "
                        + "with their 95% intervals (filled, joined) and the published values of LD Table 2.1 (open "
                        + "diamonds), one colour per b. Theory: slope -(alpha - 1) = -0.5 unclipped (one jump), "
                        + "-2(alpha - 1) = -1 with b = 1.5 (two jumps).")
                .paragraph(String.format(Locale.ROOT, "Time for the %d estimates: %.1f s.", est.size(), seconds));

        return Json.object(
                "points", points,
                "slope_unclipped", Json.num(unclipped.slope()),
                "slope_clipped", Json.num(clipped.slope()),
                "slope_unclipped_ci", unclipped.ci(),
                "slope_clipped_ci", clipped.ci(),
                "predicted_slopes", Json.object("unclipped", unclipped.predicted(), "clipped", clipped.predicted()),
                "samples", samples,
                "seconds", seconds,
                "settings", commands);
    }

    /**
     * The decay of P in eta at one b: the slope of log P against log eta by {@link LogLogFit} (which fits against
     * log(1/eta), hence the sign), and the large-jump prediction l* (alpha - 1) of the study.
     */
    record Decay(LogLogFit fit, double predicted) {

        static Decay of(List<RareEventStudy.Result> est, double b) {
            List<RareEventStudy.Result> sel = est.stream().filter(r -> r.settings().b() == b).toList();
            double[] etas = sel.stream().mapToDouble(r -> r.estimate().eta()).toArray();
            double[] p = sel.stream().mapToDouble(r -> r.estimate().estimate()).toArray();
            double[] se = sel.stream().mapToDouble(r -> r.estimate().stderr()).toArray();
            return new Decay(LogLogFit.of(etas, p, se, 0.95), sel.isEmpty() ? Double.NaN : sel.get(0).predictedExponent());
        }

        double slope() {
            return fit == null ? Double.NaN : -fit.slope();
        }

        List<Object> ci() {
            return fit == null || !fit.hasInterval() ? null : List.of(-fit.ciHigh(), -fit.ciLow());
        }

        List<Object> row(String b) {
            List<Object> ci = ci();
            return java.util.Arrays.asList(b, Json.num(slope()), ci == null ? null : ci.get(0), ci == null ? null : ci.get(1),
                    predicted);
        }
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        return ReproduceTarget.summaryLines("rare-event (LD Table 2.1): b, eta, estimate [95% CI], published", results, "points", p -> String.format(Locale.ROOT, "b=%-4s eta=1/%-5d %.3e [%.3e, %.3e]  published %s",
                    p.get("b"), Math.round(1 / (double) p.get("eta")), p.get("estimate"), p.get("ci_low"), p.get("ci_high"),
                    p.containsKey("published") ? String.format(Locale.ROOT, "%.3g", (double) p.get("published")) : "-"));
    }

    static Double published(double b, double eta) {
        for (int i = 0; i < PAPER_ETAS.length; i++) {
            if (Math.abs(PAPER_ETAS[i] - eta) < 1e-12) {
                return Double.isInfinite(b) ? PUBLISHED_UNCLIPPED[i] : b == B ? PUBLISHED_CLIPPED[i] : null;
            }
        }
        return null;
    }

}
