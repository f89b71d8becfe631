package dev.htsgd.cli.command;

import dev.htsgd.check.Require;
import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.cli.Errors;
import dev.htsgd.cli.line.ExitTimesLine;
import dev.htsgd.cli.option.ClipOptions;
import dev.htsgd.cli.option.Defaults;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.EngineOptions;
import dev.htsgd.cli.option.StartOptions;
import dev.htsgd.cli.option.LandscapeOptions;
import dev.htsgd.cli.option.NoiseOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.run.Progress;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ExitTimeStudy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd exit-times}: first exit times from one attraction field over a grid of eta, the fitted log-log
 * slope of mean exit time against 1/eta with its interval, and the predicted slope 1 + l* (alpha - 1) with
 * l* = ceil(r / b) (paper notes section 3). A thin adapter: options -> {@link ExitTimeStudy.Settings} ->
 * {@link StudyRunner} -> {@link #json} / text; {@link #commandLine} is the inverse of the parsing, used by the
 * reproduce target to say which command computes each of its settings alone.
 */
@Command(name = "exit-times", header = "First exit times from one basin over a grid of eta, with the fitted and the predicted slope.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "First exit times of the truncated recursion from one attraction field, over a grid of eta. Censored runs (still inside after --max-steps) are counted and reported, never dropped. Fits the slope of log mean exit time against log(1/eta) and sets it beside the prediction 1 + l*(alpha - 1), l* = ceil(r/b).",
            "",
            "Example (ICLR Fig. 1):",
            "  htsgd exit-times --landscape iclr1d --basin 1 --noise pareto --alpha 1.2",
            "    --scale 0.1 --clip 0.5 --etas 0.1,0.05,0.02 --samples 20"})
public final class ExitTimesCommand extends DynamicsCommand {

    @Mixin
    EngineOptions engine;

    @Mixin
    StartOptions start;

    @Option(names = "--eta", paramLabel = "E", description = "One learning rate (or use --etas).")
    Double eta;

    @Option(names = "--etas", paramLabel = "E", split = ",",
            description = "Learning rates of the grid (default: " + Defaults.ETAS + ").")
    double[] etas;

    @Option(names = "--samples", paramLabel = "N", defaultValue = Defaults.SAMPLES, description = "Exit times per eta (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = Defaults.MAX_STEPS,
            description = "Step cap per run; runs still inside are censored (default: ${DEFAULT-VALUE}).")
    long maxSteps;

    @Override
    public Integer call() {
        double[] grid = grid();
        if (samples <= 0) {
            throw new IllegalArgumentException("--samples must be > 0, got " + samples);
        }
        if (maxSteps <= 0) {
            throw new IllegalArgumentException("--max-steps must be > 0, got " + maxSteps);
        }
        ExitTimeStudy.Settings settings = settings(landscape.objective(), grid);
        ExitTimeStudy.Result result;
        try (Progress progress = Progress.start("exit-times", ExitTimeStudy.of().tasks(settings), common.quiet)) {
            result = new StudyRunner(common.effectiveThreads(), null, progress::advance)
                    .run(ExitTimeStudy.of(), settings, common.seed);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String w : result.warnings()) {
            err.println("exit-times: warning: " + w);
        }
        err.flush();
        Map<String, Object> out = ExitTimesLine.json(settings, result, common.seed);
        DivergenceException firstDiv = result.firstDivergence();
        PrintWriter pw = spec.commandLine().getOut();
        common.print(pw, out, () -> text(pw, settings, result));
        if (common.out != null) {
            List<List<?>> rows = new ArrayList<>();
            for (ExitTimeStudy.Point pt : result.points()) {
                for (ExitTimeExperiment.Replication rep : pt.exits().replications()) {
                    rows.add(List.of(pt.eta(), rep.index(), rep.steps(), rep.censored(), rep.diverged(),
                            rep.exitLocation() == null ? "" : rep.exitLocation()[0]));
                }
            }
            RunFiles.write(spec, common, run, "exit-times", out, rows,
                    List.of("eta", "replication", "steps", "censored", "diverged", "exit_location"),
                    firstDiv == null ? null : firstDiv.getMessage() + " (those runs are excluded and counted as diverged)");
        }
        if (firstDiv != null) {
            err.println("exit-times: " + firstDiv.getMessage() + " (those runs are excluded and counted as diverged)");
            err.flush();
            return Errors.BAD_INPUT;
        }
        return 0;
    }

    /** The options as the study's settings. */
    private ExitTimeStudy.Settings settings(Objective f, double[] grid) {
        BasinMap map = BasinMap.of(f);
        Require.closed("basin", start.basin, 0, map.size() - 1); // the field to leave, also when --x0 is a point
        double[] x0 = map.start(start.point(), start.basin);
        return new ExitTimeStudy.Settings(f, noise.model(), clip.b(), clip.mode(), clip.project, start.basin, x0, grid,
                samples, maxSteps, engine.requested(), map);
    }

    private static void text(PrintWriter pw, ExitTimeStudy.Settings s, ExitTimeStudy.Result r) {
        LogLogFit fit = r.fit();
        pw.printf(Locale.ROOT, "exit from field %d %s of %s, start %s, noise %s, clip %s%n", s.basin(),
                s.field().describe(), s.objective().name(), dev.htsgd.cli.report.Numbers.vector(s.start(), 6), s.noise().describe(),
                Double.isInfinite(s.clip()) ? "none" : Double.toString(s.clip()));
        pw.printf(Locale.ROOT, "radius r = %s, jumps l* = %s, %s engine%n", JsonValues.fmt(r.radius()),
                r.jumps() == null ? "-" : r.jumps(), r.engines());
        pw.printf(Locale.ROOT, "%-10s %-14s %-12s %-8s %-9s %-9s %-14s%n", "eta", "mean", "stderr", "samples",
                "censored", "diverged", "theory mean");
        for (ExitTimeStudy.Point pt : r.points()) {
            ExitTimeExperiment.Result e = pt.exits();
            pw.printf(Locale.ROOT, "%-10s %-14s %-12s %-8d %-9d %-9d %-14s%s%n", JsonValues.fmt(pt.eta()),
                    JsonValues.fmt(e.mean()), JsonValues.fmt(e.stderr()), e.samples(), e.censored(), e.diverged(),
                    JsonValues.fmt(pt.predictedMean()),
                    e.censored() > 0 ? "  (mean: exponential MLE under censoring)" : "");
        }
        pw.printf(Locale.ROOT, "slope %s, 95%% CI %s, predicted %s%n",
                fit == null ? "-" : JsonValues.fmt(fit.slope()),
                fit == null || !fit.hasInterval() ? "-"
                        : "[" + JsonValues.fmt(fit.ciLow()) + ", " + JsonValues.fmt(fit.ciHigh()) + "]",
                r.predictedSlope() == null ? "-" : JsonValues.fmt(r.predictedSlope()));
        if (r.slopeNote() != null) {
            pw.println("slope: " + r.slopeNote());
        }
        if (r.predictedSlopeNote() != null) {
            pw.println("predicted: " + r.predictedSlopeNote());
        }
        pw.flush();
    }

    private static final double[] DEFAULT_ETAS = java.util.Arrays.stream(Defaults.ETAS.split(","))
            .mapToDouble(Double::parseDouble).toArray();

    private double[] grid() {
        if (eta != null && etas != null) {
            throw new IllegalArgumentException("--eta and --etas exclude each other");
        }
        double[] g = eta != null ? new double[] {eta} : (etas != null ? etas : DEFAULT_ETAS);
        for (double e : g) {
            OptionChecks.positive("--eta", e);
        }
        // a grid is for the slope, which needs two distinct etas; one learning rate is --eta
        if (etas != null && java.util.Arrays.stream(etas).distinct().count() < 2) {
            throw new IllegalArgumentException("--etas needs at least two distinct values to fit a slope, got "
                    + java.util.Arrays.toString(etas) + " (use --eta for a single learning rate)");
        }
        if (etas != null) {
            OptionChecks.distinct("--etas", etas);
        }
        return g.clone();
    }
}
