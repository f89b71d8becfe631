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

    /**
     * The terminal report: the summary, a line of task counts with the job time (executor start-up included) and
     * the task time (first task start to last task end), the steps per second over each when known, and where the
     * run directory is.
     */
    public String text() {
        String rates = "";
        if (results.get("tasks") instanceof Map<?, ?> tasks && tasks.get("steps_per_second_job") instanceof Double job) {
            rates = String.format(Locale.ROOT, "steps/s: %.4g over the job, %s over the tasks%n", job,
                    tasks.get("steps_per_second_tasks") instanceof Double t ? String.format(Locale.ROOT, "%.4g", t) : "-");
        }
        return summary + System.lineSeparator()
                + String.format(Locale.ROOT, "%d tasks: %d reused, %d computed in %.1f s job time, %.1f s task time "
                                + "(%.1f tasks/s of job time) on %s%n",
                        stats.total(), stats.reused(), stats.computed(), stats.seconds(), stats.taskSeconds(),
                        Double.isNaN(stats.tasksPerSecond()) ? 0.0 : stats.tasksPerSecond(), master)
                + rates
                + "run directory: " + directory;
    }
}
