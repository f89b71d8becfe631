package dev.htsgd.cli;

import dev.htsgd.run.Json;
import dev.htsgd.run.Progress;
import dev.htsgd.cli.report.RunOptions;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.sim.BasinMap;
import dev.htsgd.sim.OccupationExperiment;
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
 * ({@link OccupationExperiment}). JSON keys: steps_per_second, fractions, near_minimum_fractions,
 * transitions, visits (architecture.md), plus the minima, the configuration and divergence flags.
 */
@Command(name = "simulate", header = "Simulate paths of the truncated recursion: time per basin, transitions and visits.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Simulate paths of X <- Proj(X + phi_b(-eta grad f(X) + eta Z)) and report the fraction of steps in each attraction field (aligned with the minima), within epsilon of each minimum, the transitions between minima and the sequence of visited minima. Results do not depend on --threads.",
            "",
            "Example (ICLR Fig. 2):",
            "  htsgd simulate --landscape iclr1d --noise pareto --alpha 1.2 --scale 0.1",
            "    --clip 0.5 --eta 0.001 --x0 0.3 --steps 1e7 --paths 10"})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    LandscapeOptions landscape;

    @Mixin
    NoiseOptions noise;

    @Mixin
    ClipOptions clip;

    @Mixin
    RunOptions run;

    @Mixin
    EngineOptions engine;

    @Option(names = "--eta", paramLabel = "E", defaultValue = "0.001", description = "Learning rate eta (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--x0", paramLabel = "X|x,y|min", defaultValue = "min",
            description = "Starting point, or min for the minimum of --basin (default: ${DEFAULT-VALUE}).")
    String x0;

    @Option(names = "--basin", paramLabel = "I", defaultValue = "0", description = "Basin whose minimum --x0 min starts at (0-based, default: ${DEFAULT-VALUE}).")
    int basin;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "1e7", description = "Steps per path (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--paths", paramLabel = "N", defaultValue = "10", description = "Independent paths (default: ${DEFAULT-VALUE}).")
    int paths;

    @Option(names = "--epsilon", paramLabel = "EPS",
            description = "Radius of the neighbourhoods of the minima (default: min(0.05, smallest radius / 4) in 1-D, 0.1 in 2-D).")
    Double epsilon;

    @Option(names = "--thin", paramLabel = "K", defaultValue = "0",
            description = "Keep every K-th state of each path as a trajectory (0: none; written with --out).")
    long thin;

    @Override
    public Integer call() {
        EngineSupport.checkEta(eta);
        if (epsilon != null) {
            OptionChecks.positive("--epsilon", epsilon);
        }
        OptionChecks.atLeast("--thin", thin, 0);
        if (steps <= 0) {
            throw new IllegalArgumentException("--steps must be > 0, got " + steps);
        }
        if (paths <= 0) {
            throw new IllegalArgumentException("--paths must be > 0, got " + paths);
        }
        int threads = common.effectiveThreads();
        Objective f = landscape.objective();
        NoiseModel z = noise.model();
        BasinMap map = BasinMap.of(f);
        double[] start = EngineSupport.startPoint(x0, f, map, basin);
        ClippedSgd sgd = EngineSupport.recursion(f, z, clip, eta, start);
        OccupationExperiment.Builder eb = OccupationExperiment.builder().sgd(sgd).basins(map).steps(steps)
                .paths(paths).thin(thin).seed(common.seed).engine(engine.requested());
        if (epsilon != null) {
            eb.epsilon(epsilon);
        }
        OccupationExperiment.Result r;
        try (Progress progress = Progress.start("simulate", steps * paths, common.quiet)) {
            OccupationExperiment exp = eb.progress(progress::advance).build();
            r = exp.run(threads);
            Map<String, Object> out = results(f, z, map, exp, sgd, r, threads);
            PrintWriter pw = spec.commandLine().getOut();
            if (common.json()) {
                Json.print(pw, out);
            } else {
                printTable(pw, f, map, exp, sgd, r);
            }
            if (common.out != null) {
                RunFiles.write(spec, common, run, "simulate", out, trajectoryRows(r, f.dimension()), trajectoryHeader(f.dimension()),
                        divergence(r));
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

    /** The first divergence with its path, as the one line for stderr and log.txt; null when none. */
    private static String divergence(OccupationExperiment.Result r) {
        DivergenceException d = r.firstDivergence();
        return d == null ? null : d.getMessage() + " (path " + firstDivergedPath(r) + ")";
    }

    private static int firstDivergedPath(OccupationExperiment.Result r) {
        for (OccupationExperiment.PathResult p : r.paths()) {
            if (p.divergence() != null) {
                return p.index();
            }
        }
        return -1;
    }

    private Map<String, Object> results(Objective f, NoiseModel z, BasinMap map, OccupationExperiment exp,
            ClippedSgd sgd, OccupationExperiment.Result r, int threads) {
        Map<String, Object> m = EngineSupport.map();
        m.put("command", "simulate");
        m.put("landscape", f.name());
        m.put("noise", z.describe());
        m.put("clip", clip.describe());
        m.put("clip_mode", sgd.clipping().cliName());
        m.put("eta", eta);
        m.put("x0", EngineSupport.nums(sgd.x0()));
        m.put("minima", EngineSupport.points(map.minima()));
        if (map instanceof BasinMap.OneD o) {
            m.put("maxima", EngineSupport.nums(o.maxima()));
        }
        m.put("epsilon", exp.epsilon());
        m.put("steps", steps);
        m.put("paths", paths);
        m.put("total_steps", r.totalSteps());
        m.put("seconds", r.seconds());
        m.put("threads", r.threads());
        m.put("engine", exp.engine().cliName());
        m.put("lanes", exp.engine() == dev.htsgd.dynamics.Engine.VECTOR ? EngineOptions.lanes() : 1);
        m.put("steps_per_second", EngineSupport.num(r.stepsPerSecond()));
        m.put("steps_per_second_per_thread", EngineSupport.num(r.stepsPerSecond() / r.threads()));
        m.put("steps_per_cpu_second", EngineSupport.num(r.stepsPerCpuSecond()));
        m.put("fractions", EngineSupport.nums(r.fractions()));
        m.put("near_minimum_fractions", EngineSupport.nums(r.nearMinimumFractions()));
        List<Object> tr = new ArrayList<>();
        for (long[] row : r.transitions()) {
            tr.add(Arrays.stream(row).boxed().toList());
        }
        m.put("transitions", tr);
        List<Object> visits = new ArrayList<>();
        List<Object> truncated = new ArrayList<>();
        for (OccupationExperiment.PathResult p : r.paths()) {
            int[] v = p.visits();
            visits.add(Arrays.stream(v, 0, Math.min(v.length, 1000)).boxed().toList());
            truncated.add(p.visitsTruncated() || v.length > 1000);
        }
        m.put("visits", visits);
        m.put("visits_truncated", truncated);
        List<Object> visited = new ArrayList<>();
        for (boolean b : r.visited()) {
            visited.add(b);
        }
        m.put("visited", visited);
        DivergenceException d = r.firstDivergence();
        m.put("diverged", d != null);
        m.put("divergence", d == null ? null : d.getMessage());
        m.put("seed", common.seed);
        m.put("config", sgd.describe());
        return m;
    }

    private void printTable(PrintWriter pw, Objective f, BasinMap map, OccupationExperiment exp, ClippedSgd sgd,
            OccupationExperiment.Result r) {
        pw.println(sgd.describe());
        pw.printf(Locale.ROOT, "%d paths x %d steps, epsilon %s, seed %d%n", paths, steps, EngineSupport.fmt(exp.epsilon()), common.seed);
        pw.printf(Locale.ROOT, "%-6s %-22s %-10s %-14s %-8s%n", "basin", "minimum", "fraction", "near-minimum", "visited");
        double[] fr = r.fractions();
        double[] nf = r.nearMinimumFractions();
        boolean[] vis = r.visited();
        double[][] mins = map.minima();
        for (int i = 0; i < fr.length; i++) {
            String mm = mins[i].length == 1 ? EngineSupport.fmt(mins[i][0])
                    : "(" + EngineSupport.fmt(mins[i][0]) + ", " + EngineSupport.fmt(mins[i][1]) + ")";
            pw.printf(Locale.ROOT, "%-6d %-22s %-10.6f %-14.6f %-8s%n", i, mm, fr[i], nf[i], vis[i] ? "yes" : "no");
        }
        pw.println("transitions (row: from, column: to):");
        for (long[] row : r.transitions()) {
            StringBuilder sb = new StringBuilder("  ");
            for (long v : row) {
                sb.append(String.format(Locale.ROOT, "%10d", v));
            }
            pw.println(sb);
        }
        pw.printf(Locale.ROOT, "%.3g steps/s on %d thread(s) (%.3g per thread; %.3g per CPU-second), %.2f s%n",
                r.stepsPerSecond(), r.threads(), r.stepsPerSecond() / r.threads(), r.stepsPerCpuSecond(), r.seconds());
        if (r.diverged()) {
            pw.println("DIVERGED: " + r.firstDivergence().getMessage());
        }
        pw.flush();
    }

    private static List<String> trajectoryHeader(int d) {
        return d == 1 ? List.of("path", "sample", "x") : List.of("path", "sample", "x", "y");
    }

    private static List<List<?>> trajectoryRows(OccupationExperiment.Result r, int d) {
        List<List<?>> rows = new ArrayList<>();
        for (OccupationExperiment.PathResult p : r.paths()) {
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
