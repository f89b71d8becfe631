package dev.htsgd.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.htsgd.io.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Supplies option defaults from a {@code --config FILE.yaml}: a flat map whose keys are option names
 * without the leading dashes ({@code eta: 0.001}, {@code landscape: iclr1d}, {@code max-steps: 1e7}); lists
 * become comma-separated values. Command-line flags override the file because picocli consults defaults
 * only for absent options. A run directory's {@code config.yaml} is such a file: its positional parameters
 * are keyed by their label ({@code name: b-map} for {@code reproduce NAME}) and its {@code provenance}
 * block is skipped.
 *
 * <p>A file whose values would be silently dropped or mangled is refused instead, with one line naming the
 * file, the line and the key: binary data, YAML syntax errors, duplicate keys, maps or nested lists as
 * values, empty values and NaN ({@link #read}); keys that are no option of the command, with the closest
 * option's name ({@link #checkKeys}, once the command is known).
 */
public final class YamlDefaults implements IDefaultValueProvider {

    /**
     * The block a run directory's {@code config.yaml} ends with (seed, versions, commit): a record of where
     * the file came from, not an option, so that the file can be given back to {@code --config}.
     */
    static final String PROVENANCE = "provenance";

    /** One key of the file: its value as option text, and where it was, for messages. */
    private record Entry(String value, int line) {
    }

    private final Path file;
    private final Map<String, Entry> values;
    private final IDefaultValueProvider fallback;

    private YamlDefaults(Path file, Map<String, Entry> values, IDefaultValueProvider fallback) {
        this.file = file;
        this.values = values;
        this.fallback = fallback;
    }

    /** Reads and checks the file; every problem is an {@link IllegalArgumentException} of one line. */
    public static YamlDefaults read(Path file, IDefaultValueProvider fallback) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--config: no such file " + file);
        }
        String text;
        try {
            text = TextFiles.read(file);
        } catch (TextFiles.NotTextException e) {
            throw new IllegalArgumentException("--config " + e.getMessage() + "; expected YAML (option: value lines)");
        } catch (IOException e) {
            throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage());
        }
        // The streaming parser rather than readTree: it gives the line of each key, and readTree would keep
        // the last of two equal keys without a word.
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            Map<String, Entry> values = new LinkedHashMap<>();
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlDefaults(file, values, fallback); // an empty file (or only comments) sets nothing
            }
            if (t != JsonToken.START_OBJECT) {
                throw bad(file, p.currentTokenLocation().getLineNr(), "must be a YAML map of option: value, got " + describe(t));
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                int line = p.currentTokenLocation().getLineNr();
                String key = p.currentName().replaceFirst("^-+", "");
                if (key.equals(PROVENANCE)) {
                    p.nextToken();
                    p.skipChildren();
                    continue;
                }
                Entry first = values.get(key);
                if (first != null) {
                    throw bad(file, line, "duplicate key '" + key + "' (first on line " + first.line() + ")");
                }
                values.put(key, new Entry(value(file, p, key, line), line));
            }
            if (p.nextToken() != null) {
                throw bad(file, p.currentTokenLocation().getLineNr(), "expected one YAML map of option: value");
            }
            return new YamlDefaults(file, values, fallback);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw bad(file, line, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").strip());
        } catch (IOException e) {
            throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The value after a key: a scalar or a list of scalars, as the text picocli converts. */
    private static String value(Path file, JsonParser p, String key, int line) throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    throw bad(file, p.currentTokenLocation().getLineNr(), key + ": a list may hold only values, got " + describe(t));
                }
                items.add(scalar(file, p, t, key));
            }
            if (items.isEmpty()) {
                throw bad(file, line, key + ": the list is empty");
            }
            return String.join(",", items);
        }
        if (t == JsonToken.START_OBJECT) {
            throw bad(file, line, key + ": expected a value or a list of values, got " + describe(t));
        }
        return scalar(file, p, t, key);
    }

    private static String scalar(Path file, JsonParser p, JsonToken t, String key) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.VALUE_NULL) {
            throw bad(file, line, key + " has no value (leave the key out for the default)");
        }
        // YAML's .nan and .inf are floats to the parser but not numbers it can convert; by their text.
        String text = p.getText();
        if (t == JsonToken.VALUE_NUMBER_FLOAT && text.matches("\\.(nan|NaN|NAN)")) {
            throw bad(file, line, key + ": " + text + " is not a number");
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT && text.matches("[-+]?\\.(inf|Inf|INF)")) {
            return text.startsWith("-") ? "-Infinity" : "Infinity"; // the spelling Double.parseDouble accepts
        }
        // The text as written (1e7 stays 1e7, 1/200 stays 1/200): the option converters read it as typed.
        return text;
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "a map";
            case START_ARRAY -> "a list";
            default -> "a single value";
        };
    }

    private static IllegalArgumentException bad(Path file, int line, String what) {
        return new IllegalArgumentException("--config " + file + (line > 0 ? " line " + line : "") + ": " + what);
    }

    /**
     * Checks that every key of the file names an option of {@code command}, and that no two keys name the
     * same option (by two of its names). Runs once the command line has chosen the command, since the
     * file may serve any of them.
     */
    public void checkKeys(CommandSpec command) {
        Map<String, OptionSpec> names = new LinkedHashMap<>();
        for (OptionSpec o : command.options()) {
            if (o.usageHelp() || o.versionHelp() || List.of(o.names()).contains("--config")) {
                continue;
            }
            for (String n : o.names()) {
                names.put(strip(n), o);
            }
        }
        Map<OptionSpec, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Entry> e : values.entrySet()) {
            String key = e.getKey();
            OptionSpec o = names.get(key);
            if (o == null && positional(command, key) != null) {
                continue;
            }
            if (o == null) {
                throw bad(file, e.getValue().line(), "'" + key + "' is not an option of " + command.qualifiedName()
                        + closest(key, names.keySet()));
            }
            String other = seen.put(o, key);
            if (other != null) {
                throw bad(file, e.getValue().line(), "'" + key + "' and '" + other + "' are the same option " + o.longestName());
            }
        }
    }

    /** "; did you mean 'steps'?" for the option name nearest to {@code key} in edit distance. */
    static String closest(String key, Iterable<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = editDistance(key, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best == null ? " (it has no options)" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit ({@code stpes} -> {@code steps}: 1). */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * {@code ex} with the file, line and key in front when the refused value came from this file (the
     * option is not on the command line {@code args}): picocli's message names only the option, which the
     * user never typed.
     */
    ParameterException explain(ParameterException ex, String[] args) {
        if (!(ex.getArgSpec() instanceof OptionSpec opt)) {
            return ex;
        }
        for (String n : opt.names()) {
            for (String a : args) {
                if (a.equals(n) || a.startsWith(n + "=")) {
                    return ex;
                }
            }
        }
        for (String n : opt.names()) {
            Entry v = values.get(strip(n));
            if (v != null) {
                return new ParameterException(ex.getCommandLine(),
                        "--config " + file + " line " + v.line() + ": " + strip(n) + ": " + ex.getMessage(), ex, opt, v.value());
            }
        }
        return ex;
    }

    private static String strip(String optionName) {
        return optionName.replaceFirst("^-+", "");
    }

    /** The keys of the file and their values as option text. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.value()));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The positional parameter whose label, lower case without brackets, is {@code key} ({@code name} for
     * {@code reproduce NAME}): how a run's config.yaml records it.
     */
    private static PositionalParamSpec positional(CommandSpec command, String key) {
        for (PositionalParamSpec p : command.positionalParameters()) {
            if (label(p).equals(key)) {
                return p;
            }
        }
        return null;
    }

    private static String label(PositionalParamSpec p) {
        return p.paramLabel().replaceAll("[<>]", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argSpec) throws Exception {
        if (argSpec instanceof PositionalParamSpec pos) {
            Entry v = values.get(label(pos));
            if (v != null) {
                return v.value();
            }
        }
        if (argSpec instanceof OptionSpec opt) {
            // any name of the option: with aliases (--eta and --etas) the file may use either
            for (String n : opt.names()) {
                Entry v = values.get(strip(n));
                if (v != null) {
                    return v.value();
                }
            }
        }
        return fallback == null ? null : fallback.defaultValue(argSpec);
    }
}
