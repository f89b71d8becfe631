package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommandProvenance;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.cli.dl.DlRun;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.io.Npz;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.sharpness.ExpectedSharpness;
import dev.htsgd.run.Progress;
import dev.htsgd.dl.sharpness.HessianOperator;
import dev.htsgd.dl.sharpness.HessianSpectrum;
import dev.htsgd.dl.sharpness.HessianTrace;
import dev.htsgd.dl.sharpness.HvpMethod;
import dev.htsgd.dl.sharpness.NetworkLoss;
import dev.htsgd.dl.sharpness.SpectralDensity;
import dev.htsgd.dl.sharpness.WorstCaseSharpness;
import dev.htsgd.dl.train.TrainingStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd sharpness}: flatness and curvature of saved weights on the training set (issue 8; paper notes
 * section 6): the paper's expected sharpness, the top Hessian eigenvalues, the Hessian trace with a confidence
 * interval, the spectral density, worst-case epsilon-sharpness and per-layer values. The training set is rebuilt
 * with the subset recipe and the seed of the training run, so give the same {@code --seed}, {@code --subset} and
 * {@code --corrupt} as {@code htsgd train}.
 */
@Command(name = "sharpness", header = "Curvature of saved weights: expected sharpness, top Hessian eigenvalues, trace and spectrum.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Curvature of saved weights: expected sharpness E|L(theta+v)-L(theta)| (v ~ N(0, delta^2 I)), top Hessian",
            "eigenvalues (Lanczos on exact Hessian-vector products), Hutchinson trace with a CI, spectral density (SLQ),",
            "worst-case epsilon-sharpness and per-layer values. L is the training loss on the subset of the training run",
            "(same --seed, --subset, --corrupt)."})
public final class SharpnessCommand extends DataCommand {

    /** What to compute. */
    enum Metric { expected, hessian_top, hessian_trace, density, worst_case, layers }

    @Option(names = "--weights", paramLabel = "FILE.npz", required = true,
            description = "Weights saved by htsgd train (weights.npz: one array per parameter, named as the model's).")
    Path weights;

    @Option(names = "--metric", paramLabel = "METRIC[,METRIC...]", hideParamSyntax = true, defaultValue = "expected,hessian-top,hessian-trace", split = ",",
            description = "expected | hessian-top | hessian-trace | density | worst-case | layers | all (default: ${DEFAULT-VALUE}).")
    List<String> metric;

    @Option(names = "--delta", paramLabel = "S", defaultValue = "0.01", description = "Expected sharpness: standard deviation of v (default: ${DEFAULT-VALUE}).")
    double delta;

    @Option(names = "--draws", paramLabel = "N", defaultValue = "100", description = "Expected sharpness: perturbations (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "1", description = "Number of top Hessian eigenvalues (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--lanczos-iterations", paramLabel = "N", defaultValue = "100", description = "Most Lanczos steps (default: ${DEFAULT-VALUE}).")
    int lanczosIterations;

    @Option(names = "--tolerance", paramLabel = "TOL", defaultValue = "1e-4", description = "Relative Ritz residual of converged eigenvalues (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--trace-samples", paramLabel = "N", defaultValue = "100", description = "Hutchinson samples (default: ${DEFAULT-VALUE}).")
    int traceSamples;

    @Option(names = "--confidence", paramLabel = "P", defaultValue = "0.95", description = "Level of trace_ci (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--slq-vectors", paramLabel = "N", defaultValue = "1", description = "Density: random vectors (default: ${DEFAULT-VALUE}).")
    int slqVectors;

    @Option(names = "--slq-steps", paramLabel = "N", defaultValue = "80", description = "Density: Lanczos steps per vector (default: ${DEFAULT-VALUE}).")
    int slqSteps;

    // no defaultValue: it would overwrite what the old name set (see OldOptionNames)
    @Option(names = "--box", paramLabel = "EPS",
            description = "Worst-case sharpness: half-width epsilon of the box (or radius of the ball) around the weights (default: 5e-4).")
    double epsilon = 5e-4;

    @Option(names = "--region", paramLabel = "box|ball", defaultValue = "box", description = "Worst-case sharpness: box (Keskar) | ball (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--hvp", paramLabel = "exact|fd", defaultValue = "exact", description = "Hessian-vector products: exact (double back-propagation) | fd (central differences) (default: ${DEFAULT-VALUE}).")
    String hvp;

    @Override
    public Integer call() {
        Set<Metric> metrics = parseMetrics(metric);
        Architecture arch = Architecture.of(set.model);
        Dataset.of(set.dataset); // the name is checked before any file is read
        HvpMethod method = switch (hvp.toLowerCase(Locale.ROOT)) {
            case "exact" -> HvpMethod.EXACT;
            case "fd" -> HvpMethod.FINITE_DIFFERENCE;
            default -> throw new IllegalArgumentException("--hvp must be exact or fd, got " + hvp);
        };
        WorstCaseSharpness.Region reg = switch (region.toLowerCase(Locale.ROOT)) {
            case "box" -> WorstCaseSharpness.Region.BOX;
            case "ball" -> WorstCaseSharpness.Region.BALL;
            default -> throw new IllegalArgumentException("--region must be box or ball, got " + region);
        };
        // the options are checked here, in their own names, before the libraries see them (whose messages
        // name their parameters: maxIterations, not --lanczos-iterations) and before any data is read
        OptionChecks.positive("--delta", delta);
        OptionChecks.atLeast("--draws", draws, 2);
        OptionChecks.atLeast("--top-k", topK, 1);
        OptionChecks.atLeast("--lanczos-iterations", lanczosIterations, 1);
        OptionChecks.require(tolerance > 0 && tolerance < 1, "--tolerance", "in (0, 1)", tolerance);
        OptionChecks.atLeast("--trace-samples", traceSamples, 2);
        OptionChecks.require(confidence > 0 && confidence < 1, "--confidence", "in (0, 1)", confidence);
        OptionChecks.atLeast("--slq-vectors", slqVectors, 1);
        OptionChecks.atLeast("--slq-steps", slqSteps, 2);
        // named as typed: --epsilon is the old name of --box
        boolean oldName = spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--epsilon");
        OptionChecks.positive(oldName ? "--epsilon" : "--box", epsilon);
        DlRun.checkSubset(set.subset, set.corrupt);
        int threads = common.effectiveThreads();
        ExpectedSharpness es = ExpectedSharpness.of(delta, draws, common.seed);
        HessianSpectrum.Options lanczos = new HessianSpectrum.Options(lanczosIterations, tolerance, common.seed);
        WorstCaseSharpness wc = WorstCaseSharpness.of(reg, epsilon, common.seed);
        requireWeightsFile(weights);

        DlRun.threads(threads);
        ImageSet train = trainingSet();
        Map<String, Npz.Array> arrays = Npz.read(weights);

        Map<String, Object> res = new LinkedHashMap<>();
        try (Network net = Network.create(arch, train, TrainingStream.INIT.of(common.seed))) {
            DlRun.setWeights(net, arrays, weights, set.model);
            // one progress unit per metric; off a terminal the heartbeat prints a line every 10 s inside a long one
            try (NetworkLoss loss = NetworkLoss.of(net, train);
                    Progress progress = Progress.start("sharpness", metrics.size(), common.quiet)) {
                if (metrics.contains(Metric.hessian_top)) {
                    OptionChecks.require(topK <= loss.dimension(), "--top-k",
                            "in [1, " + loss.dimension() + "] (the parameters of --model " + set.model + ")", topK);
                }
                double[] theta = loss.parameters();
                HessianOperator h = HessianOperator.of(loss, theta, method);
                res.put("model", arch.cliName());
                res.put("weights", weights.toString());
                res.put("dataset", train.name());
                res.put("images", train.size());
                res.put("parameters", loss.dimension());
                res.put("seed", common.seed);
                res.put("hvp", method == HvpMethod.EXACT ? "exact" : "fd");
                res.put("training_loss", loss.value(theta));
                Map<String, Object> seconds = new LinkedHashMap<>();
                MetricClock clock = new MetricClock(seconds, progress);
                if (metrics.contains(Metric.expected)) {
                    var r = clock.time("expected", () -> es.estimate(loss, theta));
                    res.put("expected_sharpness", r.value());
                    res.put("expected_sharpness_stderr", r.standardError());
                    res.put("expected_sharpness_mean_change", r.meanChange());
                    res.put("delta", delta);
                    res.put("draws", draws);
                }
                if (metrics.contains(Metric.hessian_top)) {
                    var top = clock.time("hessian_top", () -> HessianSpectrum.top(h, topK, lanczos));
                    res.put("hessian_top", top.list());
                    res.put("hessian_top_residuals", list(top.residuals()));
                    res.put("hessian_top_products", top.products());
                    res.put("hessian_top_converged", top.converged());
                }
                if (metrics.contains(Metric.hessian_trace)) {
                    var tr = clock.time("hessian_trace", () -> HessianTrace.hutchinson(h, traceSamples, confidence, common.seed));
                    res.put("hessian_trace", tr.trace());
                    res.put("trace_ci", List.of(tr.ciLow(), tr.ciHigh()));
                    res.put("trace_stderr", tr.standardError());
                    res.put("trace_confidence", confidence);
                    res.put("trace_samples", tr.samples());
                }
                SpectralDensity density = null;
                if (metrics.contains(Metric.density)) {
                    density = clock.time("density", () -> HessianSpectrum.density(h, slqVectors, slqSteps, common.seed));
                    Map<String, Object> dm = new LinkedHashMap<>();
                    dm.put("nodes", list(density.nodes()));
                    dm.put("weights", list(density.weights()));
                    dm.put("mass", density.mass());
                    dm.put("trace_estimate", density.trace());
                    res.put("density", dm);
                }
                if (metrics.contains(Metric.worst_case)) {
                    var w = clock.time("worst_case", () -> wc.estimate(loss, theta));
                    res.put("worst_case_sharpness", w.value());
                    res.put("worst_case_sharpness_relative", w.relative());
                    res.put("epsilon", epsilon);
                    res.put("region", reg.name().toLowerCase(Locale.ROOT));
                }
                if (metrics.contains(Metric.layers)) {
                    List<Map<String, Object>> layers = new ArrayList<>();
                    for (var lc : clock.time("layers", () -> HessianSpectrum.perLayer(h, loss.layout(), lanczos, traceSamples))) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("layer", lc.layer());
                        m.put("parameters", lc.size());
                        m.put("hessian_top", lc.top().list());
                        m.put("hessian_trace", lc.trace().trace());
                        m.put("trace_ci", List.of(lc.trace().ciLow(), lc.trace().ciHigh()));
                        layers.add(m);
                    }
                    res.put("layers", layers);
                }
                res.put("seconds", seconds);
                if (common.out != null) {
                    writeRun(res, density);
                }
            }
        }
        print(res);
        return 0;
    }

    private void writeRun(Map<String, Object> res, SpectralDensity density) {
        Provenance prov = CommandProvenance.of(spec, common.seed);
        try (RunDirectory dir = RunDirectory.open(common.out, "sharpness", run.mode(), prov)) {
            dir.writeResults(res);
            if (density != null) {
                double lo = density.min();
                double hi = density.max();
                double pad = 0.05 * Math.max(hi - lo, 1e-12);
                double sigma = Math.max((hi - lo) / 200, 1e-12);
                double[][] g = density.grid(lo - pad, hi + pad, 400, sigma);
                List<List<?>> rows = new ArrayList<>();
                for (int i = 0; i < g[0].length; i++) {
                    rows.add(List.of(g[0][i], g[1][i]));
                }
                dir.writeCsv("density.csv", List.of("eigenvalue", "density"), rows);
                // log scale: show six decades below the peak (the Gaussian tails fall to 1e-300 and would swamp the axis)
                double peak = 0;
                for (double y : g[1]) {
                    peak = Math.max(peak, y);
                }
                List<Double> px = new ArrayList<>();
                List<Double> py = new ArrayList<>();
                for (int i = 0; i < g[0].length; i++) {
                    if (g[1][i] >= 1e-6 * peak) {
                        px.add(g[0][i]);
                        py.add(g[1][i]);
                    }
                }
                g = new double[][] {px.stream().mapToDouble(Double::doubleValue).toArray(),
                    py.stream().mapToDouble(Double::doubleValue).toArray()};
                Plots.line(dir.plotsDir(), "density",
                        Plots.Axes.linear("Hessian spectral density (SLQ, Gaussian smoothing " + String.format(Locale.ROOT, "%.3g", sigma) + ")",
                                "eigenvalue", "density (eigenvalues per unit)").withLogY(),
                        List.of(Plots.Series.line(set.model + " " + weights.getFileName(), g[0], g[1])));
            }
            res.put("out", dir.commit().toString());
        }
    }

    static Set<Metric> parseMetrics(List<String> names) {
        Set<Metric> out = EnumSet.noneOf(Metric.class);
        for (String n : names) {
            String k = n.trim().toLowerCase(Locale.ROOT);
            if (k.equals("all")) {
                out.addAll(EnumSet.of(Metric.expected, Metric.hessian_top, Metric.hessian_trace, Metric.density));
                continue;
            }
            try {
                out.add(Metric.valueOf(k.replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--metric must be expected, hessian-top, hessian-trace, density, worst-case, layers or all, got " + n);
            }
        }
        return out;
    }

    private void print(Map<String, Object> res) {
        PrintWriter out = spec.commandLine().getOut();
        common.print(out, res, () -> table(out, res));
    }

    private void table(PrintWriter out, Map<String, Object> res) {
        for (var e : res.entrySet()) {
            if (e.getKey().equals("density")) {
                Map<?, ?> dm = (Map<?, ?>) e.getValue();
                out.printf(Locale.ROOT, "%-32s mass %s, SLQ trace %s (%d nodes)%n", "density",
                        dev.htsgd.cli.report.Numbers.human(dm.get("mass"), 6),
                        dev.htsgd.cli.report.Numbers.human(dm.get("trace_estimate"), 6), ((List<?>) dm.get("nodes")).size());
            } else if (e.getKey().equals("layers")) {
                for (Object o : (List<?>) e.getValue()) {
                    Map<?, ?> m = (Map<?, ?>) o;
                    out.printf(Locale.ROOT, "layer %-26s %7d params  top %s  trace %s%n", m.get("layer"), (Integer) m.get("parameters"),
                            dev.htsgd.cli.report.Numbers.human(m.get("hessian_top"), 6),
                            dev.htsgd.cli.report.Numbers.human(m.get("hessian_trace"), 6));
                }
            } else {
                out.printf(Locale.ROOT, "%-32s %s%n", e.getKey(), dev.htsgd.cli.report.Numbers.human(e.getValue(), 6));
            }
        }
    }

    /** Times each metric into {@code seconds} (by its JSON name) and advances the progress by one per metric. */
    private record MetricClock(Map<String, Object> seconds, Progress progress) {
        <T> T time(String metric, java.util.function.Supplier<T> work) {
            long t0 = System.nanoTime();
            T result = work.get();
            seconds.put(metric, secondsSince(t0));
            progress.step();
            return result;
        }
    }

    private static double secondsSince(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
    }

    private static List<Double> list(double[] x) {
        List<Double> out = new ArrayList<>();
        for (double v : x) {
            out.add(v);
        }
        return out;
    }
}
