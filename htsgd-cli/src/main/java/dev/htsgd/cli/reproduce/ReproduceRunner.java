package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.cli.option.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one or more reproduce targets into one run directory with one report: opens the
 * {@link RunDirectory} (atomic, {@code --force}, {@code --resume}), runs the targets in order, writes
 * {@code results.json} and {@code report.html}, renames the directory into place and prints where the report
 * is (or the results as JSON on stdout with {@code --format json}).
 */
public final class ReproduceRunner {

    private ReproduceRunner() {
    }

    /**
     * @param runName the default directory stem under ./htsgd-runs (a time stamp is appended)
     * @param title the report title
     * @param intro a paragraph at the top of the report
     * @return the exit code
     */
    public static int run(CommandSpec spec, CommonOptions common, RunOptions runOptions, ReproduceOptions settings,
            String runName, String title, String intro, List<ReproduceTarget> targets) throws Exception {
        int threads = common.effectiveThreads();
        settings.validate(targets);
        settings.refuseSizeAgainstConfig(spec, common.config);
        Provenance prov = dev.htsgd.cli.option.CommandProvenance.of(spec, common.seed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        try (RunDirectory run = RunDirectory.open(common.out, runName, runOptions.mode(), prov)) {
            Thread hook = new Thread(run::close, "htsgd-run-close");
            Runtime.getRuntime().addShutdownHook(hook);
            if (!common.quiet && !common.json()) {
                err.println("htsgd: writing " + run.path() + (run.resumed() ? " (resuming)" : ""));
                err.flush();
            }
            HtmlReport report = HtmlReport.titled(title).paragraph(intro).paragraph(dev.htsgd.cli.report.BasinNames.CONVENTION);
            ReproduceContext ctx = new ReproduceContext(run, report, common.seed, threads, common.quiet, settings);
            Map<String, Object> all = new LinkedHashMap<>();
            List<String> lines = new java.util.ArrayList<>();
            for (ReproduceTarget t : targets) {
                run.log("target " + t.name() + " started");
                Map<String, Object> r = t.run(ctx);
                all.put(t.name(), r);
                lines.addAll(t.summary(r));
                run.log("target " + t.name() + " finished");
                run.checkpoint().flush();
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            Map<String, Object> results = new LinkedHashMap<>();
            if (targets.size() == 1) {
                results.putAll(castMap(all.get(targets.get(0).name())));
            } else {
                results.put("targets", all);
            }
            results.put("seconds", seconds);
            Path target = run.target();
            results.put("run_dir", target.toString());
            results.put("report", target.resolve("report.html").toString());
            run.writeResults(results);
            report.paragraph(String.format(java.util.Locale.ROOT, "Run time %.1f s on %d thread(s).", seconds, threads));
            report.provenance(prov);
            report.write(run.path().resolve("report.html"));
            Path done = run.commit();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
            common.print(out, results, () -> {
                for (String l : lines) {
                    out.println(l);
                }
                out.printf(java.util.Locale.ROOT, "finished in %.1f s%n", seconds);
                out.println("report: " + done.resolve("report.html"));
            });
            return 0;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
