package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommandProvenance;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.EngineOptions;
import dev.htsgd.cli.option.RareEventOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.run.Progress;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.cli.option.ResumableRunOptions;
import dev.htsgd.noise.Noises;
import dev.htsgd.sim.rare.ImportanceSampling;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.RareEventStudy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@code htsgd rare-event}: the probability that the 1-D recursion reaches a level within a horizon, with a 95%
 * confidence interval, by large-jump importance sampling (default) or plain Monte Carlo. Defaults are LD
 * Table 2.1 (U(x) = x^4/10 - x^2, X_0 = 2.5, level 0, horizon floor(1/eta), Z = 0.2 W + 5 N(0,1), alpha 1.5).
 */
@Command(name = "rare-event", header = "Probability of a rare event within a horizon, by importance sampling or plain Monte Carlo.", mixinStandardHelpOptions = true,
        description = {"Probability that the 1-D SGD started at --x0 reaches --level within --horizon steps (default "
            + "floor(1/eta)), with a 95%% confidence interval; large-jump importance sampling reaches 1e-6 in seconds.",
            "Path r of a setting draws from a stream keyed by the seed and the setting's content (not its position in --etas), "
            + "so one eta alone gives the same numbers as in a list, a reproduce target or a sweep.",
            "Defaults: LD Table 2.1 (ld-quartic, x0 2.5, level 0, mixture noise 0.2 W + 5 N(0,1), alpha 1.5, b 1.5). "
            + "With --out DIR it also writes a run directory."})
public final class RareEventCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ResumableRunOptions run;

    @Mixin
    EngineOptions engine;

    @Mixin
    RareEventOptions event;

    @Option(names = "--landscape", paramLabel = "NAME|expr:F", defaultValue = "ld-quartic", description = "A 1-D landscape: iclr1d | ld-quartic | expr:F (a formula in x) (default: ${DEFAULT-VALUE}).")
    String landscape;

    @Option(names = "--noise", paramLabel = "pareto|lomax|mixture", defaultValue = "mixture", description = "pareto | lomax | mixture (default: ${DEFAULT-VALUE}).")
    String noise;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "1.5", description = "Tail index alpha (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--scale", paramLabel = "C", defaultValue = "0.2", description = "Scale c of the heavy part (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--normal-scale", paramLabel = "C", defaultValue = "5", description = "c_normal of the Gaussian part of mixture noise (default: ${DEFAULT-VALUE}).")
    double normalScale;

    @Option(names = "--clip", defaultValue = "1.5", paramLabel = "B|none", description = "Truncation threshold b, or none (default: ${DEFAULT-VALUE}).")
    String clip;

    @Option(names = "--x0", paramLabel = "X", defaultValue = "2.5", description = "Start X_0 (default: ${DEFAULT-VALUE}).")
    double x0;

    @Option(names = "--etas", split = ",", defaultValue = "1/200,1/400,1/600,1/800,1/1000", paramLabel = "E",
            description = "Learning rates; 1/200 style fractions accepted (default: ${DEFAULT-VALUE}).")
    List<String> etas;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "100000", description = "Paths per eta (default: ${DEFAULT-VALUE}).")
    long samples;

    // no defaultValue: it would overwrite what the old name set (see OldOptionNames)
    @Option(names = "--task-paths", paramLabel = "N",
            description = "Paths per task: the unit of work, checkpoint and summation (default: " + RareEventStudy.BATCH + ").")
    int batch = RareEventStudy.BATCH;

    @Option(names = "--is-threshold", paramLabel = "U", description = "Importance sampling: update size counted as a large jump (default min(b, |x0 - level|) / 30).")
    Double isThreshold;

    @Option(names = "--is-jumps", paramLabel = "K", description = "Importance sampling: mean proposed large jumps per path (default l* + 2).")
    Double isJumps;

    @Option(names = "--is-toward", paramLabel = "P", description = "Importance sampling: probability a proposed jump points towards the level (default 0.8).")
    Double isToward;

    @Option(names = "--is-tail", paramLabel = "R", description = "Importance sampling: proposal tail index over alpha, in (0, 1] (default 0.2).")
    Double isTail;

    @Spec
    CommandSpec spec;

    /** The settings of every eta, in the order given. */
    List<RareEventStudy.Settings> settings() {
        double b = parseClip(clip);
        RareEventStudy.Method m = RareEventStudy.Method.of(event.method);
        JumpNoise jn = JumpNoise.from(Noises.of(noise, alpha, scale, normalScale));
        double[] e = new double[etas.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = dev.htsgd.cli.reproduce.ReproduceOptions.parseEtaValue(etas.get(i).strip());
        }
        OptionChecks.distinct("--etas", e);
        OptionChecks.atLeast("--horizon", event.horizon, 0);
        boolean tuned = isThreshold != null || isJumps != null || isToward != null || isTail != null;
        if (tuned && m == RareEventStudy.Method.MC) {
            throw new IllegalArgumentException("--is-threshold, --is-jumps, --is-toward and --is-tail need --estimator is");
        }
        List<RareEventStudy.Settings> out = new ArrayList<>();
        for (double eta : e) {
            ImportanceSampling is = null;
            if (tuned) {
                ImportanceSampling d = ImportanceSampling.defaults(Math.abs(x0 - event.level), b);
                is = ImportanceSampling.of(isThreshold != null ? isThreshold : d.threshold(),
                        isJumps != null ? isJumps : d.expectedJumps(), isToward != null ? isToward : d.toward(),
                        isTail != null ? isTail : d.tailRatio());
            }
            out.add(RareEventStudy.Settings.of(landscape, jn, b, eta, x0, event.level, event.horizon, m, is,
                    samples, batch, engine.requested()));
        }
        return out;
    }

    @Override
    public Integer call() throws Exception {
        List<RareEventStudy.Settings> settings = settings();
        JumpNoise jn = settings.get(0).noise();
        int threads = common.effectiveThreads();
        PrintWriter out = spec.commandLine().getOut();
        RareEventStudy study = new RareEventStudy();
        long tasks = settings.stream().mapToLong(study::tasks).sum();
        RunDirectory dir = common.out == null ? null : RunDirectory.open(common.out, "rare-event", run.mode(), CommandProvenance.of(spec, common.seed));
        List<RareEventStudy.Result> est = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Progress p = Progress.start("rare-event", tasks, common.quiet)) {
            StudyRunner runner = new StudyRunner(threads, dir == null ? null : dir.checkpoint(), p::advance);
            for (RareEventStudy.Settings s : settings) {
                est.add(runner.run(study, s, common.seed));
            }
        } catch (RuntimeException ex) {
            if (dir != null) {
                dir.close();
            }
            throw ex;
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        List<Map<String, Object>> points = new ArrayList<>();
        for (RareEventStudy.Result x : est) {
            points.add(x.point());
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("points", points);
        results.put("noise", jn.describe());
        results.put("engine", settings.get(0).engine().cliName());
        results.put("seconds", seconds);
        if (dir != null) {
            try (dir) {
                results.put("run_dir", dir.target().toString());
                dir.writeResults(results);
                List<List<?>> rows = new ArrayList<>();
                for (RareEventStudy.Result r : est) {
                    RareEventEstimate x = r.estimate();
                    rows.add(List.of(x.eta(), x.estimate(), x.ciLow(), x.ciHigh(), x.relativeError(), x.samples(), x.method()));
                }
                List<String> header = List.of("eta", "estimate", "ci_low", "ci_high", "rel_error", "samples", "method");
                dir.writeCsv("rare-event.csv", header, rows);
                HtmlReport.titled("htsgd rare-event").paragraph(jn.describe()).table("Estimates", header, rows)
                        .provenance(dir.provenance()).write(dir.path().resolve("report.html"));
                dir.commit();
            }
        }
        common.print(out, results, () -> {
            out.println("eta          estimate     95% CI                        rel.err  method  samples");
            for (RareEventStudy.Result r : est) {
                RareEventEstimate x = r.estimate();
                out.printf(Locale.ROOT, "%-12.6g %-12.4e [%.4e, %.4e]  %6.3f   %-6s  %d%n", x.eta(), x.estimate(), x.ciLow(),
                        x.ciHigh(), x.relativeError(), x.method(), x.samples());
            }
            out.printf(Locale.ROOT, "%.1f s, %s engine%n", seconds, results.get("engine"));
            if (dir != null) {
                out.println("results: " + dir.target());
            }
        });
        return 0;
    }

    static double parseClip(String s) {
        if (s.equalsIgnoreCase("none") || s.equalsIgnoreCase("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double b = Double.parseDouble(s);
            if (b > 0) {
                return b;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--clip must be in (0, inf) or none, got " + s);
    }
}
