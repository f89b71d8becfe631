package dev.htsgd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.cli.CliRun;
import dev.htsgd.cli.line.CommandLineText;
import dev.htsgd.run.Json;
import dev.htsgd.spark.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "same seed, same numbers by every route": one exit-time setting of {@code reproduce exit-times} (b =
 * 0.5, l* = 2), computed by the reproduce target, by the command it records under {@code settings[i].command}, and
 * as a Spark sweep on local[2] (one task per replication), gives the same {@code slope}, {@code slope_ci} and
 * points, bit for bit.
 */
@ExtendWith(SharedSpark.class)
class EveryRouteSameNumbersTest {

    @TempDir
    Path tmp;

    private static JsonNode ok(String[] r) throws Exception {
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        return Json.MAPPER.readTree(r[1]);
    }

    @Test
    void targetCommandAndSparkTaskAgreeOnOneExitTimeSetting() throws Exception {
        Path rep = tmp.resolve("reproduce");
        ok(CliRun.run("reproduce", "exit-times", "--size", "tiny", "--etas", "0.2,0.1", "--samples", "4",
                "--max-steps", "20000", "--seed", "7", "--threads", "2", "--quiet", "--out", rep.toString(), "--format", "json"));
        JsonNode settings = Json.MAPPER.readTree(Files.readString(rep.resolve("results.json"))).path("settings");
        JsonNode target = null;
        for (JsonNode s : settings) {
            if (s.path("command").asText().contains("--clip 0.5 ")) {
                target = s;
            }
        }
        assertThat(target).as("the b = 0.5 setting of %s", settings).isNotNull();
        assertThat(target.path("slope").isNumber()).isTrue();

        // route 2: the command the target recorded, on one thread
        List<String> args = new ArrayList<>(CommandLineText.words(target.path("command").asText()));
        args.addAll(List.of("--threads", "1", "--quiet", "--format", "json"));
        JsonNode command = ok(CliRun.run(args.toArray(String[]::new)));

        // route 3: the same grid line as Spark tasks
        JsonNode sweep = ok(CliRun.run("sweep", "--experiment", "exit-times", "--landscape", "iclr1d", "--basin", "1",
                "--noise", "pareto", "--alpha", "1.2", "--scale", "0.1", "--clip", "0.5", "--eta", "0.2,0.1",
                "--seeds", "7", "--samples", "4", "--max-steps", "20000", "--quiet", "--format", "json",
                "--out", tmp.resolve("sweep").toString()));
        JsonNode group = sweep.path("groups").get(0);

        for (JsonNode route : List.of(command, group)) {
            assertThat(route.path("slope")).isEqualTo(target.path("slope"));
            assertThat(route.path("slope_ci")).isEqualTo(target.path("slope_ci"));
            assertThat(route.path("predicted_slope")).isEqualTo(target.path("predicted_slope"));
            for (int k = 0; k < 2; k++) {
                for (String key : List.of("eta", "mean", "stderr", "samples", "censored", "exits")) {
                    assertThat(route.path("points").get(k).path(key)).as(key).isEqualTo(target.path("points").get(k).path(key));
                }
            }
        }
    }
}
