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

    /** The name on the command line ({@code exit-times}, {@code rare-event}, ...). */
    String name();

    /** One line for {@code --help} and the list of valid names. */
    String description();

    /** Runs the experiment; returns its results (maps, lists, numbers; no NaN). */
    Map<String, Object> run(ReproduceContext ctx) throws Exception;

    /**
     * The {@link ReproduceOptions} overrides this target reads, as typed on the command line ({@code --etas},
     * {@code --samples}, {@code --max-steps}, {@code --steps}, {@code --paths}); any other override given is
     * refused, since the target would silently ignore it. Default: none ({@code --size} only).
     */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }

    /** Lines of the human-readable summary printed at the end (table format); default none. */
    default java.util.List<String> summary(Map<String, Object> results) {
        return java.util.List.of();
    }
}
