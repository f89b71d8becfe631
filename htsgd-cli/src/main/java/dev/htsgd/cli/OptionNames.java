package dev.htsgd.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one place where the library's parameter names meet the command line's option names. The libraries
 * (htsgd-core, htsgd-dl) validate their arguments and name them as the API does ({@code gridPoints must be
 * in [101, 1e8], got 0}); a command that passes an option straight through gets that message with the
 * option the user typed instead ({@code --grid must be in [101, 1e8], got 0}), so no internal name reaches
 * the user and no range is written twice.
 */
final class OptionNames {

    /** Library parameter name to the options that carry it, in order of preference. */
    private static final Map<String, List<String>> OPTIONS = Map.ofEntries(
            Map.entry("gridPoints", List.of("--grid")),
            Map.entry("maxIterations", List.of("--lanczos-iterations")),
            Map.entry("samples", List.of("--samples")),
            Map.entry("steps", List.of("--steps")),
            Map.entry("horizon", List.of("--horizon")),
            Map.entry("eta", List.of("--eta", "--etas")),
            Map.entry("alpha", List.of("--alpha")),
            Map.entry("basin", List.of("--basin")),
            Map.entry("maxSteps", List.of("--max-steps")),
            Map.entry("paths", List.of("--paths")),
            Map.entry("threads", List.of("--threads")),
            Map.entry("clip", List.of("--clip")),
            Map.entry("c", List.of("--c", "--scale")),
            Map.entry("momentum", List.of("--momentum")),
            Map.entry("weightDecay", List.of("--weight-decay")),
            Map.entry("lrStep", List.of("--lr-step")),
            Map.entry("weightBound", List.of("--weight-bound")),
            Map.entry("pareto", List.of("--pareto")),
            Map.entry("batch", List.of("--batch")),
            Map.entry("largeBatch", List.of("--large-batch")),
            Map.entry("method", List.of("--method")),
            Map.entry("iterations", List.of("--iterations")),
            Map.entry("noiseOff", List.of("--noise-off")),
            Map.entry("evalEvery", List.of("--eval-every")),
            Map.entry("dataset", List.of("--dataset")),
            Map.entry("model", List.of("--model")),
            Map.entry("subset", List.of("--subset")),
            Map.entry("corrupt", List.of("--corrupt")));

    private OptionNames() {
    }

    /**
     * The message with its leading library parameter name ({@code gridPoints must ...}, {@code model vgg11 does
     * not fit ...}) replaced by the option of {@code spec} that
     * carries it; unchanged when the message does not start with such a name or the command has no such option.
     */
    static String translate(String message, CommandSpec spec) {
        if (message == null || spec == null) {
            return message;
        }
        int end = 0;
        while (end < message.length() && Character.isJavaIdentifierPart(message.charAt(end))) {
            end++;
        }
        if (end == 0 || !message.startsWith(" ", end)) {
            return message;
        }
        List<String> options = OPTIONS.get(message.substring(0, end));
        if (options == null) {
            return message;
        }
        for (String o : options) {
            if (spec.findOption(o) != null) {
                return o + message.substring(end);
            }
        }
        return message;
    }
}
