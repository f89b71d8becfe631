package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.run.RunDirectory;
import java.util.List;

/**
 * What a {@link ReproduceTarget} works with: the run directory (CSV, plots, checkpoint, log), the shared
 * HTML report, the seed and thread count, the size settings, and progress bars on stderr.
 *
 * @param run the run directory being written
 * @param report the report the target adds its sections to
 * @param seed the run's seed (studies key their streams from it per setting, {@link dev.htsgd.sim.Streams#key})
 * @param threads worker threads (results do not depend on it)
 * @param quiet no progress bars
 * @param settings scale and overrides
 */
public record ReproduceContext(RunDirectory run, HtmlReport report, long seed, int threads, boolean quiet,
        ReproduceOptions settings) {

    public Scale scale() {
        return settings.scale;
    }

    /** A progress bar over {@code total} units (off with --quiet). */
    public Progress progress(String label, long total) {
        return Progress.start(label, total, quiet);
    }

    /** Saves an XY plot under plots/. */
    public Plot plot(String name, Plots.Axes axes, List<Plots.Series> series) {
        return Plots.xy(run.plotsDir(), name, axes, series);
    }

    /** Appends a line to log.txt. */
    public void log(String line) {
        run.log(line);
    }
}
