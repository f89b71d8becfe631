package dev.htsgd.cli.dl;

import dev.htsgd.cli.line.TrainLine;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.train.Method;
import dev.htsgd.dl.train.TrainConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code htsgd reproduce dl-fashion}: the FashionMNIST/LeNet row of the paper's Table 2 (paper-notes
 * section 6): the six methods x 5 seeds with Table 1's settings (eta 0.05, batch 100, 10,000 iterations, b 5,
 * c 0.5, alpha 1.4, the last 5,000 noise-free, large batch 256) on the 1,000 + 200-corrupted subset; SB+Noise
 * with its special settings (eta 0.005, 100,000 iterations with the last 50,000 noise-free, weights in
 * [-1, 1]). Scales: {@code full} (hours on 2 cores), {@code quick} (300 iterations, last 150 noise-free;
 * SB+Noise 600/300; minutes), {@code tiny} (tests). Each run lives in {@code runs/METHOD-sSEED/}; completed
 * runs are recorded in the checkpoint, so {@code --resume} skips them and continues the interrupted one.
 */
public final class DlFashion {
    /** Table 2, FashionMNIST: test accuracy (%) in method order LB, SB, SB+Clip, SB+Noise, Our 1, Our 2. */
    public static final double[] PUBLISHED_ACCURACY = {68.66, 69.20, 68.77, 64.43, 69.47, 70.06};
    /** Table 2, FashionMNIST: expected sharpness. */
    public static final double[] PUBLISHED_SHARPNESS = {0.032, 0.008, 0.009, 0.047, 0.003, 0.002};
    /** Replications per method. */
    public static final int SEEDS = 5;

    private DlFashion() {
    }

    /** The configuration of one cell at a scale ("full", "quick" or "tiny"). */
    public static TrainConfig config(Method m, long seed, String scale) {
        TrainConfig full = TrainConfig.paper(m, seed);
        boolean sbNoise = m == Method.SB_NOISE;
        return switch (scale) {
            case "full" -> full;
            case "quick" -> sbNoise ? full.withIterations(600, 300, 150) : full.withIterations(300, 150, 100);
            case "tiny" -> full.withIterations(6, 3, 6).withLargeBatch(128); // >= the small batch, as train requires
            default -> throw new IllegalArgumentException("scale must be full, quick or tiny, got " + scale);
        };
    }

    /**
     * Runs the grid and adds its section to {@code report}.
     *
     * @param data  dataset directory option (null: the lookup order)
     * @param seeds replications per method
     */
    public static Map<String, Object> run(RunDirectory run, HtmlReport report, long seed, String scale, int seeds,
            Path data, boolean quiet) {
        Dataset ds = Dataset.FASHION_MNIST;
        Path dir = ds.locate(data, System.getenv());
        ImageSet fullTrain = ds.load(dir, true);
        ImageSet test = ds.load(dir, false);
        Method[] methods = Method.values();
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> settings = new ArrayList<>();
        Map<Method, List<Map<String, Object>>> byMethod = new LinkedHashMap<>();
        long total = 0;
        for (Method m : methods) {
            total += (long) seeds * config(m, seed, scale).iterations();
        }
        try (Progress progress = Progress.start("dl-fashion " + scale, total, quiet)) {
            for (Method m : methods) {
                List<Map<String, Object>> cell = new ArrayList<>();
                for (int r = 0; r < seeds; r++) {
                    TrainConfig cfg = config(m, seed + r, scale);
                    String key = "dl-fashion/" + m.cliName() + "/seed=" + cfg.seed();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> res = run.checkpoint().get(key, Map.class);
                    if (res == null) {
                        Path sub = run.path().resolve("runs").resolve(m.cliName() + "-s" + cfg.seed());
                        res = DlRun.train(sub, run.resumed(), cfg, Architecture.LENET, fullTrain, test, 1000, 200,
                                progress, line -> run.log(m.cliName() + " seed " + cfg.seed() + ": " + line), step -> { },
                                sharpnessDraws(scale));
                        res.put("dir", run.path().relativize(sub).toString());
                        run.checkpoint().put(key, res);
                        run.checkpoint().flush();
                    } else {
                        progress.advance(cfg.iterations());
                        if (res.get("expected_sharpness") == null && res.get("dir") != null) {
                            // a run recorded before sharpness was measured: measure it from its weights.npz
                            res = new LinkedHashMap<>(res);
                            Path w = run.path().resolve(String.valueOf(res.get("dir"))).resolve("weights.npz");
                            DlRun.backfillSharpness(res, w, cfg, Architecture.LENET, fullTrain, 1000, 200, sharpnessDraws(scale));
                            run.checkpoint().put(key, res);
                            run.checkpoint().flush();
                        }
                    }
                    cell.add(res);
                    runs.add(res);
                    Map<String, Object> setting = new LinkedHashMap<>();
                    setting.put("method", m.cliName());
                    setting.put("seed", cfg.seed());
                    setting.put("command", TrainLine.of(cfg, data, 1000, 200, sharpnessDraws(scale),
                            Integer.getInteger("ai.djl.pytorch.num_threads", 0)));
                    setting.putAll(TrainLine.numbers(res));
                    settings.add(setting);
                }
                byMethod.put(m, cell);
            }
        }
        Map<String, Object> out = summarise(run, report, scale, byMethod, runs);
        out.put("settings", settings);
        report.paragraph("Each run alone, seed included (settings[i].command in results.json; the same numbers):");
        settings.forEach(st -> report.command(st.get("method") + ", seed " + st.get("seed"), (String) st.get("command")));
        return out;
    }

    /** Perturbations of the expected sharpness: the paper's 100 at full scale, 20 (quick) or 2 (tiny) otherwise. */
    static int sharpnessDraws(String scale) {
        return switch (scale) {
            case "full" -> 100;
            case "quick" -> 20;
            default -> 2;
        };
    }

    static double[] values(List<Map<String, Object>> cell, String key) {
        return cell.stream().map(r -> r.get(key)).filter(v -> v instanceof Number)
                .mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    static double std(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    private static Map<String, Object> summarise(RunDirectory run, HtmlReport report, String scale,
            Map<Method, List<Map<String, Object>>> byMethod, List<Map<String, Object>> runs) {
        List<List<?>> rows = new ArrayList<>();
        List<Map<String, Object>> table = new ArrayList<>();
        Map<Method, Double> acc = new LinkedHashMap<>();
        Map<Method, Double> sharp = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Method, List<Map<String, Object>>> e : byMethod.entrySet()) {
            double[] a = values(e.getValue(), "test_accuracy");
            double[] s = values(e.getValue(), "expected_sharpness");
            double[] sec = values(e.getValue(), "seconds");
            double am = 100 * mean(a);
            acc.put(e.getKey(), am);
            sharp.put(e.getKey(), s.length == 0 ? Double.NaN : mean(s));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", e.getKey().cliName());
            row.put("runs", a.length);
            row.put("test_accuracy_mean", am);
            row.put("test_accuracy_std", 100 * std(a));
            row.put("expected_sharpness_mean", s.length == 0 ? null : mean(s));
            row.put("expected_sharpness_std", s.length == 0 ? null : std(s));
            row.put("published_test_accuracy", PUBLISHED_ACCURACY[i]);
            row.put("published_expected_sharpness", PUBLISHED_SHARPNESS[i]);
            row.put("seconds_mean", sec.length == 0 ? null : mean(sec));
            table.add(row);
            rows.add(List.of(e.getKey().cliName(), a.length, fmt(am) + " ± " + fmt(100 * std(a)),
                    s.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f ± %.4f", mean(s), std(s)),
                    fmt(PUBLISHED_ACCURACY[i]), String.format(Locale.ROOT, "%.3f", PUBLISHED_SHARPNESS[i])));
            i++;
        }
        List<String> header = List.of("method", "runs", "test accuracy % (mean ± sd)", "expected sharpness",
                "published accuracy %", "published sharpness");
        run.writeCsv("dl_fashion.csv", new ArrayList<>(table.get(0).keySet()),
                table.stream().map(r -> new ArrayList<>(r.values())).toList());
        Map<String, Boolean> ordering = ordering(acc, sharp);
        report.section("FashionMNIST / LeNet (Table 2, " + scale + ")",
                "the test accuracy of LeNet on FashionMNIST against the iteration, first seed of each method.",
                "truncated heavy-tailed noise added to SGD finds flatter minima (lower expected sharpness) and a higher "
                        + "test accuracy than plain SGD or SGD with Gaussian noise (the ordering of Table 2).");
        report.paragraph("Six methods x " + (runs.size() / Math.max(1, byMethod.size()))
                + " seeds on the paper's 1,000 + 200-corrupted training subset, full test set. Large batch 256 "
                + "(not stated for Table 2). W ~ Pareto type I (alpha 1.4, w >= 1), positive sign; b bounds the update. "
                + "Expected sharpness E|L(theta + v) - L(theta)|, v ~ N(0, 0.01^2 I), L the training loss, over "
                + sharpnessDraws(scale) + " draws per run.");
        report.table("Test accuracy and expected sharpness beside the published row", header, rows);
        report.keyValues("Published ordering", ordering);
        try {
            List<Plots.Series> series = new ArrayList<>();
            for (Map.Entry<Method, List<Map<String, Object>>> e : byMethod.entrySet()) {
                Path metrics = run.path().resolve(String.valueOf(e.getValue().get(0).get("dir"))).resolve("metrics.csv");
                if (Files.isRegularFile(metrics)) {
                    List<String> lines = Files.readAllLines(metrics);
                    double[] x = new double[lines.size() - 1];
                    double[] y = new double[lines.size() - 1];
                    for (int k = 1; k < lines.size(); k++) {
                        String[] c = lines.get(k).split(",");
                        x[k - 1] = Double.parseDouble(c[0]);
                        y[k - 1] = Double.parseDouble(c[4]);
                    }
                    series.add(Plots.Series.line(e.getKey().cliName(), x, y));
                }
            }
            if (!series.isEmpty()) {
                report.plot(Plots.line(run.plotsDir(), "dl_fashion_test_accuracy",
                        Plots.Axes.linear("Test accuracy (first seed)", "iteration", "test accuracy"), series),
                        "Test accuracy against iteration, first seed of each method");
            }
        } catch (java.io.IOException e) {
            run.log("no learning-curve plot: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scale", scale);
        out.put("table", table);
        out.put("ordering", ordering);
        out.put("runs", runs);
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** The paper's claims, checked on the means (sharpness claims only when sharpness was measured). */
    static Map<String, Boolean> ordering(Map<Method, Double> acc, Map<Method, Double> sharp) {
        Map<String, Boolean> o = new LinkedHashMap<>();
        double best = Math.max(acc.get(Method.SB), acc.get(Method.LB));
        o.put("our1 at least as accurate as SB and LB", acc.get(Method.OUR1) >= best);
        o.put("our2 at least as accurate as SB and LB", acc.get(Method.OUR2) >= best);
        o.put("sb-clip within 1 point of SB", Math.abs(acc.get(Method.SB_CLIP) - acc.get(Method.SB)) <= 1.0);
        o.put("sb-noise less accurate than SB", acc.get(Method.SB_NOISE) < acc.get(Method.SB));
        if (!Double.isNaN(sharp.get(Method.SB))) {
            double flatBase = Math.min(sharp.get(Method.SB), sharp.get(Method.LB));
            o.put("our1 flatter than SB and LB", sharp.get(Method.OUR1) < flatBase);
            o.put("our2 flatter than SB and LB", sharp.get(Method.OUR2) < flatBase);
        }
        return o;
    }
}
