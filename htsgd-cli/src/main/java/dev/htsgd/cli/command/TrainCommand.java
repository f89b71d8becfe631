package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommandProvenance;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.DataOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.cli.dl.DlRun;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.cli.option.ResumableRunOptions;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.check.Names;
import dev.htsgd.dl.train.ClipOn;
import dev.htsgd.dl.train.GradientPasses;
import dev.htsgd.dl.train.Method;
import dev.htsgd.dl.train.ParetoType;
import dev.htsgd.dl.train.TrainConfig;
import dev.htsgd.dl.train.TrainingDivergedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code htsgd train}: one DL training run with truncated heavy-tailed noise (paper-notes section 6). Defaults
 * are Table 1's FashionMNIST/LeNet column on the paper's 1,000 + 200-corrupted subset.
 */
@Command(name = "train", header = "Train a network with a Table 2 method (lb, sb, sb-clip, sb-noise, our1, our2).", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network with a Table 2 method (lb, sb, sb-clip, sb-noise, our1, our2).",
            "Writes metrics.csv (evaluation every --eval-every steps), weights.npz (numpy-loadable, one array",
            "per parameter), learning-curve plots and results.json; checkpoints so --resume continues a killed run",
            "exactly. A full 10,000-iteration run of our2 takes about 25 minutes on a quiet CPU core, hours on a busy one."})
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ResumableRunOptions runOptions;
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions set;
    @Option(names = "--download", description = "Download the dataset from its official location into --data (or $HTSGD_DATA, or ~/.cache/htsgd) when missing, checking SHA-256.")
    boolean download;
    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "our2", description = "lb | sb | sb-clip | sb-noise | our1 | our2 (default: ${DEFAULT-VALUE}).")
    String method;
    @Option(names = "--iterations", paramLabel = "K", defaultValue = "10000", description = "Iterations K (default: ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "0.05", description = "Learning rate eta (default: ${DEFAULT-VALUE}).")
    double eta;
    @Option(names = "--batch", paramLabel = "B", defaultValue = "100", description = "Small batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--large-batch", paramLabel = "B", defaultValue = "256", description = "Large batch size for g_LB (default: ${DEFAULT-VALUE}).")
    int largeBatch;
    @Option(names = "--clip", paramLabel = "B", defaultValue = "5", description = "b: the gradient clipping threshold of Table 1 (global L2; what it bounds: --clip-on) (default: ${DEFAULT-VALUE}).")
    double clip;
    @Option(names = "--clip-on", paramLabel = "gradient|update", defaultValue = "gradient", description = "What b bounds: gradient (the step direction is clipped at b, i.e. the update at eta_k b with eta_k of the schedule; Table 1's reading) or update (||update|| <= b whatever eta_k) (default: ${DEFAULT-VALUE}).")
    String clipOn;
    @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "1.4", description = "Tail index of the Pareto multiplier W (default: ${DEFAULT-VALUE}).")
    double alpha;
    @Option(names = {"--scale", "--c"}, paramLabel = "C", defaultValue = "0.5", description = "Noise scale c (default: ${DEFAULT-VALUE}; --c is the same option).")
    double c;
    @Option(names = "--noise-off", paramLabel = "K_OFF", description = "K_off: final iterations without noise, as plain large-batch steps (default: half of --iterations, the paper's 5,000 of 10,000).")
    Integer noiseOff;
    @Option(names = "--pareto", paramLabel = "type1|lomax", defaultValue = "type1", description = "Law of W: type1 (P(W>w)=w^-alpha, w>=1) or lomax (default: ${DEFAULT-VALUE}).")
    String pareto;
    @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0", description = "Momentum mu (default: ${DEFAULT-VALUE}).")
    double momentum;
    @Option(names = "--weight-decay", paramLabel = "LAMBDA", defaultValue = "0", description = "Weight decay lambda (default: ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--lr-step", paramLabel = "N", defaultValue = "0", description = "Multiply eta by --lr-gamma every this many iterations; 0 = constant (default: ${DEFAULT-VALUE}).")
    int lrStep;
    @Option(names = "--lr-gamma", paramLabel = "GAMMA", defaultValue = "0.1", description = "Step schedule factor (default: ${DEFAULT-VALUE}).")
    double lrGamma;
    @Option(names = "--weight-bound", paramLabel = "L", defaultValue = "Infinity", description = "Clip weights to [-L, L] after each step (sb-noise uses 1) (default: none).")
    double weightBound;
    @Option(names = "--sharpness-draws", paramLabel = "N", defaultValue = "100",
            description = "Perturbations of the expected sharpness at the end (the paper: 100; default: ${DEFAULT-VALUE}).")
    int sharpnessDraws;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "500", description = "Evaluate on the training and test sets every N iterations (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--passes", paramLabel = "fused|per-batch", defaultValue = "fused", description = "How a step forms its gradient: fused (one forward and backward pass over the concatenated batches) or per-batch (one pass per batch, accumulating: the same gradient up to float rounding order, with one batch's activations in memory at a time; see the README) (default: ${DEFAULT-VALUE}).")
    String passes;
    @Option(names = "--record-noise", paramLabel = "N", defaultValue = "0", description = "Every N iterations (a multiple of --eval-every), measure the tail index of the network's gradient noise as noise-index does, into metrics.csv and results.json's noise_index (default: ${DEFAULT-VALUE}, off).")
    int recordNoise;
    @Option(names = "--noise-draws", paramLabel = "M", defaultValue = "100", description = "Minibatch gradients per --record-noise measurement, at least 40 (default: ${DEFAULT-VALUE}).")
    int noiseDraws;

    @Override
    public Integer call() {
        // every option is checked before the data is read or a run directory exists: bad input leaves nothing
        checkOptions();
        Method m = Method.of(method);
        TrainConfig.Builder settings = TrainConfig.builder().setMethod(m).setIterations(iterations).optEta(eta)
                .optBatch(batch).optLargeBatch(largeBatch).optClip(clip).optClipOn(ClipOn.of(clipOn)).optNoise(alpha, c).optParetoType(ParetoType.of(pareto))
                .optMomentum(momentum).optWeightDecay(weightDecay).optLrSchedule(lrStep, lrGamma)
                .optWeightBound(weightBound).optEvalEvery(evalEvery).optSeed(common.seed)
                .optPasses(Names.parse("passes", GradientPasses.values(), passes));
        if (m.noisy() && noiseOff != null) {
            settings.optNoiseOff(noiseOff);
        }
        TrainConfig cfg = settings.build();
        Architecture arch = Architecture.of(set.model);
        Dataset ds = Dataset.of(set.dataset);
        DlRun.threads(common.effectiveThreads());
        DlRun.Data d = DlRun.load(ds, set.data, download);
        checkAgainstData(d.train(), m, arch);
        dev.htsgd.dl.model.ConvolutionCheck.verify(); // before the run directory: resuming could not help
        Provenance prov = CommandProvenance.of(spec, common.seed);
        Map<String, Object> res;
        Path done;
        try (RunDirectory run = RunDirectory.open(common.out, "train", runOptions.mode(), prov)) {
            try {
                res = DlRun.train(run, cfg, arch, d.train(), d.test(), set.subset, set.corrupt, common.quiet,
                        "train " + cfg.method().cliName(), sharpnessDraws, recordNoise == 0 ? null
                                : new dev.htsgd.cli.dl.NoiseRecording(recordNoise, dev.htsgd.dl.train.GradientNoiseIndex.of(batch, noiseDraws)));
            } catch (TrainingDivergedException e) {
                // the same settings diverge at the same step on --resume (runs are bit-identical), so the
                // unfinished directory must not invite one: remove it, and report bad input (exit 2)
                run.abandon();
                throw new IllegalArgumentException(e.getMessage() + ": the settings diverge; " + advice(cfg, e.step())
                        + " (the unfinished run directory was removed)", e);
            }
            run.writeResults(res);
            done = run.commit();
        }
        res.put("out", done.toString());
        PrintWriter out = spec.commandLine().getOut();
        common.print(out, res, () -> {
            out.printf("%-20s %s%n", "method", res.get("method"));
            // measured values to their meaningful digits (Numbers.human), as every command prints them
            for (String k : new String[] {"test_accuracy", "train_accuracy", "train_loss", "test_loss",
                "expected_sharpness", "hessian_top", "hessian_trace", "steps_per_second", "truncation_fraction",
                "update_overhead"}) {
                if (res.containsKey(k)) {
                    out.printf("%-20s %s%n", k, dev.htsgd.cli.report.Numbers.human(res.get(k), 4));
                }
            }
            out.printf("%-20s %s%n", "out", done);
        });
        return 0;
    }

    /** What may stop a divergence at {@code step} (1-based): b only where the update was truncated. */
    static String advice(TrainConfig cfg, long step) {
        Method m = cfg.method();
        boolean truncatedPhase = m.truncated() && (step < 1 || step <= cfg.noiseFreeFrom());
        if (truncatedPhase) {
            return "try a smaller --clip or --eta";
        }
        String why = m.truncated()
                ? "step " + step + " is in the noise-free phase (the last --noise-off iterations), which is not truncated, so --clip cannot help"
                : "--method " + m.cliName() + " has no truncation, so --clip cannot help";
        String paper = m == Method.SB_NOISE ? " (the paper runs sb-noise with --eta 0.005 --weight-bound 1)" : "";
        return why + ": try a smaller --eta" + paper;
    }

    /** Ranges of the options that need no data (the method, model, dataset and law names are parsed after). */
    private void checkOptions() {
        OptionChecks.atLeast("--sharpness-draws", sharpnessDraws, 2);
        OptionChecks.atLeast("--iterations", iterations, 1);
        OptionChecks.positive("--eta", eta);
        OptionChecks.atLeast("--batch", batch, 1);
        // g_SB* - g_LB compares a small batch with a larger one; a smaller "large" batch is a mistyped option
        OptionChecks.require(largeBatch >= batch, "--large-batch", ">= --batch (" + batch + ")", largeBatch);
        OptionChecks.require(clip > 0, "--clip", "in (0, inf]", clip);
        OptionChecks.require(java.util.Arrays.stream(ClipOn.values()).anyMatch(v -> v.cliName().equals(clipOn)), "--clip-on",
                "gradient or update", clipOn);
        OptionChecks.require(java.util.Arrays.stream(GradientPasses.values()).anyMatch(v -> Names.of(v).equals(passes)), "--passes",
                "fused or per-batch", passes);
        OptionChecks.positive("--alpha", alpha);
        OptionChecks.nonNegative("--scale", c);
        if (noiseOff != null) {
            OptionChecks.require(noiseOff >= 0 && noiseOff <= iterations, "--noise-off",
                    "in [0, --iterations = " + iterations + "]", noiseOff);
        }
        OptionChecks.require(momentum >= 0 && momentum < 1, "--momentum", "in [0, 1)", momentum);
        OptionChecks.nonNegative("--weight-decay", weightDecay);
        OptionChecks.require(lrStep >= 0, "--lr-step", ">= 0 (0 = constant eta)", lrStep);
        OptionChecks.require(lrGamma > 0 && lrGamma <= 1, "--lr-gamma", "in (0, 1]", lrGamma);
        OptionChecks.require(weightBound > 0, "--weight-bound", "in (0, inf]", weightBound);
        OptionChecks.atLeast("--eval-every", evalEvery, 1);
        OptionChecks.require(recordNoise >= 0 && recordNoise % evalEvery == 0, "--record-noise",
                "0 (off) or a multiple of --eval-every (" + evalEvery + ")", recordNoise);
        OptionChecks.atLeast("--noise-draws", noiseDraws, dev.htsgd.dl.train.GradientNoiseIndex.MIN_DRAWS);
        DlRun.checkSubset(set.subset, set.corrupt);
        common.effectiveThreads();
    }

    /** The checks that need the training set: the subset recipe, the model's input shape, the batch size. */
    private void checkAgainstData(ImageSet fullTrain, Method m, Architecture arch) {
        DlRun.checkSubset(fullTrain, set.subset, set.corrupt);
        arch.checkFits(fullTrain.imageShape(), fullTrain.classes(), fullTrain.name());
        int n = set.subset == 0 && set.corrupt == 0 ? fullTrain.size() : set.subset + set.corrupt;
        if (m.usesSmallBatch()) {
            OptionChecks.require(batch <= n, "--batch", "in [1, " + n + "] (the training images: --subset + --corrupt)", batch);
        }
    }
}
