package dev.htsgd.cli.command;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.cli.Errors;
import dev.htsgd.cli.line.SimulateLine;
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
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.landscape.Domain;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.OccupationStudy;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code htsgd simulate}: paths of the truncated recursion and their long-run occupation of the minima
 * ({@link OccupationStudy}): parse the options into the study's settings, run it, render. JSON keys:
 * steps_per_second, fractions, near_minimum_fractions, transitions, visits (architecture.md), plus the minima, the
 * configuration, divergence flags and the limiting jump process's prediction beside the fractions. The
 * reproduce targets global-dynamics and two-d run the same study and print, per setting, the simulate command
 * line that recomputes it ({@link #commandLine}).
 */
@Command(name = "simulate", header = "Simulate paths of the truncated recursion: time per basin, transitions and visits.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Simulate paths of X <- Proj(X + phi_b(-eta grad f(X) + eta Z)) and report the fraction of steps in each attraction field (aligned with the minima), within epsilon of each minimum, the transitions between minima and the sequence of visited minima. Results do not depend on --threads.",
            "",
            "Example (ICLR Fig. 2):",
            "  htsgd simulate --landscape iclr1d --noise pareto --alpha 1.2 --scale 0.1",
            "    --clip 0.5 --eta 0.001 --x0 0.3 --steps 1e7 --paths 10"})
public final class SimulateCommand extends DynamicsCommand {

    @Mixin
    EngineOptions engine;

    @Mixin
    StartOptions start;

    @Option(names = "--eta", paramLabel = "E", defaultValue = Defaults.ETA, description = "Learning rate eta (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--steps", paramLabel = "N", defaultValue = Defaults.STEPS, description = "Steps per path (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--paths", paramLabel = "N", defaultValue = Defaults.PATHS, description = "Independent paths (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--epsilon", paramLabel = "EPS",
            description = "Radius of the neighbourhoods of the minima (default: min(0.05, smallest radius / 4) in 1-D, 0.1 in 2-D).")
    Double epsilon;

    @Option(names = "--thin", paramLabel = "K", defaultValue = "0",
            description = "Keep every K-th state of each path as a trajectory (0: none; written with --out).")
    long thin;

    /** The study's settings for the options given (the library validates them and names the parameter). */
    OccupationStudy.Settings settings() {
        if (epsilon != null) {
            OptionChecks.positive("--epsilon", epsilon);
        }
        return OccupationStudy.Settings.of(landscape.landscape, landscape.domainOverride(), noise.family, noise.alpha,
                noise.scale, noise.normalScale, noise.pPlus, clip.b(), clip.mode(),
                clip.project, eta, start.point(), start.basin, steps, paths, epsilon, thin, engine.requested());
    }

    @Override
    public Integer call() {
        OptionChecks.positive("--eta", eta);
        OptionChecks.atLeast("--thin", thin, 0);
        int threads = common.effectiveThreads();
        OccupationStudy.Settings s = settings();
        OccupationStudy.Model model = OccupationStudy.model(s);
        OccupationStudy.Result r;
        Map<String, Object> out;
        try (Progress progress = Progress.start("simulate", steps * paths, common.quiet)) {
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            r = new StudyRunner(threads, null, null).run(OccupationStudy.withProgress(progress::advance), s, common.seed);
            double seconds = (System.nanoTime() - t0) * 1e-9;
            double cpu = (processCpuNanos() - cpu0) * 1e-9;
            out = results(r, model, seconds, cpu, Math.min(threads, paths));
            PrintWriter pw = spec.commandLine().getOut();
            common.print(pw, out, () -> printTable(pw, r, model, out));
            if (common.out != null) {
                int d = model.objective().dimension();
                RunFiles.write(spec, common, run, "simulate", out, trajectoryRows(r, d), trajectoryHeader(d), divergence(r));
            }
        }
        String d = divergence(r);
        if (d != null) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("simulate: " + d + "; results above are up to the divergence, flagged diverged");
            err.flush();
            return Errors.BAD_INPUT;
        }
        return 0;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    /** The first divergence with its path, as the one line for stderr and log.txt; null when none. */
    private static String divergence(OccupationStudy.Result r) {
        OccupationStudy.Path p = r.firstDiverged();
        return p == null ? null : p.divergence() + " (path " + p.index() + ")";
    }

    private Map<String, Object> results(OccupationStudy.Result r, OccupationStudy.Model model, double seconds,
            double cpuSeconds, int usedThreads) {
        Map<String, Object> m = JsonValues.map();
        m.put("command", "simulate");
        m.put("landscape", model.objective().name());
        m.put("noise", model.noise().describe());
        m.put("clip", clip.describe());
        m.put("clip_mode", model.sgd().clipping().cliName());
        m.put("eta", eta);
        m.put("steps", steps);
        m.put("paths", paths);
        m.put("seconds", seconds);
        m.put("threads", usedThreads);
        m.put("engine", model.engine().cliName());
        m.put("lanes", model.engine() == Engine.VECTOR ? EngineOptions.lanes() : 1);
        double sps = seconds > 0 ? r.totalSteps() / seconds : Double.NaN;
        m.put("steps_per_second", JsonValues.num(sps));
        m.put("steps_per_second_per_thread", JsonValues.num(sps / usedThreads));
        m.put("steps_per_cpu_second", JsonValues.num(cpuSeconds > 0 ? r.totalSteps() / cpuSeconds : Double.NaN));
        m.putAll(SimulateLine.numbers(r));
        m.put("seed", common.seed);
        m.put("config", model.sgd().describe());
        return m;
    }

    private void printTable(PrintWriter pw, OccupationStudy.Result r, OccupationStudy.Model model, Map<String, Object> out) {
        pw.println(model.sgd().describe());
        pw.printf(Locale.ROOT, "%d paths x %d steps, epsilon %s, seed %d%n", paths, steps, JsonValues.fmt(model.epsilon()), common.seed);
        pw.printf(Locale.ROOT, "%-6s %-22s %-10s %-14s %-8s %-12s %-12s%n", "basin", "minimum", "fraction", "near-minimum",
                "visited", "stationary", "over-horizon");
        double[] fr = r.fractions();
        double[] nf = r.nearMinimumFractions();
        boolean[] vis = r.visited();
        double[][] mins = model.basins().minimumPoints();
        double[] st = r.prediction().stationary();
        double[] hz = r.prediction().finiteHorizon();
        for (int i = 0; i < fr.length; i++) {
            String mm = mins[i].length == 1 ? JsonValues.fmt(mins[i][0]) : java.util.Arrays.stream(mins[i])
                    .mapToObj(JsonValues::fmt).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
            pw.printf(Locale.ROOT, "%-6d %-22s %-10.6f %-14.6f %-8s %-12s %-12s%n", i, mm, fr[i], nf[i], vis[i] ? "yes" : "no",
                    st == null ? "-" : String.format(Locale.ROOT, "%.6f", st[i]), hz == null ? "-" : String.format(Locale.ROOT, "%.6f", hz[i]));
        }
        if (r.prediction().note() != null) {
            pw.println("limiting jump process: " + r.prediction().note());
        }
        pw.println("transitions (row: from, column: to):");
        for (long[] row : r.transitions()) {
            StringBuilder sb = new StringBuilder("  ");
            for (long v : row) {
                sb.append(String.format(Locale.ROOT, "%10d", v));
            }
            pw.println(sb);
        }
        double sps = r.totalSteps() / (double) out.get("seconds");
        int used = (int) out.get("threads");
        Object cpu = out.get("steps_per_cpu_second");
        pw.printf(Locale.ROOT, "%.3g steps/s on %d thread(s) (%.3g per thread; %.3g per CPU-second), %.2f s, %s engine%s%n",
                sps, used, sps / used, cpu == null ? Double.NaN : (double) cpu, (double) out.get("seconds"),
                out.get("engine"), "vector".equals(out.get("engine")) ? " (" + out.get("lanes") + " lanes)" : "");
        if (r.firstDiverged() != null) {
            pw.println("DIVERGED: " + r.firstDiverged().divergence());
        }
        pw.flush();
    }

    private static List<String> trajectoryHeader(int d) {
        return d == 1 ? List.of("path", "sample", "x") : List.of("path", "sample", "x", "y");
    }

    private static List<List<?>> trajectoryRows(OccupationStudy.Result r, int d) {
        List<List<?>> rows = new ArrayList<>();
        for (OccupationStudy.Path p : r.paths()) {
            double[] t = p.trajectory();
            for (int k = 0; k + d <= t.length; k += d) {
                if (d == 1) {
                    rows.add(List.of(p.index(), k, t[k]));
                } else {
                    rows.add(List.of(p.index(), k / d, t[k], t[k + 1]));
                }
            }
        }
        return rows;
    }
}
