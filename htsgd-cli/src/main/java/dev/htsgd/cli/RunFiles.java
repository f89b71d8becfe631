package dev.htsgd.cli;

import dev.htsgd.cli.report.Provenance;
import dev.htsgd.cli.report.RunDirectory;
import dev.htsgd.cli.report.RunOptions;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Writes the run directory of an engine command (--out): config.yaml, results.json and an optional CSV table. */
final class RunFiles {

    private RunFiles() {
    }

    /** The engine commands run in one go: --resume has nothing to continue. */
    static void checkNoResume(RunOptions options) {
        if (options != null && options.resume) {
            throw new IllegalArgumentException("--resume is not supported here: the run is not checkpointed; rerun it (same seed, same results)");
        }
    }

    static void write(CommandSpec spec, CommonOptions common, RunOptions options, String name, Map<String, Object> results,
            List<List<?>> rows, List<String> header) {
        Provenance prov = Provenance.of(spec, common.seed);
        try (RunDirectory run = RunDirectory.open(common.out, name, options, prov)) {
            run.writeResults(results);
            if (rows != null && !rows.isEmpty()) {
                run.writeCsv(name.equals("simulate") ? "trajectory.csv" : "exit-times.csv", header, rows);
            }
            run.commit();
        }
    }
}
