package dev.htsgd.cli.line;

import dev.htsgd.dl.train.ParetoType;
import dev.htsgd.dl.train.TrainConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run as the {@code htsgd train} command line that repeats it (every setting of {@link TrainConfig}
 * written out, {@code --clip-on} included) and the numbers of its results that the command
 * prints: what {@code reproduce dl-fashion} writes under {@code settings[i]}.
 */
public final class TrainLine {

    /** The result keys that are a function of the settings and the seed (timings are not). */
    public static final List<String> NUMBERS = List.of("test_accuracy", "train_accuracy", "train_loss", "test_loss",
            "expected_sharpness", "expected_sharpness_stderr", "hessian_top", "hessian_trace", "truncation_fraction");

    private TrainLine() {
    }

    /**
     * @param data the data set directory given to the run, or null for the default lookup
     * @param threads PyTorch's intra-op threads of the run (float reductions depend on them), or 0 if not set
     */
    public static String of(TrainConfig c, Path data, int subset, int corrupt, int sharpnessDraws, int threads) {
        CommandLineText line = CommandLineText.of("train").option("--method", c.method().cliName())
                .option("--seed", c.seed()).option("--iterations", c.iterations()).option("--eta", c.eta())
                .option("--batch", c.batch()).option("--large-batch", c.largeBatch()).option("--clip", c.clip())
                .option("--clip-on", c.clipOn().cliName()).option("--alpha", c.alpha()).option("--scale", c.c());
        if (c.method().noisy()) {
            line.option("--noise-off", c.noiseOff());
        }
        line.option("--pareto", c.pareto() == ParetoType.LOMAX ? "lomax" : "type1").option("--momentum", c.momentum())
                .option("--weight-decay", c.weightDecay()).option("--lr-step", c.lrStep()).option("--lr-gamma", c.lrGamma())
                .option("--weight-bound", c.weightBound()).option("--eval-every", c.evalEvery())
                .option("--subset", subset).option("--corrupt", corrupt).option("--sharpness-draws", sharpnessDraws);
        if (data != null) {
            line.option("--data", data);
        }
        if (threads > 0) {
            line.option("--threads", threads);
        }
        return line.text();
    }

    /** The {@link #NUMBERS} of a run's results, in that order (absent keys left out). */
    public static Map<String, Object> numbers(Map<String, Object> result) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : NUMBERS) {
            if (result.containsKey(k)) {
                out.put(k, result.get(k));
            }
        }
        return out;
    }
}
