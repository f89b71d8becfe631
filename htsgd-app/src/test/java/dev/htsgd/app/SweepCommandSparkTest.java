package dev.htsgd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.run.Json;
import dev.htsgd.cli.CliRun;
import dev.htsgd.cli.Main;
import dev.htsgd.spark.SharedSpark;
import dev.htsgd.spark.SparkSweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code htsgd sweep} end to end on local[2]: the results equal those of the local commands
 * ({@code htsgd exit-times}, {@code htsgd simulate}) and of the engine on one thread with the same seed, a resumed sweep computes only the missing tasks, and bad input is one line
 * with exit code 2.
 */
@ExtendWith(SharedSpark.class)
class SweepCommandSparkTest {

    @TempDir
    static Path tmp;

    static String[] run(String... args) {
        return CliRun.run(args);
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

    /**
     * On the scalar engine a task per replication (6 per cell); on the vector engine 40 replications per cell in
     * tasks of 32 (two tasks: 32 and 8), against the local command on the same engine.
     */
    @ParameterizedTest
    @ValueSource(strings = {"scalar", "vector"})
    void exitTimesSweepOnLocal2EqualsTheLocalCommandBitForBit(String engine) throws Exception {
        Path out = tmp.resolve("exit-" + engine);
        String samples = engine.equals("vector") ? "40" : "6";
        String[] sweep = EXIT_TIMES.clone();
        sweep[java.util.Arrays.asList(sweep).indexOf("--samples") + 1] = samples;
        JsonNode res = json(CliRun.runOn(engine, with(sweep, "--out", out.toString())));
        int tasks = engine.equals("vector") ? 2 * 2 * 2 * 2 : 2 * 2 * 2 * 6;
        assertThat(res.path("tasks").path("total").asInt()).isEqualTo(tasks);
        assertThat(res.path("tasks").path("computed").asInt()).isEqualTo(tasks);
        assertThat(res.path("master").asText()).startsWith("local[2");
        JsonNode groups = res.path("groups");
        assertThat(groups).hasSize(4);
        for (JsonNode g : groups) {
            // the same grid line run by the local command, on one thread
            JsonNode local = json(CliRun.runOn(engine, "exit-times", "--landscape", "iclr1d", "--noise", "pareto",
                    "--alpha", "1.2", "--scale", "0.1", "--clip", g.path("clip").asText(), "--etas", "0.1,0.05",
                    "--seed", g.path("seed").asText(), "--samples", samples, "--max-steps", "2e5", "--threads", "1",
                    "--quiet", "--format", "json"));
            JsonNode lp = local.path("points");
            JsonNode sp = g.path("points");
            assertThat(sp).hasSize(2);
            assertThat(g.path("slope").isNumber()).isTrue();
            for (int k = 0; k < 2; k++) {
                assertThat(sp.get(k).path("mean").isNumber()).isTrue();
                for (String key : List.of("eta", "mean", "stderr", "samples", "censored", "exits", "diverged",
                        "mean_method", "mean_lower_bound")) {
                    assertThat(sp.get(k).path(key)).as(key).isEqualTo(lp.get(k).path(key));
                }
            }
            assertThat(g.path("slope")).isEqualTo(local.path("slope"));
            assertThat(g.path("slope_ci")).isEqualTo(local.path("slope_ci"));
            assertThat(g.path("predicted_slope")).isEqualTo(local.path("predicted_slope"));
        }
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("config.yaml")).exists();
        assertThat(out.resolve("exit_times.csv")).exists();
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("experiment: exit-times").contains("provenance");
        assertThat(out.resolve(SparkSweep.TASKS_DIR)).isDirectory();
    }

    @Test
    void aResumedSweepComputesOnlyTheMissingTasksAndGivesTheSameResults() throws Exception {
        Path full = tmp.resolve("full");
        JsonNode a = json(run(with(EXIT_TIMES, "--out", full.toString())));
        // an interrupted run: its partial directory holds some of the completed-task files
        Path cut = tmp.resolve("cut");
        Path partialTasks = tmp.resolve("cut.partial").resolve(SparkSweep.TASKS_DIR);
        Files.createDirectories(partialTasks);
        List<Path> parts;
        try (Stream<Path> st = Files.list(full.resolve(SparkSweep.TASKS_DIR))) {
            parts = st.sorted().toList();
        }
        int kept = 0;
        for (int i = 0; i < parts.size(); i += 3) {
            Files.copy(parts.get(i), partialTasks.resolve(parts.get(i).getFileName()));
            kept += Files.readAllLines(parts.get(i)).size();
        }
        JsonNode b = json(run(with(EXIT_TIMES, "--out", cut.toString(), "--resume")));
        assertThat(b.path("tasks").path("reused").asInt()).isEqualTo(kept);
        // the full run's task count: 48 on the scalar engine (one per sample), 8 where auto takes the lanes (K = 4:
        // 6 samples a cell are enough)
        int total = a.path("tasks").path("computed").asInt();
        assertThat(total).isIn(8, 48);
        assertThat(b.path("tasks").path("computed").asInt()).isEqualTo(total - kept);
        assertThat(b.path("groups")).isEqualTo(a.path("groups"));
        assertThat(Files.exists(tmp.resolve("cut.partial"))).isFalse();
    }

    @Test
    void simulateAndRareEventSweepsEqualTheLocalRuns() throws Exception {
        JsonNode sim = json(run("sweep", "--experiment", "simulate", "--landscape", "iclr1d", "--clip", "0.5",
                "--eta", "0.01", "--x0", "0.3", "--steps", "20000", "--paths", "3", "--seeds", "5", "--quiet",
                "--format", "json", "--out", tmp.resolve("sim").toString()));
        JsonNode local = json(run("simulate", "--landscape", "iclr1d", "--clip", "0.5", "--eta", "0.01", "--x0", "0.3",
                "--steps", "20000", "--paths", "3", "--seed", "5", "--threads", "1", "--quiet", "--format", "json"));
        JsonNode c = sim.path("cells_results").get(0);
        // auto, the default, on 3 paths (fewer than K): the scalar engine, on the driver as in the local command
        assertThat(sim.path("engine").asText()).isEqualTo("scalar");
        assertThat(local.path("engine").asText()).isEqualTo("scalar");
        assertThat(c.path("fractions").size()).isEqualTo(4);
        for (String key : List.of("total_steps", "fractions", "near_minimum_fractions", "transitions", "visited")) {
            assertThat(c.path(key)).as(key).isEqualTo(local.path(key));
        }
        // on lanes: 40 paths in tasks of 32 (two tasks), the numbers of simulate --engine vector
        JsonNode simV = json(CliRun.runOn("vector", "sweep", "--experiment", "simulate", "--landscape", "iclr1d",
                "--clip", "0.5", "--eta", "0.01", "--x0", "0.3", "--steps", "20000", "--paths", "40", "--seeds", "5",
                "--quiet", "--format", "json", "--out", tmp.resolve("sim-vector").toString()));
        JsonNode localV = json(CliRun.runOn("vector", "simulate", "--landscape", "iclr1d", "--clip", "0.5", "--eta",
                "0.01", "--x0", "0.3", "--steps", "20000", "--paths", "40", "--seed", "5", "--threads", "1", "--quiet",
                "--format", "json"));
        assertThat(simV.path("tasks").path("total").asInt()).isEqualTo(2);
        // auto on 40 paths: the lanes, decided on the driver, the same numbers
        JsonNode simAuto = json(run("sweep", "--experiment", "simulate", "--landscape", "iclr1d", "--clip", "0.5",
                "--eta", "0.01", "--x0", "0.3", "--steps", "20000", "--paths", "40", "--seeds", "5", "--quiet",
                "--format", "json", "--out", tmp.resolve("sim-auto").toString()));
        assertThat(simAuto.path("engine").asText()).isEqualTo("vector");
        assertThat(simAuto.path("cells_results")).isEqualTo(simV.path("cells_results"));
        assertThat(localV.path("engine").asText()).isEqualTo("vector");
        JsonNode cv = simV.path("cells_results").get(0);
        for (String key : List.of("total_steps", "fractions", "near_minimum_fractions", "transitions", "visited")) {
            assertThat(cv.path(key)).as("vector " + key).isEqualTo(localV.path(key));
        }

        // is and mc on the scalar engine, and is on the vector engine (the sweep's tasks and the command on lanes)
        for (String method : List.of("is", "mc", "is:vector")) {
            String engine = method.endsWith(":vector") ? "vector" : "scalar";
            String m = method.replace(":vector", "");
            JsonNode rare = json(CliRun.runOn(engine, "sweep", "--experiment", "rare-event", "--landscape", "ld-quartic",
                    "--noise", "mixture", "--alpha", "1.5", "--scale", "0.2", "--normal-scale", "5", "--clip", "1.5",
                    "--eta", "0.05,0.02", "--x0", "2.5", "--level", "0", "--samples", "5000", "--batch", "2000",
                    "--method", m, "--seeds", "3", "--quiet", "--format", "json", "--out",
                    tmp.resolve("rare-" + method.replace(":", "-")).toString()));
            assertThat(rare.path("tasks").path("total").asInt()).isEqualTo(2 * 3); // 5 blocks of 1000 in tasks of 2
            JsonNode localRare = json(CliRun.runOn(engine, "rare-event", "--landscape", "ld-quartic", "--noise",
                    "mixture", "--alpha", "1.5", "--scale", "0.2", "--normal-scale", "5", "--clip", "1.5", "--etas",
                    "0.05,0.02", "--x0", "2.5", "--level", "0", "--samples", "5000", "--method", m, "--seed", "3",
                    "--threads", "1", "--quiet", "--format", "json"));
            JsonNode sp = rare.path("groups").get(0).path("points");
            JsonNode lp = localRare.path("points");
            assertThat(sp).hasSize(2);
            for (int k = 0; k < 2; k++) {
                assertThat(sp.get(k).path("estimate").isNumber()).isTrue();
                assertThat(sp.get(k)).as(method + " eta " + k).isEqualTo(lp.get(k));
            }
        }
    }

    @Test
    void theGridComesFromAYamlFileAndFlagsOverrideIt() throws Exception {
        Path yaml = tmp.resolve("sweep.yaml");
        Files.writeString(yaml, String.join("\n",
                "experiment: exit-times",
                "landscape: [iclr1d]",
                "clip: [0.5, none]",
                "eta: [0.1, 0.05, 0.02]",
                "seeds: [1, 2]",
                "samples: 1",
                "max-steps: 1e5",
                ""));
        Path out = tmp.resolve("yaml");
        int code = Main.run("sweep", "--config", yaml.toString(), "--eta", "0.1", "--out", out.toString(), "--quiet");
        assertThat(code).isZero();
        JsonNode res = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        assertThat(res.path("cells").asInt()).isEqualTo(2 * 2); // clip x seeds; --eta on the command line wins
        assertThat(res.path("tasks").path("total").asInt()).isEqualTo(4);
        assertThat(res.path("groups").get(0).path("points").get(0).path("stderr").isNull()).isTrue(); // one sample
        assertThat(Files.readString(out.resolve("config.yaml"))).contains("- none").contains("samples: 1");
    }

    @Test
    void reproduceTargetsRunOnePerTaskIntoTheSweepDirectory() throws Exception {
        Path out = tmp.resolve("repro");
        JsonNode res = json(run("sweep", "--experiment", "reproduce", "--target", "b-map", "--seeds", "1,2",
                "--size", "tiny", "--quiet", "--format", "json", "--out", out.toString()));
        assertThat(res.path("tasks").path("total").asInt()).isEqualTo(2);
        JsonNode runs = res.path("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1).path("run_directory").asText()).isEqualTo("runs/b-map-s2");
        assertThat(runs.get(1).path("results").isObject()).isTrue();
        assertThat(out.resolve("runs/b-map-s1/report.html")).exists();
        assertThat(out.resolve("runs/b-map-s2/results.json")).exists();
        String[] bad = run("sweep", "--experiment", "reproduce", "--target", "b-map", "--eta", "0.1,0.2", "--quiet",
                "--out", tmp.resolve("repro-bad").toString());
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("sweeps --target and --seeds only");
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        String[] r = run("sweep", "--eta", "0.1,-1", "--quiet", "--out", tmp.resolve("bad").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("--eta must be in (0, inf), got -1");
        String[] k = run("sweep", "--experiment", "nope", "--out", tmp.resolve("bad2").toString());
        assertThat(k[0]).isEqualTo("2");
        assertThat(k[2]).contains("--experiment must be one of exit-times, simulate, rare-event, reproduce");
        String[] l = run("sweep", "--landscape", "nowhere", "--out", tmp.resolve("bad3").toString());
        assertThat(l[0]).isEqualTo("2");
        assertThat(l[2]).contains("--landscape");
        String[] e = run("sweep", "--eta", "1/0x", "--out", tmp.resolve("bad4").toString());
        assertThat(e[0]).isEqualTo("2");
        assertThat(e[2]).contains("--eta must be numbers");
    }
}
