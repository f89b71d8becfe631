package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.run.Study;
import dev.htsgd.run.StudyRunner;
import java.util.List;

/**
 * What a {@link ReproduceTarget} works with: the run directory (CSV, plots, checkpoint, log), the shared
 * HTML report, the seed and thread count, the size settings, and progress bars on stderr.
 *
 * @param run the run directory being written
 * @param report the report the target adds its sections to
 * @param seed the run's seed (each study derives its settings' streams from it by {@link dev.htsgd.sim.Streams#key})
 * @param threads worker threads (results do not depend on it)
 * @param quiet no progress bars
 * @param settings scale and overrides
 */
public record ReproduceContext(RunDirectory run, HtmlReport report, long seed, int threads, boolean quiet,
        ReproduceOptions settings) {

    public Scale scale() {
        return settings.scale;
    }

    /** {@code --etas} when given, else this size's learning rates. */
    public double[] etas(double[] full, double[] quick, double[] tiny) {
        double[] given = settings.etaValues();
        return given != null ? given : scale().pick(full, quick, tiny);
    }

    /** {@code --samples} when given, else this size's value. */
    public long samples(long full, long quick, long tiny) {
        return settings.samples != null ? settings.samples : scale().pick(full, quick, tiny);
    }

    /** {@code --max-steps} when given, else this size's value. */
    public long maxSteps(long full, long quick, long tiny) {
        return settings.maxSteps != null ? settings.maxSteps : scale().pick(full, quick, tiny);
    }

    /** {@code --steps} when given, else this size's value. */
    public long steps(long full, long quick, long tiny) {
        return settings.steps != null ? settings.steps : scale().pick(full, quick, tiny);
    }

    /** {@code --paths} when given, else this size's value. */
    public int paths(int full, int quick, int tiny) {
        return settings.paths != null ? settings.paths : scale().pick(full, quick, tiny);
    }

    /** {@code --engine} when given, else auto (each simulation resolves it; its settings command names the result). */
    public dev.htsgd.dynamics.Engine engine() {
        return settings.engineValue();
    }

    /** A progress bar over {@code total} units (off with --quiet). */
    public Progress progress(String label, long total) {
        return Progress.start(label, total, quiet);
    }

    /** Saves an XY plot under plots/. */
    public Plot plot(String name, Plots.Axes axes, List<Plots.Series> series) {
        return Plots.xy(run.plotsDir(), name, axes, series);
    }

    /**
     * Runs one setting of a study with the run's seed, threads and checkpoint (a resumed run takes the finished
     * tasks from it), advancing {@code progress} by one per task.
     */
    public <S, T, R> R run(Study<S, T, R> study, S setting, Progress progress) {
        return new StudyRunner(threads, run.checkpoint(), progress::advance).run(study, setting, seed);
    }

    /** Appends a line to log.txt. */
    public void log(String line) {
        run.log(line);
    }
}
