package dev.htsgd.cli.reproduce;

import dev.htsgd.run.Checkpoint;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.landscape.LdQuartic;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.sim.rare.ImportanceSampling;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.sim.rare.RareEventExperiment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment C (paper notes section 5.C, LD Table 2.1): P(X reaches &lt;= 0 within floor(1/eta) steps) from
 * X_0 = 2.5 on U(x) = x^4/10 - x^2 with Z = 0.2 W + 5 N(0, 1), W signed Lomax(1.5), unclipped (one jump
 * needed, P ~ eta^{alpha-1} = eta^0.5) and b = 1.5 (two jumps, P ~ eta^{2(alpha-1)} = eta), estimated by
 * large-jump importance sampling with 95% confidence intervals beside the published values.
 */
public final class RareEventTarget implements ReproduceTarget {

    /** The study's name in its keyed streams ({@link dev.htsgd.sim.Streams#key}), shared with the Spark task. */
    public static final String STUDY = "rare-event";

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
    public String name() {
        return "rare-event";
    }

    @Override
    public String description() {
        return "Experiment C (LD Table 2.1): probability that the SGD on U(x) = x^4/10 - x^2 started at 2.5 reaches 0 "
                + "within floor(1/eta) steps, unclipped vs b = 1.5, by large-jump importance sampling with 95% intervals.";
    }

    /** Estimates for every (b, eta), checkpointed per block of paths. */
    public static List<RareEventEstimate> estimate(Objective1D f, JumpNoise noise, double[] bs, double[] etas, double x0,
            double level, Long horizon, long samples, boolean importance, long seed, int threads, Checkpoint cp,
            Progress progress, String keyPrefix) {
        List<RareEventEstimate> out = new ArrayList<>();
        int setting = 0;
        for (double b : bs) {
            for (double eta : etas) {
                long n = horizon != null ? horizon : RareEventExperiment.horizonOf(eta);
                RareEventExperiment e = RareEventExperiment.of(f, noise, eta, b, x0, level, n);
                ImportanceSampling is = importance ? e.defaultSampler() : null;
                String key = keyPrefix + "/b=" + b + "/eta=" + eta + "/" + (importance ? "is" : "mc") + "/block=";
                RareEventExperiment.BlockStore store = cp == null ? RareEventExperiment.BlockStore.none()
                        : new RareEventExperiment.BlockStore() {
                            @Override
                            public double[] get(int index) {
                                return cp.get(key + index, double[].class);
                            }

                            @Override
                            public void put(int index, double[] sums) {
                                cp.put(key + index, sums);
                            }
                        };
                // a keyed seed per setting keeps the settings' paths independent
                long s = dev.htsgd.sim.Streams.key(seed, STUDY, setting++);
                out.add(e.run(samples, s, threads, is, store, progress::advance));
            }
        }
        return out;
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("--etas", "--samples");
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        ReproduceOptions o = ctx.settings();
        double[] etas = o.etaValues() != null ? o.etaValues()
                : ctx.scale().pick(PAPER_ETAS, PAPER_ETAS, new double[] {1.0 / 50, 1.0 / 100});
        long samples = o.samples != null ? o.samples : ctx.scale().pick(200_000L, 20_000L, 2_000L);
        JumpNoise noise = JumpNoise.ldMixture(1.5, 0.2, 5);
        double[] bs = {Double.POSITIVE_INFINITY, B};
        long blocks = (samples + RareEventExperiment.BLOCK - 1) / RareEventExperiment.BLOCK;
        List<RareEventEstimate> est;
        long t0 = System.nanoTime();
        try (Progress p = ctx.progress("rare-event", blocks * RareEventExperiment.BLOCK * bs.length * etas.length)) {
            est = estimate(LdQuartic.of(), noise, bs, etas, X0, LEVEL, null, samples, true, ctx.seed(), ctx.threads(),
                    ctx.run().checkpoint(), p, "rare-event");
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;

        List<Map<String, Object>> points = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        for (RareEventEstimate e : est) {
            Double published = published(e.b(), e.eta());
            Map<String, Object> m = point(e);
            if (published != null) {
                m.put("published", published);
            }
            points.add(m);
            rows.add(List.of(Double.isInfinite(e.b()) ? "none" : Double.toString(e.b()), "1/" + Math.round(1 / e.eta()),
                    e.estimate(), e.ciLow(), e.ciHigh(), e.relativeError(), e.hits(), e.samples(),
                    published == null ? "" : published, published == null ? "" : e.estimate() / published));
        }
        List<String> header = List.of("b", "eta", "estimate", "ci_low", "ci_high", "rel_error", "hits_under_proposal",
                "samples", "published", "ratio_to_published");
        ctx.run().writeCsv("rare-event.csv", header, rows);

        double slopeUnclipped = slope(est, Double.POSITIVE_INFINITY);
        double slopeClipped = slope(est, B);
        List<Plots.Series> series = new ArrayList<>();
        for (double b : bs) {
            String lab = Double.isInfinite(b) ? "b = inf" : "b = " + b;
            List<RareEventEstimate> sel = est.stream().filter(e -> e.b() == b).toList();
            series.add(new Plots.Series(lab + " (IS estimate)", sel.stream().mapToDouble(e -> 1 / e.eta()).toArray(),
                    sel.stream().mapToDouble(RareEventEstimate::estimate).toArray(), Plots.Style.LINE_MARKERS));
            series.add(new Plots.Series(lab + " 95% CI low", sel.stream().mapToDouble(e -> 1 / e.eta()).toArray(),
                    sel.stream().mapToDouble(RareEventEstimate::ciLow).toArray(), Plots.Style.MARKERS));
            series.add(new Plots.Series(lab + " 95% CI high", sel.stream().mapToDouble(e -> 1 / e.eta()).toArray(),
                    sel.stream().mapToDouble(RareEventEstimate::ciHigh).toArray(), Plots.Style.MARKERS));
            double[] pub = Double.isInfinite(b) ? PUBLISHED_UNCLIPPED : PUBLISHED_CLIPPED;
            double[] px = new double[PAPER_ETAS.length];
            for (int i = 0; i < px.length; i++) {
                px[i] = 1 / PAPER_ETAS[i];
            }
            series.add(new Plots.Series(lab + " published (LD Table 2.1)", px, pub, Plots.Style.MARKERS));
        }
        Plot plot = ctx.plot("rare-event", Plots.Axes.logLog("LD Table 2.1: P(reach 0 within 1/eta steps)", "1/eta",
                "probability"), series);

        ctx.report().heading("C. Rare event (LD Table 2.1)")
                .paragraph("U(x) = x^4/10 - x^2, X_0 = 2.5, event: X_j <= 0 for some j <= floor(1/eta); noise "
                        + noise.describe() + ". Without clipping one large jump suffices (P ~ eta^(alpha-1) = eta^0.5); "
                        + "with b = 1.5 two are needed (P ~ eta^(2(alpha-1)) = eta). Estimator: large-jump importance "
                        + "sampling (a defensive mixture proposing heavier-tailed jumps, l*+2 per path on average), "
                        + samples + " paths per point; intervals are normal 95% intervals of the i.i.d. weights. "
                        + "The learning rates of the published table are read as 1/200, 1/400, 1/600, 1/800, 1/1000.")
                .table("Estimates beside LD Table 2.1", header, rows)
                .table("Decay in eta: fitted slope of log P against log eta", List.of("b", "fitted slope", "theory l*(alpha-1)"),
                        List.of(List.of("none", slopeUnclipped, 0.5), List.of("1.5", slopeClipped, 1.0)))
                .plot(plot, "Estimates with 95% intervals and the published values (log-log).")
                .paragraph(String.format(Locale.ROOT, "Time for the %d estimates: %.1f s.", est.size(), seconds));

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("points", points);
        r.put("slope_unclipped", finite(slopeUnclipped));
        r.put("slope_clipped", finite(slopeClipped));
        r.put("predicted_slopes", Map.of("unclipped", 0.5, "clipped", 1.0));
        r.put("samples", samples);
        r.put("seconds", seconds);
        return r;
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        List<String> lines = new ArrayList<>();
        lines.add("rare-event (LD Table 2.1): b, eta, estimate [95% CI], published");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pts = (List<Map<String, Object>>) results.get("points");
        for (Map<String, Object> p : pts) {
            lines.add(String.format(Locale.ROOT, "  b=%-4s eta=1/%-5d %.3e [%.3e, %.3e]  published %s",
                    p.get("b"), Math.round(1 / (double) p.get("eta")), p.get("estimate"), p.get("ci_low"), p.get("ci_high"),
                    p.containsKey("published") ? String.format(Locale.ROOT, "%.3g", (double) p.get("published")) : "-"));
        }
        return lines;
    }

    /** The JSON point of the CLI contract: {eta, b, estimate, ci_low, ci_high, method, ...}. */
    public static Map<String, Object> point(RareEventEstimate e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eta", e.eta());
        m.put("b", Double.isInfinite(e.b()) ? "none" : (Object) e.b());
        m.put("estimate", e.estimate());
        m.put("ci_low", e.ciLow());
        m.put("ci_high", e.ciHigh());
        m.put("stderr", e.stderr());
        m.put("relative_error", finite(e.relativeError()));
        m.put("method", e.method());
        m.put("samples", e.samples());
        m.put("hits", e.hits());
        m.put("steps", e.steps());
        m.put("largest_weight_share", e.largestShare());
        return m;
    }

    static Double published(double b, double eta) {
        for (int i = 0; i < PAPER_ETAS.length; i++) {
            if (Math.abs(PAPER_ETAS[i] - eta) < 1e-12) {
                return Double.isInfinite(b) ? PUBLISHED_UNCLIPPED[i] : b == B ? PUBLISHED_CLIPPED[i] : null;
            }
        }
        return null;
    }

    /**
     * Least-squares slope of log estimate against log eta, over positive estimates with threshold b: minus the
     * slope against log(1/eta) of {@link LogLogFit} (unweighted: no standard errors are given).
     */
    static double slope(List<RareEventEstimate> est, double b) {
        List<RareEventEstimate> at = est.stream().filter(e -> e.b() == b).toList();
        double[] etas = at.stream().mapToDouble(RareEventEstimate::eta).toArray();
        double[] values = at.stream().mapToDouble(RareEventEstimate::estimate).toArray();
        double[] noErrors = new double[etas.length];
        java.util.Arrays.fill(noErrors, Double.NaN);
        LogLogFit fit = LogLogFit.of(etas, values, noErrors, 0.95);
        return fit == null ? Double.NaN : -fit.slope();
    }

    static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
