package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommandProvenance;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.cli.dl.DlRun;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.io.Npz;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.train.GradientNoiseIndex;
import dev.htsgd.dl.train.TrainingStream;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.sim.Replications;
import dev.htsgd.stats.TailIndexEstimate;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd noise-index}: the tail index of a network's own stochastic gradient noise
 * ({@link GradientNoiseIndex}, issue 18) at saved weights or at the initialisation {@code htsgd train} starts
 * from with the same seed.
 */
@Command(name = "noise-index", header = "Tail index of a network's own gradient noise, at saved weights or at initialisation.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Tail index alpha of a network's stochastic gradient noise, measured as the tail-index papers do: draw --draws",
            "minibatches of --batch images without replacement from the training subset, take U = (minibatch gradient) -",
            "(full-data gradient) of the mean cross-entropy, and estimate alpha of each coordinate of U from its draws",
            "(tail-index's recommended estimator), reported as the median over coordinates with a distribution-free 95%%",
            "interval, and of the norm |U|. alpha < 2 is the heavy-tailed regime of the theory.",
            "Without --weights the network is at the initialisation htsgd train uses with the same --seed; the training",
            "subset is rebuilt from --seed, --subset and --corrupt as in training.",
            "",
            "Example: htsgd noise-index --model lenet --batch 100 --draws 500",
            "         htsgd noise-index --weights runs/sb/weights.npz --seed 1"})
public final class NoiseIndexCommand extends DataCommand {

    @Option(names = "--weights", paramLabel = "FILE.npz",
            description = "Weights saved by htsgd train (default: the initialisation of htsgd train with the same --seed).")
    Path weights;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "100", description = "Minibatch size, as train's small batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--draws", paramLabel = "M", defaultValue = "500",
            description = "Minibatches drawn; each coordinate's index is read from M values, at least 40 (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--coordinates", paramLabel = "K", defaultValue = "20000",
            description = "Most coordinates whose index is estimated, evenly spread over the parameters (default: ${DEFAULT-VALUE}); the norm uses all.")
    int coordinates;

    @Override
    public Integer call() {
        Architecture arch = Architecture.of(set.model);
        Dataset.of(set.dataset); // the name is checked before any file is read
        GradientNoiseIndex index = GradientNoiseIndex.of(batch, draws, coordinates);
        DlRun.checkSubset(set.subset, set.corrupt);
        OptionChecks.require(batch <= set.subset + set.corrupt, "--batch", "in [1, " + (set.subset + set.corrupt)
                + "] (the training images: --subset + --corrupt)", batch);
        requireWeightsFile(weights);
        DlRun.threads(common.effectiveThreads());
        ImageSet train = trainingSet();
        Map<String, Npz.Array> arrays = weights == null ? null : Npz.read(weights);
        long t0 = System.nanoTime();
        GradientNoiseIndex.Result r;
        try (Network net = Network.create(arch, train, TrainingStream.INIT.of(common.seed))) {
            if (arrays != null) {
                DlRun.setWeights(net, arrays, weights, set.model);
            }
            // its own stream: the minibatches of the measurement, not those of training
            r = index.measure(net, train, dev.htsgd.sim.Streams.forReplication(
                    dev.htsgd.sim.Streams.key(common.seed, "noise-index", 0), 0));
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("command", "noise-index");
        res.put("model", arch.cliName());
        res.put("weights", weights == null ? "initialisation" : weights.toString());
        res.put("dataset", train.name());
        res.put("images", train.size());
        res.put("parameters", r.parameters());
        res.put("batch", batch);
        res.put("draws", draws);
        res.put("seed", common.seed);
        res.put("estimate", r.estimate());
        res.put("interval", List.of(r.low(), r.high()));
        res.put("estimator", "median over coordinates of the recommended tail index of each coordinate's "
                + draws + " noise values; interval: order statistics of the median (95%)");
        res.put("coordinate_quartiles", List.of(r.quartiles()[0], r.quartiles()[1]));
        res.put("coordinates_estimated", r.coordinates().length);
        res.put("coordinates_used", r.usedCoordinates());
        res.put("coordinates_without_spread", r.coordinates().length - r.usedCoordinates());
        TailIndexEstimate n = r.norm();
        Map<String, Object> norm = new LinkedHashMap<>();
        norm.put("estimate", n.alpha());
        norm.put("interval", List.of(n.low(), n.high()));
        norm.put("estimator", n.method() + " (k = " + n.parameter() + ")");
        res.put("norm", norm);
        res.put("mean_noise_norm", r.meanNoiseNorm());
        res.put("full_gradient_norm", r.fullGradientNorm());
        res.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1e3);
        if (common.out != null) {
            write(res, r);
        }
        print(res);
        return 0;
    }

    private void write(Map<String, Object> res, GradientNoiseIndex.Result r) {
        try (RunDirectory dir = RunDirectory.open(common.out, "noise-index", run.mode(), CommandProvenance.of(spec, common.seed))) {
            double[] a = Arrays.stream(r.coordinates()).filter(v -> !Double.isNaN(v)).toArray();
            dir.writeCsv("coordinates.csv", List.of("parameter_index", "alpha"), Replications.run(r.coordinates().length, 1,
                    i -> List.of(r.index()[i], Double.isNaN(r.coordinates()[i]) ? "" : r.coordinates()[i])));
            double hi = Math.max(2.5, Math.min(4, Arrays.stream(a).max().orElse(2.5)));
            Plots.histogram(dir.plotsDir(), "coordinate-alpha",
                    Plots.Axes.linear(String.format(Locale.ROOT, "Tail index of the gradient noise per coordinate (median %.3f)",
                            r.estimate()), "alpha", "coordinates"), List.of(set.model), List.of(a), 40, 0.5, hi);
            dir.writeResults(res);
            res.put("out", dir.commit().toString());
        }
    }

    private void print(Map<String, Object> res) {
        PrintWriter out = spec.commandLine().getOut();
        common.print(out, res, () -> table(out, res));
    }

    private void table(PrintWriter out, Map<String, Object> res) {
        out.printf(Locale.ROOT, "gradient noise of %s at %s on %s (%d images, %d parameters), batch %d, %d draws%n",
                res.get("model"), res.get("weights"), res.get("dataset"), (Integer) res.get("images"),
                (Integer) res.get("parameters"), batch, draws);
        List<?> ci = (List<?>) res.get("interval");
        out.printf(Locale.ROOT, "alpha (median over %d coordinates) %.3f, 95%% interval [%.3f, %.3f]%n",
                (Integer) res.get("coordinates_used"), (Double) res.get("estimate"), (Double) ci.get(0), (Double) ci.get(1));
        Map<?, ?> norm = (Map<?, ?>) res.get("norm");
        List<?> nci = (List<?>) norm.get("interval");
        out.printf(Locale.ROOT, "alpha of the noise norm %.3f [%.3f, %.3f] (%s)%n", (Double) norm.get("estimate"),
                (Double) nci.get(0), (Double) nci.get(1), norm.get("estimator"));
        out.printf(Locale.ROOT, "mean noise norm %.4g, full gradient norm %.4g, %.1f s%n", (Double) res.get("mean_noise_norm"),
                (Double) res.get("full_gradient_norm"), (Double) res.get("seconds"));
        if (res.get("out") != null) {
            out.println("wrote " + res.get("out"));
        }
    }
}
