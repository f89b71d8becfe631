package dev.htsgd.cli;

import dev.htsgd.run.Json;
import dev.htsgd.run.Progress;
import dev.htsgd.cli.report.RunOptions;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.sim.BasinMap;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.sim.Region;
import dev.htsgd.sim.Replications;
import dev.htsgd.theory.TimeScales;
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
 * {@code htsgd exit-times}: first exit times from one attraction field over a grid of eta
 * ({@link ExitTimeExperiment}), the fitted log-log slope of mean exit time against 1/eta with its interval,
 * and the predicted slope 1 + l* (alpha - 1) with l* = ceil(r / b) (paper notes section 3).
 */
@Command(name = "exit-times", header = "First exit times from one basin over a grid of eta, with the fitted and the predicted slope.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "First exit times of the truncated recursion from one attraction field, over a grid of eta. Censored runs (still inside after --max-steps) are counted and reported, never dropped. Fits the slope of log mean exit time against log(1/eta) and sets it beside the prediction 1 + l*(alpha - 1), l* = ceil(r/b).",
            "",
            "Example (ICLR Fig. 1):",
            "  htsgd exit-times --landscape iclr1d --basin 1 --noise pareto --alpha 1.2",
            "    --scale 0.1 --clip 0.5 --etas 0.1,0.05,0.02 --samples 20"})
public final class ExitTimesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    EngineOptions engine;

    @Mixin
    LandscapeOptions landscape;

    @Mixin
    NoiseOptions noise;

    @Mixin
    ClipOptions clip;

    @Mixin
    RunOptions run;

    @Option(names = "--eta", paramLabel = "E", description = "One learning rate (or use --etas).")
    Double eta;

    @Option(names = "--etas", paramLabel = "E", split = ",",
            description = "Learning rates of the grid (default: 0.1,0.05,0.02,0.01).")
    double[] etas;

    @Option(names = "--basin", paramLabel = "I", defaultValue = "1",
            description = "The attraction field to leave (0-based, aligned with the minima; default: ${DEFAULT-VALUE}, I_2 of iclr1d).")
    int basin;

    @Option(names = "--x0", paramLabel = "X|x,y|min", defaultValue = "min",
            description = "Starting point inside the field, or min for its minimum (default: ${DEFAULT-VALUE}).")
    String x0;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20", description = "Exit times per eta (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "5e7",
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
        int threads = common.effectiveThreads();
        Objective f = landscape.objective();
        NoiseModel z = noise.model();
        BasinMap map = BasinMap.of(f);
        if (basin < 0 || basin >= map.size()) {
            throw new IllegalArgumentException("--basin must be in [0, " + (map.size() - 1) + "], got " + basin);
        }
        Region field = Region.basin(map, basin);
        double[] start = EngineSupport.startPoint(x0, f, map, basin);
        double radius = radius(map);
        double b = clip.b();
        Integer jumps = Double.isFinite(radius) ? (Double.isInfinite(b) ? 1 : (int) Math.ceil(radius / b)) : null;
        PrintWriter err = spec.commandLine().getErr();
        // the prediction 1 + l*(alpha - 1) is a theorem for heavy tails with alpha > 1 only; outside that range
        // printing the formula's value would be a number with no theory behind it
        Double predicted = null;
        String predictedNote = null;
        if (jumps == null) {
            predictedNote = "the field has no finite radius, so l* is undefined";
        } else if (!z.isHeavyTailed() || !Double.isFinite(z.alpha())) {
            predictedNote = "noise " + z.name() + " is not heavy-tailed: the theory predicts no power law in 1/eta";
        } else if (!(z.alpha() > 1)) {
            predictedNote = "the theory's slope 1 + l*(alpha - 1) needs alpha > 1, got alpha = " + z.alpha();
            err.println("exit-times: warning: no predicted slope: " + predictedNote);
            err.flush();
        } else {
            predicted = TimeScales.slope(z.alpha(), jumps);
        }
        if (jumps != null && Double.isFinite(b)) {
            double q = radius / b;
            if (Math.abs(q - Math.rint(q)) < 1e-3) {
                err.println("exit-times: warning: r/b = " + q + " is within 1e-3 of an integer; the theory needs r/b not an integer");
            }
        }
        List<ExitTimeExperiment.Result> results = new ArrayList<>();
        java.util.Set<String> enginesUsed = new java.util.TreeSet<>();
        DivergenceException firstDiv = null;
        try (Progress progress = Progress.start("exit-times", (long) samples * grid.length, common.quiet)) {
            for (int k = 0; k < grid.length; k++) {
                ClippedSgd sgd = EngineSupport.recursion(f, z, clip, grid[k], start);
                ExitTimeExperiment exp = ExitTimeExperiment.builder().sgd(sgd).field(field).start(start)
                        .maxSteps(maxSteps).samples(samples).seed(common.seed).firstIndex((long) k * samples)
                        .engine(engine.requested()).build();
                enginesUsed.add(exp.engine().cliName());
                ExitTimeExperiment.Result res;
                if (exp.engine() == dev.htsgd.dynamics.Engine.VECTOR) {
                    res = exp.run(threads);
                    progress.advance(samples);
                } else {
                    List<ExitTimeExperiment.Replication> reps = Replications.run(samples, threads, i -> {
                        ExitTimeExperiment.Replication rep = exp.runReplication(i);
                        progress.step();
                        return rep;
                    });
                    res = ExitTimeExperiment.Result.of(reps, maxSteps);
                }
                results.add(res);
                if (firstDiv == null) {
                    firstDiv = res.firstDivergence();
                }
            }
        }
        double[] means = results.stream().mapToDouble(ExitTimeExperiment.Result::mean).toArray();
        double[] ses = results.stream().mapToDouble(ExitTimeExperiment.Result::stderr).toArray();
        LogLogFit fit = LogLogFit.of(grid, means, ses, 0.95);
        String slopeNote = fit != null ? fit.note()
                : grid.length < 2 ? "a single eta: no slope to fit (give --etas with at least two distinct values)"
                : "fewer than two etas with a finite positive mean exit time (no exits at the others): no slope";
        Map<String, Object> out = EngineSupport.map();
        out.put("command", "exit-times");
        out.put("landscape", f.name());
        out.put("noise", z.describe());
        out.put("clip", clip.describe());
        out.put("clip_mode", clip.mode().cliName());
        out.put("basin", basin);
        out.put("minima", EngineSupport.points(map.minima()));
        out.put("field", field.describe());
        out.put("x0", EngineSupport.nums(start));
        out.put("radius", EngineSupport.num(radius));
        out.put("jumps", jumps);
        out.put("engine", String.join(",", enginesUsed));
        List<Object> pts = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        for (int k = 0; k < grid.length; k++) {
            ExitTimeExperiment.Result r = results.get(k);
            Map<String, Object> p = EngineSupport.map();
            p.put("eta", grid[k]);
            p.put("mean", EngineSupport.num(r.mean()));
            p.put("stderr", EngineSupport.num(r.stderr()));
            p.put("samples", r.samples());
            p.put("censored", r.censored());
            p.put("exits", r.exits());
            p.put("diverged", r.diverged());
            p.put("mean_method", r.meanMethod());
            p.put("mean_lower_bound", EngineSupport.num(r.meanLowerBound()));
            p.put("max_steps", maxSteps);
            List<Object> locs = new ArrayList<>();
            for (double[] loc : r.exitLocations()) {
                locs.add(loc.length == 1 ? EngineSupport.num(loc[0]) : EngineSupport.nums(loc));
            }
            p.put("exit_locations", locs);
            pts.add(p);
            for (ExitTimeExperiment.Replication rep : r.replications()) {
                rows.add(List.of(grid[k], rep.index(), rep.steps(), rep.censored(), rep.diverged(),
                        rep.exitLocation() == null ? "" : rep.exitLocation()[0]));
            }
        }
        out.put("points", pts);
        out.put("slope", fit == null ? null : EngineSupport.num(fit.slope()));
        // NaN ends (no interval) must not reach List.of, which refuses nulls: the interval is null and the note says why
        out.put("slope_ci", fit == null || !fit.hasInterval() ? null : List.of(fit.ciLow(), fit.ciHigh()));
        out.put("slope_note", slopeNote);
        out.put("predicted_slope", predicted);
        out.put("predicted_slope_note", predictedNote);
        out.put("diverged", firstDiv != null);
        out.put("divergence", firstDiv == null ? null : firstDiv.getMessage());
        out.put("seed", common.seed);
        PrintWriter pw = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(pw, out);
        } else {
            pw.printf(Locale.ROOT, "exit from field %d %s of %s, start %s, noise %s, clip %s%n", basin, field.describe(),
                    f.name(), java.util.Arrays.toString(start), z.describe(), clip.describe());
            pw.printf(Locale.ROOT, "radius r = %s, jumps l* = %s%n", EngineSupport.fmt(radius), jumps == null ? "-" : jumps);
            pw.printf(Locale.ROOT, "%-10s %-14s %-12s %-8s %-9s %-9s%n", "eta", "mean", "stderr", "samples", "censored", "diverged");
            for (int k = 0; k < grid.length; k++) {
                ExitTimeExperiment.Result r = results.get(k);
                pw.printf(Locale.ROOT, "%-10s %-14s %-12s %-8d %-9d %-9d%s%n", EngineSupport.fmt(grid[k]),
                        EngineSupport.fmt(r.mean()), EngineSupport.fmt(r.stderr()), r.samples(), r.censored(), r.diverged(),
                        r.censored() > 0 ? "  (mean: exponential MLE under censoring)" : "");
            }
            pw.printf(Locale.ROOT, "slope %s, 95%% CI %s, predicted %s%n",
                    fit == null ? "-" : EngineSupport.fmt(fit.slope()),
                    fit == null || !fit.hasInterval() ? "-"
                            : "[" + EngineSupport.fmt(fit.ciLow()) + ", " + EngineSupport.fmt(fit.ciHigh()) + "]",
                    predicted == null ? "-" : EngineSupport.fmt(predicted));
            if (slopeNote != null) {
                pw.println("slope: " + slopeNote);
            }
            if (predictedNote != null) {
                pw.println("predicted: " + predictedNote);
            }
            pw.flush();
        }
        if (common.out != null) {
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

    private double[] grid() {
        if (eta != null && etas != null) {
            throw new IllegalArgumentException("--eta and --etas exclude each other");
        }
        double[] g = eta != null ? new double[] {eta} : (etas != null ? etas : new double[] {0.1, 0.05, 0.02, 0.01});
        for (double e : g) {
            EngineSupport.checkEta(e);
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

    private double radius(BasinMap map) {
        if (map instanceof BasinMap.OneD o) {
            return o.radius(basin);
        }
        if (map instanceof BasinMap.Grid2D g) {
            return g.radius(basin);
        }
        return Double.NaN;
    }
}
