package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommandProvenance;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.cli.option.RunOptions;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** Writes the run directory of an engine command (--out): config.yaml, results.json and an optional CSV table. */
final class RunFiles {

    private RunFiles() {
    }

    static void write(CommandSpec spec, CommonOptions common, RunOptions options, String name, Map<String, Object> results,
            List<List<?>> rows, List<String> header) {
        write(spec, common, options, name, results, rows, header, null);
    }

    /**
     * @param divergence the first divergence of the run, or null; when set, log.txt ends with it (step and
     *     state) instead of "finished", so the directory of a diverged run does not read as a clean one
     */
    static void write(CommandSpec spec, CommonOptions common, RunOptions options, String name, Map<String, Object> results,
            List<List<?>> rows, List<String> header, String divergence) {
        Provenance prov = CommandProvenance.of(spec, common.seed);
        try (RunDirectory run = RunDirectory.open(common.out, name, options.mode(), prov)) {
            run.writeResults(results);
            if (rows != null && !rows.isEmpty()) {
                run.writeCsv(name.equals("simulate") ? "trajectory.csv" : "exit-times.csv", header, rows);
            }
            run.commit(divergence == null ? "finished" : "diverged: " + divergence);
        }
    }
}
