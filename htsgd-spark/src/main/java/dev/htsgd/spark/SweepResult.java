package dev.htsgd.spark;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * What a finished sweep gives its front end: the content of results.json, the experiment's readable summary,
 * the task counts and times of the job, the master it ran on and the committed run directory.
 */
public record SweepResult(Map<String, Object> results, String summary, SparkSweepRunner.Stats stats, String master,
                          Path directory) {

    /** The terminal report: the summary, a line of task counts and rates, and where the run directory is. */
    public String text() {
        return summary + System.lineSeparator()
                + String.format(Locale.ROOT, "%d tasks: %d reused, %d computed in %.1f s (%.1f tasks/s) on %s%n",
                        stats.total(), stats.reused(), stats.computed(), stats.seconds(),
                        Double.isNaN(stats.tasksPerSecond()) ? 0.0 : stats.tasksPerSecond(), master)
                + "run directory: " + directory;
    }
}
