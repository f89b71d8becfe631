package dev.htsgd.cli.option;

import dev.htsgd.run.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@link Provenance} of a parsed command: its resolved options (from picocli, defaults and --config included). */
public final class CommandProvenance {

    private CommandProvenance() {
    }

    /** Provenance of a command and its seed. */
    public static Provenance of(CommandSpec spec, long seed) {
        return Provenance.of(spec.qualifiedName(" "), optionsOf(spec), seed);
    }

    /** The options of a parsed command, names without dashes, values as given or defaulted. */
    public static Map<String, Object> optionsOf(CommandSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName().replaceFirst("^-+", "");
            if (Provenance.NOT_CONFIGURATION.contains(name) || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            Object v = o.getValue();
            if (v == null) {
                continue;
            }
            m.put(name, yamlValue(v));
        }
        for (var p : spec.positionalParameters()) {
            Object v = p.getValue();
            if (v != null) {
                m.put(p.paramLabel().replaceAll("[<>]", "").toLowerCase(java.util.Locale.ROOT), yamlValue(v));
            }
        }
        return m;
    }

    private static Object yamlValue(Object v) {
        if (v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof double[] d) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < d.length; i++) {
                sb.append(i == 0 ? "" : ",").append(d[i]);
            }
            return sb.toString();
        }
        if (v instanceof java.util.Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        if (v.getClass().isArray()) {
            return java.util.Arrays.deepToString(new Object[] {v}).replaceAll("[\\[\\] ]", "");
        }
        return String.valueOf(v);
    }

}
