package dev.htsgd.cli.dl;

import dev.htsgd.cli.line.TrainLine;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.run.Progress;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.train.Method;
import dev.htsgd.dl.train.TrainConfig;
import dev.htsgd.run.Json;

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
     * The size of the grid: replications per method ({@code seeds}; SB+Noise's 100,000-iteration runs may have fewer,
     * {@code sbNoiseSeeds}), how many runs go at once ({@code parallelRuns}: above 1, each run is an {@code htsgd
     * train} child process, see {@link TrainProcess}) and PyTorch's threads per run ({@code threads}, 0 = not set).
     */
    public record Grid(int seeds, int sbNoiseSeeds, int parallelRuns, int threads) {
        /** The replications of {@code m}. */
        int seedsOf(Method m) {
            return m == Method.SB_NOISE ? sbNoiseSeeds : seeds;
        }
    }

    /** Runs the grid with {@code seeds} replications of every method, one run at a time in this JVM. */
    public static Map<String, Object> run(RunDirectory run, HtmlReport report, long seed, String scale, int seeds,
            Path data, boolean quiet) {
        return run(run, report, seed, scale, new Grid(seeds, seeds, 1, Integer.getInteger("ai.djl.pytorch.num_threads", 0)),
                data, quiet);
    }

    /**
     * Runs the grid and adds its section to {@code report}. Finished runs are recorded in the checkpoint as they
     * end, so a resumed grid skips them; with {@code grid.parallelRuns() > 1} the longest runs start first.
     *
     * @param data dataset directory option (null: the lookup order)
     */
    public static Map<String, Object> run(RunDirectory run, HtmlReport report, long seed, String scale, Grid grid,
            Path data, boolean quiet) {
        Dataset ds = Dataset.FASHION_MNIST;
        Path dir = ds.locate(data, System.getenv());
        ImageSet fullTrain = ds.load(dir, true);
        ImageSet test = ds.load(dir, false);
        Method[] methods = Method.values();
        List<TrainConfig> cells = new ArrayList<>();
        long total = 0;
        for (Method m : methods) {
            for (int r = 0; r < grid.seedsOf(m); r++) {
                TrainConfig cfg = config(m, seed + r, scale);
                cells.add(cfg);
                total += DlRun.units(cfg);
            }
        }
        Map<TrainConfig, Map<String, Object>> done = new java.util.concurrent.ConcurrentHashMap<>();
        try (Progress progress = Progress.start("dl-fashion " + scale, total, quiet)) {
            List<TrainConfig> order = new ArrayList<>(cells);
            if (grid.parallelRuns() > 1) {
                // the 10,000-iteration runs longest first, so no long one is left alone at the end; SB+Noise's
                // 100,000-iteration runs last (with as many as runs at once they end together), so that the other
                // methods' rows are complete early in a run of hours
                order.sort(java.util.Comparator.comparing((TrainConfig c) -> c.method() == Method.SB_NOISE)
                        .thenComparing(java.util.Comparator.comparingDouble(DlFashion::cost).reversed()));
            }
            java.util.function.Consumer<TrainConfig> one = cfg -> done.put(cfg, cell(run, cfg, scale, grid, data,
                    fullTrain, test, progress));
            if (grid.parallelRuns() <= 1) {
                order.forEach(one);
            } else {
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(grid.parallelRuns());
                try {
                    List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
                    for (TrainConfig cfg : order) {
                        fs.add(pool.submit(() -> one.accept(cfg)));
                    }
                    for (java.util.concurrent.Future<?> f : fs) {
                        f.get();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> settings = new ArrayList<>();
        Map<Method, List<Map<String, Object>>> byMethod = new LinkedHashMap<>();
        for (TrainConfig cfg : cells) {
            Map<String, Object> res = done.get(cfg);
            byMethod.computeIfAbsent(cfg.method(), k -> new ArrayList<>()).add(res);
            runs.add(res);
            Map<String, Object> setting = Json.object(
                    "method", cfg.method().cliName(),
                    "seed", cfg.seed(),
                    "command", command(cfg, data, scale, grid));
            setting.putAll(TrainLine.numbers(res));
            settings.add(setting);
        }
        Map<String, Object> out = summarise(run, report, scale, byMethod, runs);
        out.put("settings", settings);
        out.put("seeds", grid.seeds());
        out.put("sb_noise_seeds", grid.sbNoiseSeeds());
        out.put("parallel_runs", grid.parallelRuns());
        report.paragraph("Each run alone, seed included (settings[i].command in results.json; the same numbers):");
        settings.forEach(st -> report.command(st.get("method") + ", seed " + st.get("seed"), (String) st.get("command")));
        return out;
    }

    /** The {@code htsgd train} line of one run. */
    static String command(TrainConfig cfg, Path data, String scale, Grid grid) {
        return TrainLine.of(cfg, data, 1000, 200, sharpnessDraws(scale), grid.threads());
    }

    /** Relative CPU cost of a run (LB's and the noisy methods' large batches cost about 2.5 small ones). */
    static double cost(TrainConfig cfg) {
        double perStep = switch (cfg.method()) {
            case SB, SB_CLIP -> 1.0;
            case LB -> 2.4;
            default -> 2.8;
        };
        return perStep * cfg.iterations();
    }

    /** One run: from the checkpoint when it finished before, else trained (in this JVM or a child) and recorded. */
    private static Map<String, Object> cell(RunDirectory run, TrainConfig cfg, String scale, Grid grid, Path data,
            ImageSet fullTrain, ImageSet test, Progress progress) {
        Method m = cfg.method();
        String key = "dl-fashion/" + m.cliName() + "/seed=" + cfg.seed();
        @SuppressWarnings("unchecked")
        Map<String, Object> res = run.checkpoint().get(key, Map.class);
        Path sub = run.path().resolve("runs").resolve(m.cliName() + "-s" + cfg.seed());
        if (res == null) {
            if (grid.parallelRuns() > 1) {
                run.log(m.cliName() + " seed " + cfg.seed() + ": started " + command(cfg, data, scale, grid));
                res = new LinkedHashMap<>(new TrainProcess(command(cfg, data, scale, grid), sub).run());
                progress.advance(DlRun.units(cfg));
            } else {
                res = DlRun.train(sub, run.resumed(), cfg, Architecture.LENET, fullTrain, test, 1000, 200,
                        progress, line -> run.log(m.cliName() + " seed " + cfg.seed() + ": " + line), step -> { },
                        sharpnessDraws(scale));
            }
            res.put("dir", run.path().relativize(sub).toString());
            synchronized (run) {
                run.checkpoint().put(key, res);
                run.checkpoint().flush();
                run.log(String.format(Locale.ROOT, "%s seed %d: finished, test accuracy %.4f, expected sharpness %s, %.0f s",
                        m.cliName(), cfg.seed(), ((Number) res.get("test_accuracy")).doubleValue(), res.get("expected_sharpness"),
                        ((Number) res.get("seconds")).doubleValue()));
            }
        } else {
            progress.advance(DlRun.units(cfg));
            if (res.get("expected_sharpness") == null && res.get("dir") != null) {
                // a run recorded before sharpness was measured: measure it from its weights.npz
                res = new LinkedHashMap<>(res);
                Path w = run.path().resolve(String.valueOf(res.get("dir"))).resolve("weights.npz");
                DlRun.backfillSharpness(res, w, cfg, Architecture.LENET, fullTrain, 1000, 200, sharpnessDraws(scale));
                synchronized (run) {
                    run.checkpoint().put(key, res);
                    run.checkpoint().flush();
                }
            }
        }
        return res;
    }

    /** Perturbations of the expected sharpness: the paper's 100 at full scale, 20 (quick) or 2 (tiny) otherwise. */
    static int sharpnessDraws(String scale) {
        return switch (scale) {
            case "full" -> 100;
            case "quick" -> 20;
            default -> 2;
        };
    }

    /**
     * The numbers under {@code key} of the runs of a cell; a list (hessian_top: the top eigenvalues, largest first)
     * gives its first entry, so runs stored when hessian_top was a single number read the same.
     */
    static double[] values(List<Map<String, Object>> cell, String key) {
        return cell.stream().map(r -> r.get(key)).map(v -> v instanceof List<?> l && !l.isEmpty() ? l.get(0) : v)
                .filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).toArray();
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
        for (Map.Entry<Method, List<Map<String, Object>>> e : byMethod.entrySet()) {
            int i = e.getKey().ordinal();
            double[] a = values(e.getValue(), "test_accuracy");
            double[] s = values(e.getValue(), "expected_sharpness");
            double[] top = values(e.getValue(), "hessian_top");
            double[] tr = values(e.getValue(), "hessian_trace");
            double[] sec = values(e.getValue(), "seconds");
            double am = 100 * mean(a);
            acc.put(e.getKey(), am);
            sharp.put(e.getKey(), s.length == 0 ? Double.NaN : mean(s));
            Map<String, Object> row = Json.object(
                    "method", e.getKey().cliName(),
                    "runs", a.length,
                    "test_accuracy_mean", am,
                    "test_accuracy_std", 100 * std(a),
                    "expected_sharpness_mean", s.length == 0 ? null : mean(s),
                    "expected_sharpness_std", s.length == 0 ? null : std(s),
                    "hessian_top_mean", top.length == 0 ? null : mean(top),
                    "hessian_top_std", top.length == 0 ? null : std(top),
                    "hessian_trace_mean", tr.length == 0 ? null : mean(tr),
                    "hessian_trace_std", tr.length == 0 ? null : std(tr),
                    "published_test_accuracy", PUBLISHED_ACCURACY[i],
                    "published_expected_sharpness", PUBLISHED_SHARPNESS[i],
                    "seconds_mean", sec.length == 0 ? null : mean(sec));
            table.add(row);
            rows.add(List.of(e.getKey().cliName(), a.length, fmt(am) + " ± " + fmt(100 * std(a)), pm(s, "%.4f"),
                    pm(top, "%.3f"), pm(tr, "%.1f"), fmt(PUBLISHED_ACCURACY[i]),
                    String.format(Locale.ROOT, "%.3f", PUBLISHED_SHARPNESS[i])));
        }
        List<String> header = List.of("method", "runs", "test accuracy % (mean ± sd)", "expected sharpness",
                "Hessian top eigenvalue", "Hessian trace", "published accuracy %", "published sharpness");
        run.writeCsv("dl_fashion.csv", new ArrayList<>(table.get(0).keySet()),
                table.stream().map(r -> new ArrayList<>(r.values())).toList());
        Map<String, Boolean> ordering = ordering(acc, sharp);
        report.section("FashionMNIST / LeNet (Table 2, " + scale + ")",
                "the test accuracy of LeNet on FashionMNIST against the iteration, mean over each method's seeds, and the Hessian spectra.",
                "truncated heavy-tailed noise added to SGD finds flatter minima (lower expected sharpness) and a higher "
                        + "test accuracy than plain SGD or SGD with Gaussian noise (the ordering of Table 2).");
        report.paragraph("The six methods on the paper's 1,000 + 200-corrupted training subset, full test set, seeds "
                + "1, 2, ...; Table 1's settings (eta 0.05, batch 100, 10,000 iterations, the last 5,000 noise-free, "
                + "b 5 as the gradient clipping threshold: the update is truncated at eta_k b), large batch 256 (not "
                + "stated for Table 2); SB+Noise with eta 0.005, 100,000 iterations and weights in [-1, 1]. W ~ Pareto "
                + "type I (alpha 1.4, w >= 1), positive sign. Expected sharpness E|L(theta + v) - L(theta)|, "
                + "v ~ N(0, 0.01^2 I), L the training loss, over " + sharpnessDraws(scale) + " draws per run; the Hessian "
                + "of the training loss: top eigenvalue (Lanczos), trace (Hutchinson, " + DlRun.curvatureProducts(sharpnessDraws(scale))
                + " probes) and spectral density (stochastic Lanczos quadrature, as many steps). Values are mean ± sd over the runs.");
        report.table("Test accuracy, expected sharpness and Hessian beside the published row", header, rows);
        report.keyValues("Published ordering", ordering);
        DlFashionFigures.curves(run, report, byMethod);
        DlFashionFigures.spectra(run, report, byMethod);
        return Json.object(
                "scale", scale,
                "table", table,
                "ordering", ordering,
                "runs", runs);
    }

    private static String pm(double[] v, String format) {
        return v.length == 0 ? "n/a" : String.format(Locale.ROOT, format + " ± " + format, mean(v), std(v));
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
