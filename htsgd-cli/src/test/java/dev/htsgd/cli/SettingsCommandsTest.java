package dev.htsgd.cli;

import dev.htsgd.cli.line.CommandLineText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting of the rare-event and b-map targets is one command away: each {@code settings[i].command} of
 * results.json, run through {@link Main}, prints the same numbers under the same keys, bit for bit.
 */
class SettingsCommandsTest {

    @TempDir
    Path tmp;

    static JsonNode runJson(String line) throws Exception {
        List<String> args = new ArrayList<>(CommandLineText.words(line));
        args.addAll(List.of("--format", "json", "--quiet", "--threads", "2"));
        String[] r = CliRun.run(args.toArray(String[]::new));
        assertThat(r[0]).as(line + ": " + r[2]).isEqualTo("0");
        return Json.MAPPER.readTree(r[1]);
    }

    /** On both engines: with {@code --engine vector} every settings[i].command names it and gives the same bits. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"scalar", "vector"})
    void everyRareEventSettingIsOneCommandAway(String engine) throws Exception {
        Path out = tmp.resolve("rare");
        String[] r = CliRun.runOn(engine, "reproduce", "rare-event", "--size", "tiny", "--etas", "1/40,1/60", "--samples",
                "1500", "--seed", "7", "--quiet", "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode results = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        JsonNode settings = results.get("settings");
        assertThat(settings).hasSize(4);
        String report = Files.readString(out.resolve("report.html"));
        for (int i = 0; i < settings.size(); i++) {
            JsonNode s = settings.get(i);
            String line = s.get("command").asText();
            assertThat(line).startsWith("htsgd rare-event ").contains("--seed 7");
            assertThat(line.contains("--engine vector")).as(line).isEqualTo(engine.equals("vector"));
            assertThat(report).contains("<code>" + line.replace("'", "&#39;") + "</code>");
            JsonNode cmd = runJson(line);
            assertThat(cmd.get("points")).as(line).isEqualTo(s.get("points"));
            // the target's own point is the same numbers, with the published value beside it where there is one
            JsonNode p = results.get("points").get(i);
            for (String key : List.of("eta", "b", "estimate", "ci_low", "ci_high", "method", "samples")) {
                assertThat(p.get(key)).as(key).isEqualTo(s.get("points").get(0).get(key));
            }
        }
        assertThat(results.get("predicted_slopes").get("clipped").asDouble()).isEqualTo(1.0);
        assertThat(results.get("slope_clipped_ci")).hasSize(2);
    }

    @Test
    void theBMapIsOneCommandAway() throws Exception {
        Path out = tmp.resolve("bmap");
        String[] r = CliRun.run("reproduce", "b-map", "--seed", "3", "--quiet", "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode results = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        JsonNode s = results.get("settings").get(0);
        String line = s.get("command").asText();
        assertThat(line).isEqualTo("htsgd control --landscape iclr1d --grid 20001 --b-range 0.1:1.0 --b-grid 400 --seed 3");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<code>" + line + "</code>");
        JsonNode cmd = runJson(line);
        for (String key : List.of("landscape", "b_range", "minima", "radii", "bands", "b_grid")) {
            assertThat(cmd.get(key)).as(key).isEqualTo(s.get(key));
        }
        assertThat(s.get("b_grid")).hasSize(400);
        // the target's own bands are the command's
        for (int i = 0; i < results.get("bands").size(); i++) {
            assertThat(results.get("bands").get(i).get("b_low")).isEqualTo(cmd.get("bands").get(i).get("b_low"));
            assertThat(results.get("bands").get(i).get("widest")).isEqualTo(cmd.get("bands").get(i).get("widest"));
        }
    }

    @Test
    void rareEventTakesTheImportanceSamplerAndBatchAsOptions() throws Exception {
        String[] r = CliRun.run("rare-event", "--etas", "1/50", "--samples", "1200", "--batch", "500", "--is-jumps", "4",
                "--is-tail", "0.3", "--format", "json", "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(Json.MAPPER.readTree(r[1]).get("points").get(0).get("samples").asLong()).isEqualTo(1200);
        String[] bad = CliRun.run("rare-event", "--etas", "1/50", "--method", "mc", "--is-jumps", "4", "--quiet");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("--estimator is");
        String[] tail = CliRun.run("rare-event", "--etas", "1/50", "--is-tail", "2", "--quiet");
        assertThat(tail[2]).contains("--is-tail must be in (0, 1]");
    }
}
