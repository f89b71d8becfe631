package dev.htsgd.cli;

import dev.htsgd.cli.line.CommandLineText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every setting of {@code reproduce global-dynamics} and {@code reproduce two-d} is one {@code htsgd simulate}
 * command away: run the target at its smallest size, then each {@code settings[i].command}, and get the same
 * numbers bit for bit.
 */
class OccupationRoutesTest {

    @TempDir
    Path tmp;

    private static final List<String> KEYS = List.of("fractions", "near_minimum_fractions", "transitions", "transition_count",
            "visits", "visited", "total_steps", "minima", "epsilon", "diverged_paths", "limiting_stationary",
            "limiting_over_horizon", "stationary_distance", "over_horizon_distance");

    @ParameterizedTest
    @CsvSource({"global-dynamics, 4, 2000", "two-d, 4, 2000"})
    void eachSettingIsOneSimulateCommandAway(String target, int settings, String steps) throws Exception {
        Path out = tmp.resolve(target);
        String[] r = CliRun.run("reproduce", target, "--size", "tiny", "--steps", steps, "--paths", "2", "--seed", "17",
                "--out", out.toString(), "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode results = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        JsonNode ss = results.get("settings");
        assertThat(ss).hasSize(settings);
        String report = Files.readString(out.resolve("report.html"));
        for (JsonNode s : ss) {
            String command = s.get("command").asText();
            assertThat(command).startsWith("htsgd simulate ").contains("--seed 17").contains("--steps " + steps);
            assertThat(report).contains("<code>" + command + "</code>");
            JsonNode j = runLine(command);
            for (String k : KEYS) {
                assertThat(j.has(k)).as(k).isTrue();
                assertThat(s.get(k)).as(command + ": " + k).isEqualTo(j.get(k));
            }
        }
        if (target.equals("two-d")) {
            // the first-exit sections: one htsgd exit-times line each, the same numbers bit for bit
            List<JsonNode> exits = new ArrayList<>();
            exits.add(results.get("narrow_exit"));
            results.get("wells2d").get("exits").forEach(exits::add);
            assertThat(exits).hasSize(3);
            assertThat(exits.stream().map(e -> e.get("jumps").asInt()).toList()).containsExactly(1, 1, 2);
            for (JsonNode e : exits) {
                String command = e.get("command").asText();
                assertThat(command).startsWith("htsgd exit-times ").contains("--seed 17");
                assertThat(report).contains("<code>" + command + "</code>");
                JsonNode j = runLine(command);
                for (String k : List.of("basin", "jumps", "slope", "slope_ci", "predicted_slope")) {
                    assertThat(e.get(k)).as(command + ": " + k).isEqualTo(j.get(k));
                }
                for (int i = 0; i < j.get("points").size(); i++) {
                    for (String k : List.of("eta", "mean", "stderr", "samples", "censored", "predicted_mean")) {
                        assertThat(e.get("points").get(i).get(k)).as(command + ": points." + k)
                                .isEqualTo(j.get("points").get(i).get(k));
                    }
                }
            }
        }
        if (target.equals("global-dynamics")) {
            // heavy-tailed, b = 0.5: the limit has no weight on the sharp m1, m3
            assertThat(ss.get(1).get("limiting_stationary").get(0).asDouble()).isZero();
            assertThat(ss.get(2).get("limiting_stationary").isNull()).isTrue();
        }
    }

    /** Runs a printed {@code htsgd ...} command line alone, as JSON, on one thread. */
    private static JsonNode runLine(String command) throws java.io.IOException {
        List<String> args = new ArrayList<>(CommandLineText.words(command));
        args.addAll(List.of("--format", "json", "--quiet", "--threads", "1"));
        return CliRun.runJson(args.toArray(String[]::new));
    }
}
