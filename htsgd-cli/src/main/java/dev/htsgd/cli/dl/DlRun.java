package dev.htsgd.cli.dl;

import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.io.Npz;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.sharpness.ExpectedSharpness;
import dev.htsgd.dl.sharpness.HessianOperator;
import dev.htsgd.dl.sharpness.HessianSpectrum;
import dev.htsgd.dl.sharpness.HessianTrace;
import dev.htsgd.dl.sharpness.SpectralDensity;
import dev.htsgd.dl.sharpness.HvpMethod;
import dev.htsgd.dl.sharpness.NetworkLoss;
import dev.htsgd.dl.train.HeavyTailedTraining;
import dev.htsgd.dl.train.GradientNoiseIndex;
import dev.htsgd.dl.train.MetricsRow;
import dev.htsgd.dl.train.TrainingStream;
import dev.htsgd.dl.train.TrainConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one DL training job inside a directory: data (subset recipe), model, {@link HeavyTailedTraining}
 * with periodic exact checkpoints ({@code train-state.bin}), then metrics.csv, weights.npz, learning-curve plots
 * and the result map. Shared by {@code htsgd train} and {@code htsgd reproduce dl-fashion}.
 */
public final class DlRun {
    /** State file inside an unfinished run directory. */
    public static final String STATE = "train-state.bin";
    /** Seconds between checkpoints. */
    public static final long CHECKPOINT_SECONDS = 30;

    private DlRun() {
    }

    /** The data of a job. @param train training set after the subset recipe  @param test full test set */
    public record Data(ImageSet train, ImageSet test) {
    }

    /**
     * Sets PyTorch's intra-op thread count: the properties the engine reads when it starts, and the running engine's
     * count. Float32 reductions depend on it, so a run's numbers are a function of its threads: a second run in a JVM
     * whose engine was started with another count (a test, a Java program training twice) must not keep that count.
     */
    public static void threads(int n) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        ai.djl.engine.Engine.getEngine("PyTorch");
        ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
    }

    /** Loads full train and test splits. */
    public static Data load(Dataset dataset, Path data) {
        return load(dataset, data, false);
    }

    /**
     * Loads full train and test splits from {@code --data DIR} (only there when given), else the lookup order;
     * with {@code download}, a missing set is first downloaded (into {@code --data} when given) and read from
     * where it was put.
     */
    public static Data load(Dataset dataset, Path data, boolean download) {
        Path dir;
        if (download) {
            dir = dev.htsgd.dl.data.DatasetDownload.ensure(dataset, data, System.getenv());
        } else {
            try {
                dir = dataset.locate(data, System.getenv());
            } catch (dev.htsgd.dl.data.DatasetNotFoundException e) {
                if (data == null) {
                    // the library says how to get the set in its own words; here is how from the command line
                    throw new dev.htsgd.dl.data.DatasetNotFoundException(e.getMessage() + "; from the command line: "
                            + "add --download to fetch it, or --data DIR to point at it");
                }
                throw new IllegalArgumentException("--data " + data + " does not hold " + dataset.cliName()
                        + ": expected the files " + java.util.Arrays.toString(dataset.files()) + " in one of "
                        + dataset.candidates(data, Map.of()) + " (add --download to fetch them there)", e);
            }
        }
        return new Data(dataset.load(dir, true), dataset.load(dir, false));
    }

    /**
     * Checks {@code --subset} and {@code --corrupt} against the training set, before anything is written: the
     * same rules as {@link ImageSet#subset} applies later, so a run never fails on them after its directory exists.
     */
    public static void checkSubset(ImageSet fullTrain, int subset, int corrupt) {
        checkSubset(subset, corrupt);
        if ((long) subset + corrupt > fullTrain.size()) {
            throw new IllegalArgumentException("--subset plus --corrupt must be at most the " + fullTrain.size()
                    + " training images of " + fullTrain.name() + ", got --subset " + subset + " --corrupt " + corrupt);
        }
    }

    /** The checks of {@code --subset} and {@code --corrupt} that need no data. */
    public static void checkSubset(int subset, int corrupt) {
        if (subset < 0) {
            throw new IllegalArgumentException("--subset must be >= 0 (0 with --corrupt 0 = the whole set), got " + subset);
        }
        if (corrupt < 0) {
            throw new IllegalArgumentException("--corrupt must be >= 0, got " + corrupt);
        }
        if (subset == 0 && corrupt > 0) {
            throw new IllegalArgumentException("--subset must be >= 1 with --corrupt " + corrupt
                    + " (--subset 0 needs --corrupt 0: the whole set), got 0");
        }
    }

    /** Applies the subset recipe with the seed's label stream (subset 0 = the whole training set). */
    public static ImageSet subset(ImageSet full, int subset, int corrupt, long seed) {
        if (subset == 0 && corrupt == 0) {
            return full;
        }
        return full.subset(subset, corrupt, TrainingStream.LABELS.of(seed));
    }

    /**
     * Progress units of the flatness measured after training (expected sharpness, top eigenvalue, trace, density):
     * one each, so that the minutes they take show as progress rather than a finished bar.
     */
    public static final int FLATNESS_UNITS = 4;

    /** The progress units of one run: its iterations and {@link #FLATNESS_UNITS}. */
    public static long units(TrainConfig cfg) {
        return cfg.iterations() + FLATNESS_UNITS;
    }

    /**
     * Trains in {@code run}'s directory and writes its files; resumes from {@code train-state.bin} when the
     * directory was resumed.
     *
     * @return the result map (JSON keys of the CLI contract)
     */
    public static Map<String, Object> train(RunDirectory run, TrainConfig cfg, Architecture arch, ImageSet fullTrain,
            ImageSet test, int subset, int corrupt, boolean quiet, String label, int sharpnessDraws, NoiseRecording noise) {
        try (Progress progress = Progress.start(label, units(cfg), quiet)) {
            return train(run.path(), run.resumed(), cfg, arch, fullTrain, test, subset, corrupt, progress, run::log,
                    step -> {
                        run.checkpoint().put("train", Map.of("step", step));
                        run.checkpoint().flush();
                    }, sharpnessDraws, noise);
        }
    }

    /**
     * Trains with its files in {@code dir} (metrics.csv, weights.npz, plots/, and train-state.bin while running);
     * continues from {@code dir/train-state.bin} when {@code resume} and the file exists.
     *
     * @param onCheckpoint called with the step after each saved state
     */
    public static Map<String, Object> train(Path dir, boolean resume, TrainConfig cfg, Architecture arch,
            ImageSet fullTrain, ImageSet test, int subset, int corrupt, Progress progress,
            java.util.function.Consumer<String> log, java.util.function.LongConsumer onCheckpoint) {
        return train(dir, resume, cfg, arch, fullTrain, test, subset, corrupt, progress, log, onCheckpoint,
                ExpectedSharpness.DEFAULT_DRAWS);
    }

    /** As above, with the number of perturbations of the expected sharpness (the paper: 100). */
    public static Map<String, Object> train(Path dir, boolean resume, TrainConfig cfg, Architecture arch,
            ImageSet fullTrain, ImageSet test, int subset, int corrupt, Progress progress,
            java.util.function.Consumer<String> log, java.util.function.LongConsumer onCheckpoint, int sharpnessDraws) {
        return train(dir, resume, cfg, arch, fullTrain, test, subset, corrupt, progress, log, onCheckpoint, sharpnessDraws, null);
    }

    /** As above, recording the gradient-noise tail index when {@code noise} is not null. */
    public static Map<String, Object> train(Path dir, boolean resume, TrainConfig cfg, Architecture arch,
            ImageSet fullTrain, ImageSet test, int subset, int corrupt, Progress progress,
            java.util.function.Consumer<String> log, java.util.function.LongConsumer onCheckpoint, int sharpnessDraws,
            NoiseRecording noise) {
        ImageSet train = subset(fullTrain, subset, corrupt, cfg.seed());
        Map<Long, NoiseRecording.Row> noiseAt = new java.util.TreeMap<>();
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        try (Network net = Network.create(arch, train, TrainingStream.INIT.of(cfg.seed()))) {
            HeavyTailedTraining job = HeavyTailedTraining.create(cfg, net, train, test);
            Path state = dir.resolve(STATE);
            if (resume && Files.isRegularFile(state)) {
                job.restore(state);
                log.accept("resumed at step " + job.iteration());
                if (noise != null) {
                    noiseAt.putAll(MetricsFile.readNoise(dir, job.iteration()));
                }
            }
            log.accept("training " + cfg + " on " + train + ", large batch " + job.largeBatch());
            long[] lastSave = {System.nanoTime()};
            {
                progress.advance(job.iteration());
                job.run(new HeavyTailedTraining.Listener() {
                    @Override
                    public void afterStep(HeavyTailedTraining r, long done) {
                        progress.step();
                        if (System.nanoTime() - lastSave[0] > CHECKPOINT_SECONDS * 1_000_000_000L) {
                            r.save(state);
                            onCheckpoint.accept(done);
                            lastSave[0] = System.nanoTime();
                        }
                    }

                    @Override
                    public void evaluated(HeavyTailedTraining r, MetricsRow row) {
                        log.accept(String.format("step %d: train loss %.4f acc %.4f, test acc %.4f, |eta g| %.3g, truncated %.2f",
                                row.step(), row.trainLoss(), row.trainAccuracy(), row.testAccuracy(), row.preClipNorm(),
                                row.truncatedFraction()));
                        if (noise != null && row.step() % noise.every() == 0 && !noiseAt.containsKey(row.step())) {
                            long t = System.nanoTime();
                            NoiseRecording.Row n = NoiseRecording.Row.of(noise.index().measure(net, train, dev.htsgd.sim.Streams.forReplication(
                                    dev.htsgd.sim.Streams.key(cfg.seed(), "train-noise", row.step()), 0)));
                            noiseAt.put(row.step(), n);
                            log.accept(String.format("step %d: gradient-noise tail index %.3f [%.3f, %.3f], of its norm %.3f, in %.1f s",
                                    row.step(), n.estimate(), n.low(), n.high(), n.norm(), (System.nanoTime() - t) * 1e-9));
                        }
                        MetricsFile.write(dir, r.rows(), noise == null ? null : noiseAt);
                    }
                });
            }
            MetricsFile.write(dir, job.rows(), noise == null ? null : noiseAt);
            Npz.write(dir.resolve("weights.npz"), net.namedWeights());
            curves(dir.resolve("plots"), job.rows(), cfg.method().cliName());
            MetricsRow last = job.rows().get(job.rows().size() - 1);
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("method", cfg.method().cliName());
            res.put("seed", cfg.seed());
            res.put("test_accuracy", last.testAccuracy());
            res.put("train_accuracy", last.trainAccuracy());
            res.put("train_loss", last.trainLoss());
            res.put("test_loss", last.testLoss());
            long ts = System.nanoTime();
            try (NetworkLoss loss = NetworkLoss.of(net, train)) {
                ExpectedSharpness.Result sharp = ExpectedSharpness.of(ExpectedSharpness.DEFAULT_DELTA, sharpnessDraws,
                        cfg.seed()).estimate(loss, loss.parameters());
                res.put("expected_sharpness", sharp.value());
                res.put("expected_sharpness_stderr", sharp.standardError());
                res.put("sharpness_draws", sharpnessDraws);
                progress.step();
                log.accept(String.format("expected sharpness (delta 0.01, %d draws, training loss) in %.1f s",
                        sharpnessDraws, (System.nanoTime() - ts) * 1e-9));
                // issue 8: the flatness of the final weights also as lambda_max of the training-loss Hessian
                ts = System.nanoTime();
                HessianOperator hessian = HessianOperator.of(loss, loss.parameters(), HvpMethod.EXACT);
                HessianSpectrum.TopEigenvalues top = HessianSpectrum.top(hessian, 1,
                        HessianSpectrum.Options.defaults(cfg.seed()));
                // one shape with sharpness's hessian_top: the top eigenvalues as a list, largest first
                res.put("hessian_top", top.list());
                res.put("hessian_top_converged", top.converged());
                progress.step();
                log.accept(String.format("top Hessian eigenvalue %.6g (%d Hessian-vector products) in %.1f s",
                        top.top(), top.products(), (System.nanoTime() - ts) * 1e-9));
                // issue 19: the trace (Hutchinson) and the spectral density (stochastic Lanczos quadrature, one
                // probe) of the same Hessian, for Table 2's flatness columns; a Hessian-vector product over the
                // 1,200 training images costs about 40 small-batch steps, hence 30 probes and 30 Lanczos steps at most
                ts = System.nanoTime();
                HessianTrace.Estimate trace = HessianTrace.hutchinson(hessian, curvatureProducts(sharpnessDraws), 0.95, cfg.seed());
                res.put("hessian_trace", trace.trace());
                res.put("hessian_trace_stderr", trace.standardError());
                res.put("hessian_trace_samples", trace.samples());
                progress.step();
                SpectralDensity density = HessianSpectrum.density(hessian, 1,
                        Math.min(curvatureProducts(sharpnessDraws), hessian.dimension()), cfg.seed());
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("nodes", java.util.Arrays.stream(density.nodes()).boxed().toList());
                dm.put("weights", java.util.Arrays.stream(density.weights()).boxed().toList());
                res.put("hessian_density", dm);
                progress.step();
                log.accept(String.format("Hessian trace %.6g +- %.2g and spectral density in %.1f s", trace.trace(),
                        trace.standardError(), (System.nanoTime() - ts) * 1e-9));
            }
            if (noise != null) {
                res.put("noise_index", noiseAt.entrySet().stream().map(e -> e.getValue().json(e.getKey())).toList());
            }
            res.put("steps_per_second", job.stepsPerSecond());
            res.put("iterations", cfg.iterations());
            res.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", 0));
            res.put("large_batch", job.largeBatch());
            res.put("train_examples", train.size());
            res.put("weights", net.numWeights());
            res.put("truncation_fraction", job.step().updates() == 0 ? 0.0
                    : (double) job.step().truncations() / job.step().updates());
            res.put("seconds", job.gradientSeconds() + job.updateSeconds());
            res.put("gradient_seconds", job.gradientSeconds());
            res.put("update_seconds", job.updateSeconds());
            res.put("update_overhead", job.gradientSeconds() > 0 ? job.updateSeconds() / job.gradientSeconds() : 0.0);
            res.put("files", List.of("metrics.csv", "weights.npz", "plots/learning_curves.png"));
            try {
                Files.deleteIfExists(state);
            } catch (java.io.IOException e) {
                // left behind in a finished run: harmless
            }
            return res;
        }
    }

    /**
     * Measures the expected sharpness of saved weights (a run recorded without it) and puts it into {@code res}.
     */
    public static void backfillSharpness(Map<String, Object> res, Path weights, TrainConfig cfg, Architecture arch,
            ImageSet fullTrain, int subset, int corrupt, int draws) {
        if (!Files.isRegularFile(weights)) {
            return;
        }
        ImageSet train = subset(fullTrain, subset, corrupt, cfg.seed());
        try (Network net = Network.create(arch, train, TrainingStream.INIT.of(cfg.seed()))) {
            net.setNamedWeights(Npz.read(weights), weights.toString());
            try (NetworkLoss loss = NetworkLoss.of(net, train)) {
                ExpectedSharpness.Result sharp = ExpectedSharpness.of(ExpectedSharpness.DEFAULT_DELTA, draws, cfg.seed())
                        .estimate(loss, loss.parameters());
                res.put("expected_sharpness", sharp.value());
                res.put("expected_sharpness_stderr", sharp.standardError());
                res.put("sharpness_draws", draws);
            }
        }
    }

    /** Hutchinson probes of the trace and Lanczos steps of the density: 30 at the paper's 100 draws, fewer for fewer. */
    static int curvatureProducts(int sharpnessDraws) {
        return Math.max(2, Math.min(30, sharpnessDraws));
    }

    /** Learning curves: train and test accuracy, training loss, against the step. */
    public static List<Plot> curves(Path plots, List<MetricsRow> rows, String name) {
        try {
            Files.createDirectories(plots);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        double[] x = rows.stream().mapToDouble(MetricsRow::step).toArray();
        List<Plot> out = new ArrayList<>();
        out.add(Plots.line(plots, "learning_curves", Plots.Axes.linear(name + ": accuracy", "iteration", "accuracy"),
                List.of(Plots.Series.line("train", x, rows.stream().mapToDouble(MetricsRow::trainAccuracy).toArray()),
                        Plots.Series.line("test", x, rows.stream().mapToDouble(MetricsRow::testAccuracy).toArray()))));
        out.add(Plots.line(plots, "train_loss", Plots.Axes.linear(name + ": training loss", "iteration", "loss"),
                List.of(Plots.Series.line("train", x, rows.stream().mapToDouble(MetricsRow::trainLoss).toArray()),
                        Plots.Series.line("test", x, rows.stream().mapToDouble(MetricsRow::testLoss).toArray()))));
        return out;
    }

    /**
     * Puts saved weights ({@code --weights}) into a network: names and shapes are checked by
     * {@link Network#setNamedWeights}, here extra arrays and non-finite values.
     */
    public static void setWeights(Network net, Map<String, Npz.Array> arrays, Path weights, String model) {
        for (String name : arrays.keySet()) {
            if (!net.parameterNames().contains(name)) {
                throw new IllegalArgumentException("--weights " + weights + ": array " + name + " is not a parameter of --model "
                        + model + " (its parameters: " + net.parameterNames() + ")");
            }
        }
        for (var e : arrays.entrySet()) {
            float[] x = e.getValue().data();
            for (int i = 0; i < x.length; i++) {
                if (!Float.isFinite(x[i])) {
                    throw new IllegalArgumentException("--weights " + weights + ": parameter " + e.getKey()
                            + " has a non-finite value (" + x[i] + ") at flat index " + i);
                }
            }
        }
        net.setNamedWeights(arrays, "--weights " + weights);
    }
}
