package dev.htsgd.cli;

import dev.htsgd.check.InvalidParameterException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one place where the library's parameter names meet the command line's option names. The libraries
 * (htsgd-core, htsgd-dl) validate their arguments and name them as the API does ({@code gridPoints must be
 * in [101, 1e8], got 0}); a command that passes an option straight through gets that message with the
 * option the user typed instead ({@code --grid must be in [101, 1e8], got 0}), so no internal name reaches
 * the user and no range is written twice.
 *
 * <p>An {@link InvalidParameterException} names its parameter ({@link InvalidParameterException#parameter()}),
 * so its message is translated by that name: through {@link #PARAMETERS} and {@link #OPTIONS}, or else by the naming rule
 * {@code normalScale -> --normal-scale} when the command has that option. Other messages are translated by
 * their first word, through {@link #OPTIONS} and {@link #NAMED_BY_RULE} only. Where several options carry a parameter, the one given on
 * the command line wins, else the first the command has ({@code domain} is {@code --domain} or {@code --ball}).
 */
public final class OptionNames {

    /**
     * Library parameter names whose option follows the naming rule ({@code maxSteps -> --max-steps}); a message
     * starting with one of them is translated even when it is not an {@link InvalidParameterException}.
     */
    private static final java.util.Set<String> NAMED_BY_RULE = java.util.Set.of(
            "samples", "steps", "horizon", "alpha", "basin", "maxSteps", "paths", "threads", "clip", "momentum",
            "weightDecay", "lrStep", "weightBound", "pareto", "clipOn", "passes", "batch", "largeBatch", "iterations",
            "noiseOff", "evalEvery", "dataset", "model", "subset", "corrupt", "x0", "level", "scale", "normalScale",
            "pPlus", "thin", "epsilon", "confidence", "engine");

    /** Library parameter name to the options that carry it, in order of preference, where the rule does not fit. */
    private static final Map<String, List<String>> OPTIONS = Map.ofEntries(
            Map.entry("gridPoints", List.of("--grid")),
            Map.entry("maxIterations", List.of("--lanczos-iterations")),
            Map.entry("eta", List.of("--eta", "--etas")),
            // train's method, or rare-event's and sweep's estimator (--method its old name there)
            Map.entry("method", List.of("--method", "--estimator")),
            Map.entry("c", List.of("--c", "--scale")));

    /**
     * Parameters translated only when an {@link InvalidParameterException} names them: their names also start
     * ordinary sentences ({@code landscape f has no minimum}, {@code noise must be set}).
     */
    private static final Map<String, List<String>> PARAMETERS = Map.ofEntries(
            Map.entry("landscape", List.of("--landscape")),
            Map.entry("domain", List.of("--domain", "--ball")),
            Map.entry("noise", List.of("--noise")),
            Map.entry("start", List.of("--x0")),
            Map.entry("b", List.of("--clip")),
            Map.entry("clipping", List.of("--clip-mode")),
            Map.entry("file", List.of("--input")),
            Map.entry("bLow", List.of("--b-range")),
            Map.entry("bHigh", List.of("--b-range")),
            Map.entry("targetRadius", List.of("--target")),
            Map.entry("threshold", List.of("--is-threshold")),
            Map.entry("expectedJumps", List.of("--is-jumps")),
            Map.entry("toward", List.of("--is-toward")),
            Map.entry("tailRatio", List.of("--is-tail")));

    private OptionNames() {
    }

    /**
     * The message of {@code t} in the command's words: by {@link InvalidParameterException#parameter()} when
     * {@code t} is one, else by its first word ({@link #translate(String, CommandSpec)}).
     */
    public static String message(Throwable t, CommandSpec spec) {
        return mentions(leading(t, spec), spec);
    }

    /** Every other parameter a library message names in backquotes ({@code `force`}) as the command's option. */
    static String mentions(String message, CommandSpec spec) {
        if (message == null || message.indexOf('`') < 0) {
            return message;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([A-Za-z][A-Za-z0-9]*)`").matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String p = m.group(1);
            List<String> options = PARAMETERS.getOrDefault(p, OPTIONS.getOrDefault(p, List.of(kebab(p))));
            String o = spec == null ? null : option(options, spec);
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(o == null ? kebab(p) : o));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String leading(Throwable t, CommandSpec spec) {
        String message = t.getMessage();
        if (t instanceof InvalidParameterException e && message != null && spec != null) {
            String p = e.parameter();
            int end = p == null ? -1 : p.length();
            if (end > 0 && message.startsWith(p) && end < message.length()
                    && (message.charAt(end) == ' ' || message.charAt(end) == ':')) {
                List<String> options = PARAMETERS.getOrDefault(p, OPTIONS.getOrDefault(p, List.of(kebab(p))));
                String o = option(options, spec);
                return o == null ? message : o + message.substring(end);
            }
            return message;
        }
        return translate(message, spec);
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
        String name = message.substring(0, end);
        List<String> options = OPTIONS.containsKey(name) ? OPTIONS.get(name)
                : NAMED_BY_RULE.contains(name) ? List.of(kebab(name)) : null;
        String o = options == null ? null : option(options, spec);
        return o == null ? message : o + message.substring(end);
    }

    /** The first of {@code options} given on the command line, else the first {@code spec} has; null if none. */
    private static String option(List<String> options, CommandSpec spec) {
        ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        if (parsed != null) {
            for (String o : options) {
                OptionSpec os = spec.findOption(o);
                if (os != null && parsed.hasMatchedOption(os)) {
                    return o;
                }
            }
        }
        for (String o : options) {
            if (spec.findOption(o) != null) {
                return o;
            }
        }
        return null;
    }

    /** {@code normalScale -> --normal-scale}. */
    static String kebab(String parameter) {
        StringBuilder sb = new StringBuilder("--");
        for (int i = 0; i < parameter.length(); i++) {
            char c = parameter.charAt(i);
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
