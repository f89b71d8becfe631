package dev.htsgd.cli;

import dev.htsgd.cli.line.ExitTimesLine;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.run.Json;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ExitTimeStudy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same numbers by every route: each setting of {@code reproduce exit-times} is one command away
 * ({@code settings[i].command}), and that command prints the setting's numbers bit for bit.
 */
class ExitTimesRoutesTest {

    @TempDir
    Path tmp;

    /** On both engines: with {@code --engine vector} every settings[i].command names it and gives the same bits. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"scalar", "vector"})
    void everyReproduceSettingIsOneCommandAway(String engine) throws Exception {
        Path out = tmp.resolve("r");
        String[] r = CliRun.runOn(engine, "reproduce", "exit-times", "--size", "tiny", "--etas", "0.2,0.1", "--samples",
                "4", "--max-steps", "20000", "--seed", "5", "--threads", "2", "--quiet", "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode results = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        JsonNode settings = results.get("settings");
        assertThat(settings.size()).isPositive();
        assertThat(results.get("slopes").size()).isEqualTo(3);
        for (JsonNode s : settings) {
            String line = s.get("command").asText();
            assertThat(line).startsWith("htsgd exit-times ").endsWith("--seed 5");
            assertThat(line.contains("--engine vector")).as(line).isEqualTo(engine.equals("vector"));
            List<String> args = new ArrayList<>(Arrays.asList(line.split(" ")));
            args.remove(0);
            args.addAll(List.of("--format", "json", "--quiet"));
            String[] c = CliRun.run(args.toArray(String[]::new));
            assertThat(c[0]).as(line + ": " + c[2]).isEqualTo("0");
            JsonNode j = Json.MAPPER.readTree(c[1]);
            for (String k : List.of("slope", "slope_ci", "points", "predicted_slope", "jumps", "radius")) {
                assertThat(s.get(k)).as(line + " " + k).isEqualTo(j.get(k));
            }
            for (Iterator<String> it = j.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!k.equals("command")) {
                    assertThat(s.get(k)).as(line + " " + k).isEqualTo(j.get(k));
                }
            }
            // and the slopes table holds the same fit
            JsonNode slope = null;
            for (JsonNode t : results.get("slopes")) {
                if (t.get("b").equals(s.get("b"))) {
                    slope = t;
                }
            }
            assertThat(slope.get("slope")).isEqualTo(j.get("slope"));
            assertThat(slope.get("slope_ci")).isEqualTo(j.get("slope_ci"));
        }
        assertThat(out.resolve("report.html")).content().contains("<code>htsgd exit-times ");
    }

    /** The command line of settings parses back to the same settings (key) and is what the command runs. */
    @Test
    void theCommandLineOfSettingsRunsThoseSettings() throws Exception {
        ExitTimeStudy.Settings s = ExitTimeStudy.Settings.of(Iclr1d.of(), ParetoNoise.of(1.2, 0.1, 0.7).centered(),
                0.5, Clipping.COORDINATE, false, 1, new double[] {-0.6}, new double[] {0.2}, 3, 5000, Engine.SCALAR);
        String line = ExitTimesLine.commandLine(s, 42);
        assertThat(line).contains("--p-plus 0.7", "--clip-mode coordinate", "--no-project", "--x0 -0.6", "--eta 0.2");
        List<String> args = new ArrayList<>(Arrays.asList(line.split(" ")));
        args.remove(0);
        args.addAll(List.of("--format", "json", "--quiet"));
        String[] c = CliRun.run(args.toArray(String[]::new));
        assertThat(c[0]).as(c[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(c[1]);
        JsonNode expected = Json.MAPPER.readTree(Json.toJson(
                ExitTimesLine.json(s, StudyRunner.of(1).run(ExitTimeStudy.of(), s, 42), 42)));
        assertThat(j).isEqualTo(expected);
    }
}
