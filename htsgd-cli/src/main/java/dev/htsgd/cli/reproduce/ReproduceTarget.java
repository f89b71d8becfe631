package dev.htsgd.cli.reproduce;

import java.util.Map;

/**
 * One paper experiment that {@code htsgd reproduce NAME} runs end to end (paper notes section 5; the DL
 * tables of section 6 plug in the same way). A target reads its sizes from {@link ReproduceContext#settings()},
 * writes CSV tables and plots into the run directory, adds its sections to the shared report, and returns its
 * results (they go to {@code results.json} and, with {@code --format json}, to stdout).
 *
 * <p>To add a target: implement this interface and add one line to {@link ReproduceTargets#ALL}.
 */
public interface ReproduceTarget {

    /**
     * What the command line knows of a target.
     *
     * @param name the name on the command line ({@code exit-times}, {@code rare-event}, ...)
     * @param description one line for {@code --help} and the list of valid names
     * @param options the {@link ReproduceOptions} overrides this target reads, as typed on the command line
     *     ({@code --etas}, {@code --samples}, {@code --max-steps}, {@code --steps}, {@code --paths}); any other
     *     override given is refused, since the target would silently ignore it (empty: {@code --size} only)
     */
    record Info(String name, String description, java.util.Set<String> options) {
    }

    /** The target's name, description and overrides. */
    Info info();

    /** The name on the command line. */
    default String name() {
        return info().name();
    }

    /** One line for {@code --help}. */
    default String description() {
        return info().description();
    }

    /** Runs the experiment; returns its results (maps, lists, numbers; no NaN). */
    Map<String, Object> run(ReproduceContext ctx) throws Exception;

    /** The overrides this target reads ({@link Info#options()}). */
    default java.util.Set<String> options() {
        return info().options();
    }

    /** Lines of the human-readable summary printed at the end (table format); default none. */
    default java.util.List<String> summary(Map<String, Object> results) {
        return java.util.List.of();
    }

    /**
     * A summary: the title, then one line per entry of the list {@code results.get(key)} (each a map of that
     * entry's results), indented.
     */
    static java.util.List<String> summaryLines(String title, Map<String, Object> results, String key,
            java.util.function.Function<Map<String, Object>, String> line) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(title);
        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> rows = (java.util.List<Map<String, Object>>) results.get(key);
        for (Map<String, Object> r : rows) {
            lines.add("  " + line.apply(r));
        }
        return lines;
    }
}
