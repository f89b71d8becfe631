package dev.htsgd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Supplies option defaults from a {@code --config FILE.yaml}: a flat map whose keys are option names
 * without the leading dashes ({@code eta: 0.001}, {@code landscape: iclr1d}); lists become comma-separated
 * values. Command-line flags override the file because picocli consults defaults only for absent options.
 */
public final class YamlDefaults implements IDefaultValueProvider {

    private final Map<String, String> values;
    private final IDefaultValueProvider fallback;

    private YamlDefaults(Map<String, String> values, IDefaultValueProvider fallback) {
        this.values = values;
        this.fallback = fallback;
    }

    /** Reads the file; an unreadable or malformed file is bad input naming the file. */
    public static YamlDefaults read(Path file, IDefaultValueProvider fallback) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--config: no such file " + file);
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("--config: " + file + " must be a YAML map of option: value");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                String s = v.isArray()
                        ? StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(","))
                        : v.asText();
                values.put(e.getKey().replaceFirst("^-+", ""), s);
            }
            return new YamlDefaults(values, fallback);
        } catch (IOException e) {
            throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The keys of the file, for checking that each names an option of the command. */
    public Map<String, String> values() {
        return values;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) throws Exception {
        if (argSpec instanceof OptionSpec opt) {
            String v = values.get(opt.longestName().replaceFirst("^-+", ""));
            if (v != null) {
                return v;
            }
        }
        return fallback == null ? null : fallback.defaultValue(argSpec);
    }
}
