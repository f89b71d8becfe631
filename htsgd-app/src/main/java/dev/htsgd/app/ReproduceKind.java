package dev.htsgd.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.htsgd.cli.Main;
import dev.htsgd.cli.reproduce.ReproduceTargets;
import dev.htsgd.spark.Cell;
import dev.htsgd.spark.SweepGrid;
import dev.htsgd.spark.SweepKind;
import dev.htsgd.spark.SweepSettings;
import dev.htsgd.spark.SweepSpec;
import dev.htsgd.spark.TaskKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code --experiment reproduce}: one task per reproduce target and seed ({@code --target A,B --seeds 1,2,3}),
 * each running {@code htsgd reproduce TARGET --seed S} into {@code runs/TARGET-sS} of the sweep's run directory.
 * The executors write those run directories themselves, so on a cluster the output must be on a file system
 * that the driver and the executors share (NFS, a mounted volume). A target directory that is already complete
 * is reused, so a retried or resumed task does not run it twice.
 *
 * <p>It lives here, not in htsgd-spark, because each task runs the command line tool; htsgd-spark finds it by
 * name through {@link java.util.ServiceLoader} (META-INF/services/dev.htsgd.spark.SweepKind).
 */
public final class ReproduceKind implements SweepKind {

    /** Compact JSON for the one-line task results. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String runs;

    /** The experiment before the sweep's run directory is known (what {@link java.util.ServiceLoader} makes). */
    public ReproduceKind() {
        this(null);
    }

    private ReproduceKind(String runs) {
        this.runs = runs;
    }

    @Override
    public SweepKind in(Path runDirectory) {
        return new ReproduceKind(runDirectory.resolve("runs").toAbsolutePath().toString());
    }

    @Override
    public String name() {
        return "reproduce";
    }

    @Override
    public List<String> settingKeys() {
        return List.of("size");
    }

    @Override
    public void validate(SweepSpec spec) {
        SweepGrid g = spec.grid();
        if (g.targets().size() == 1 && g.targets().get(0).isEmpty()) {
            throw new IllegalArgumentException("--target must name at least one reproduce target for --experiment reproduce");
        }
        for (String t : g.targets()) { // refused here, not by a failing task on an executor
            if (!ReproduceTargets.all().containsKey(t)) {
                throw new IllegalArgumentException("--target must be among " + ReproduceTargets.names() + ", got '" + t + "'");
            }
        }
        if (g.landscapes().size() * g.noises().size() * g.alphas().size() * g.scales().size() * g.clips().size()
                * g.etas().size() > 1) {
            throw new IllegalArgumentException("--experiment reproduce sweeps --target and --seeds only; "
                    + "each target has its own landscape, noise, b and eta");
        }
    }

    @Override
    public int tasks(Cell cell, SweepSettings settings) {
        return 1;
    }

    static String dirName(Cell cell) {
        return cell.target() + "-s" + cell.seed();
    }

    @Override
    public Worker worker(SweepSpec spec) {
        if (runs == null) {
            throw new IllegalStateException("the reproduce sweep has no run directory");
        }
        return (cell, r) -> {
            Path dir = Path.of(runs).resolve(dirName(cell));
            int code = 0;
            String err = "";
            if (!Files.isRegularFile(dir.resolve("results.json"))) {
                CommandLine cl = Main.newCommandLine();
                StringWriter out = new StringWriter();
                StringWriter errs = new StringWriter();
                cl.setOut(new PrintWriter(out));
                cl.setErr(new PrintWriter(errs));
                code = cl.execute("reproduce", cell.target(), "--seed", Long.toString(cell.seed()), "--scale",
                        spec.settings().size(), "--out", dir.toString(), "--force", "--quiet", "--format", "json");
                err = errs.toString().strip();
            }
            if (code != 0) { // its own one-line error, without the "htsgd reproduce: " of its command line
                String line = err.lines().findFirst().orElse("").replaceFirst("^htsgd reproduce: (error: )?", "");
                String m = "htsgd reproduce " + cell.target() + " --seed " + cell.seed() + " exited with " + code + ": " + line;
                throw code == 2 ? new IllegalArgumentException(m) : new IllegalStateException(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", cell.target());
            m.put("seed", cell.seed());
            m.put("run_directory", "runs/" + dirName(cell));
            try {
                return JSON.writeValueAsString(m);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Cell cell : spec.cells()) {
            String json = results.get(TaskKey.of(cell.index(), 0));
            if (json == null) {
                throw new IllegalStateException("task " + TaskKey.of(cell.index(), 0).id() + " has no stored result");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", cell.target());
            m.put("seed", cell.seed());
            m.put("run_directory", "runs/" + dirName(cell));
            if (runs != null) {
                Path res = Path.of(runs).resolve(dirName(cell)).resolve("results.json");
                try {
                    JsonNode n = JSON.readTree(Files.readString(res));
                    m.put("results", n);
                } catch (IOException e) {
                    m.put("results", null);
                }
            }
            list.add(m);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", cell.target());
            row.put("seed", cell.seed());
            row.put("run_directory", "runs/" + dirName(cell));
            rows.add(row);
            table.append(String.format(Locale.ROOT, "%-20s seed %-12d runs/%s%n", cell.target(), cell.seed(), dirName(cell)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", list);
        return new SweepOutcome(out, Map.of("runs.csv", rows), table.toString().stripTrailing());
    }
}
