package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.cli.Json;
import dev.htsgd.cli.Main;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.OccupationExperiment;
import dev.htsgd.sim.RareEventMonteCarlo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code htsgd sweep} end to end on local[2]: the results equal those of the engine run locally on one
 * thread with the same seed, a resumed sweep computes only the missing tasks, and bad input is one line
 * with exit code 2.
 */
class SweepCommandSparkTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void shareContext() {
        SparkSweepBackend.share(TestSpark.context());
    }

    static String[] run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    static JsonNode json(String[] r) throws Exception {
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        return Json.MAPPER.readTree(r[1]);
    }

    static final String[] EXIT_TIMES = {"sweep", "--experiment", "exit-times", "--landscape", "iclr1d", "--noise", "pareto",
        "--alpha", "1.2", "--scale", "0.1", "--clip", "0.5,none", "--eta", "0.1,0.05", "--seeds", "11,12",
        "--samples", "6", "--max-steps", "2e5", "--quiet", "--format", "json"};

    static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void exitTimesSweepEqualsTheLocalRunBitForBit() throws Exception {
        Path out = tmp.resolve("exit");
        JsonNode res = json(run(with(EXIT_TIMES, "--out", out.toString())));
        assertThat(res.path("tasks").path("total").asInt()).isEqualTo(2 * 2 * 2 * 6);
        assertThat(res.path("tasks").path("computed").asInt()).isEqualTo(48);
        JsonNode groups = res.path("groups");
        assertThat(groups).hasSize(4);
        SweepSettings s = SweepSettings.defaults().withSamples(6).withMaxSteps(200_000);
        int checked = 0;
        for (JsonNode g : groups) {
            double b = SweepGrid.parseClip(g.path("clip").asText());
            for (JsonNode p : g.path("points")) {
                Cell cell = new Cell(0, "iclr1d", "pareto", 1.2, 0.1, b, p.path("eta").asDouble(),
                        g.path("seed").asLong(), "");
                ExitTimeExperiment.Result local = ExitTimesKind.experiment(cell, s).run(1);
                assertThat(p.path("mean").asDouble()).isEqualTo(local.mean());
                assertThat(p.path("stderr").asDouble()).isEqualTo(local.stderr());
                assertThat(p.path("samples").asInt()).isEqualTo(local.samples());
                assertThat(p.path("censored").asInt()).isEqualTo(local.censored());
                checked++;
            }
            assertThat(g.path("predicted_slope").asDouble()).isEqualTo(b == 0.5 ? 1.4 : 1.2, org.assertj.core.data.Offset.offset(1e-12));
        }
        assertThat(checked).isEqualTo(8);
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("config.yaml")).exists();
        assertThat(out.resolve("exit_times.csv")).exists();
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("experiment: exit-times").contains("provenance");
        assertThat(out.resolve(SparkSweepBackend.TASKS_DIR)).isDirectory();
    }

    @Test
    void aResumedSweepComputesOnlyTheMissingTasksAndGivesTheSameResults() throws Exception {
        Path full = tmp.resolve("full");
        JsonNode a = json(run(with(EXIT_TIMES, "--out", full.toString())));
        // an interrupted run: its partial directory holds some of the completed-task files
        Path cut = tmp.resolve("cut");
        Path partialTasks = tmp.resolve("cut.partial").resolve(SparkSweepBackend.TASKS_DIR);
        Files.createDirectories(partialTasks);
        List<Path> parts;
        try (Stream<Path> st = Files.list(full.resolve(SparkSweepBackend.TASKS_DIR))) {
            parts = st.sorted().toList();
        }
        int kept = 0;
        for (int i = 0; i < parts.size(); i += 3) {
            Files.copy(parts.get(i), partialTasks.resolve(parts.get(i).getFileName()));
            kept += Files.readAllLines(parts.get(i)).size();
        }
        JsonNode b = json(run(with(EXIT_TIMES, "--out", cut.toString(), "--resume")));
        assertThat(b.path("tasks").path("reused").asInt()).isEqualTo(kept);
        assertThat(b.path("tasks").path("computed").asInt()).isEqualTo(48 - kept);
        assertThat(b.path("groups")).isEqualTo(a.path("groups"));
        assertThat(Files.exists(tmp.resolve("cut.partial"))).isFalse();
    }

    @Test
    void simulateAndRareEventSweepsEqualTheLocalRuns() throws Exception {
        JsonNode sim = json(run("sweep", "--experiment", "simulate", "--landscape", "iclr1d", "--clip", "0.5",
                "--eta", "0.01", "--x0", "0.3", "--steps", "20000", "--paths", "3", "--seeds", "5", "--quiet",
                "--format", "json", "--out", tmp.resolve("sim").toString()));
        SweepSettings s = SweepSettings.defaults().withStart("0.3", 1).withSteps(20_000, 3);
        Cell cell = new Cell(0, "iclr1d", "pareto", 1.2, 0.1, 0.5, 0.01, 5, "");
        OccupationExperiment.Result local = SimulateKind.experiment(cell, s).run(1);
        JsonNode c = sim.path("cells_results").get(0);
        assertThat(c.path("total_steps").asLong()).isEqualTo(local.totalSteps());
        for (int i = 0; i < local.fractions().length; i++) {
            assertThat(c.path("fractions").get(i).asDouble()).isEqualTo(local.fractions()[i]);
            assertThat(c.path("near_minimum_fractions").get(i).asDouble()).isEqualTo(local.nearMinimumFractions()[i]);
            for (int j = 0; j < local.fractions().length; j++) {
                assertThat(c.path("transitions").get(i).get(j).asLong()).isEqualTo(local.transitions()[i][j]);
            }
        }

        JsonNode rare = json(run("sweep", "--experiment", "rare-event", "--landscape", "ld-quartic", "--noise", "mixture",
                "--alpha", "1.5", "--scale", "0.2", "--normal-scale", "5", "--clip", "none", "--eta", "0.05",
                "--x0", "2.5", "--threshold", "0", "--samples", "2000", "--batch", "300", "--seeds", "3", "--quiet",
                "--format", "json", "--out", tmp.resolve("rare").toString()));
        assertThat(rare.path("tasks").path("total").asInt()).isEqualTo(7);
        SweepSettings rs = SweepSettings.defaults().withStart("2.5", 1).withSamples(2000).withBatch(300).withEvent(0, 0);
        rs = SweepSettings.of(null, null, 5.0, "2.5", 1, 2000, rs.maxSteps(), rs.steps(), rs.paths(), 300, 0, 0);
        Cell rc = new Cell(0, "ld-quartic", "mixture", 1.5, 0.2, Double.POSITIVE_INFINITY, 0.05, 3, "");
        RareEventMonteCarlo.Result lr = RareEventKind.experiment(rc, rs).run(1);
        JsonNode p = rare.path("groups").get(0).path("points").get(0);
        assertThat(p.path("hits").asInt()).isEqualTo(lr.hits());
        assertThat(p.path("estimate").asDouble()).isEqualTo(lr.estimate());
        assertThat(p.path("ci_low").asDouble()).isEqualTo(lr.ciLow());
        assertThat(p.path("ci_high").asDouble()).isEqualTo(lr.ciHigh());
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        String[] r = run("sweep", "--eta", "0.1,-1", "--quiet", "--out", tmp.resolve("bad").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("--eta must be in (0, inf), got -1.0");
        String[] k = run("sweep", "--experiment", "nope", "--out", tmp.resolve("bad2").toString());
        assertThat(k[0]).isEqualTo("2");
        assertThat(k[2]).contains("--experiment must be one of exit-times, simulate, rare-event, reproduce");
        String[] l = run("sweep", "--landscape", "nowhere", "--out", tmp.resolve("bad3").toString());
        assertThat(l[0]).isEqualTo("2");
        assertThat(l[2]).contains("--landscape");
    }
}
