package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.reproduce.ReproduceOptions;
import dev.htsgd.cli.reproduce.ReproduceRunner;
import dev.htsgd.cli.reproduce.ReproduceTarget;
import dev.htsgd.cli.reproduce.ReproduceTargets;
import dev.htsgd.cli.option.ResumableRunOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code htsgd reproduce NAME}: a paper experiment end to end, with a run directory and report.html. */
@Command(name = "reproduce", header = "Run a paper experiment end to end into a run directory with a report.", mixinStandardHelpOptions = true,
        description = {"Run a paper experiment end to end and write its run directory: config.yaml, results.json, CSV "
            + "tables, plots (PNG and SVG) and a self-contained report.html that sets the measured numbers beside the "
            + "theory and the published values.",
            "Output: --out DIR, or ./htsgd-runs/reproduce-NAME-YYYYMMDD-HHMMSS. Files go to DIR.partial until the run is "
            + "complete; --resume continues a killed run to the same result."})
public final class ReproduceCommand implements Callable<Integer> {

    @Mixin
    public CommonOptions common;

    @Mixin
    public ResumableRunOptions run;

    @Mixin
    public ReproduceOptions settings;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = ReproduceTargets.Names.class,
            description = "The experiment to reproduce: ${COMPLETION-CANDIDATES}.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReproduceTarget t = ReproduceTargets.get(name);
        return ReproduceRunner.run(spec, common, run, settings, "reproduce-" + t.name(),
                "htsgd reproduce " + t.name(), t.description(), List.of(t));
    }
}
