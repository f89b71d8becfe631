package dev.htsgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.run.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htsgd noise-index end to end on a small IDX data set written in the real format, and its bad input. */
class NoiseIndexCommandTest {

    @TempDir
    Path tmp;

    @Test
    void measuresAtInitialisationAndAtSavedWeightsAndRepeats() throws Exception {
        Path data = tmp.resolve("data");
        TrainCommandTest.idx(data, 60, 20);
        String[] args = {"noise-index", "--data", data.toString(), "--model", "lenet", "--subset", "50", "--corrupt", "10",
            "--batch", "5", "--draws", "40", "--coordinates", "2000", "--threads", "1", "--format", "json"};
        String[] r = CliRun.run(args);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        for (String k : List.of("estimate", "interval", "estimator", "norm", "coordinates_used", "parameters", "seconds")) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("weights").asText()).isEqualTo("initialisation");
        assertThat(j.get("coordinates_estimated").asInt()).isBetween(1000, 2000); // every 6th of 11,330
        double est = j.get("estimate").asDouble();
        assertThat(j.get("interval").get(0).asDouble()).isLessThanOrEqualTo(est);
        assertThat(j.get("interval").get(1).asDouble()).isGreaterThanOrEqualTo(est);
        // a pure function of the options and the seed
        JsonNode again = Json.MAPPER.readTree(CliRun.run(args)[1]);
        assertThat(again.get("estimate").asDouble()).isEqualTo(est);

        // at weights saved by train: the run directory, the histogram and the per-coordinate table
        Path trained = tmp.resolve("train");
        String[] t = CliRun.run("train", "--data", data.toString(), "--model", "lenet", "--subset", "50", "--corrupt", "10",
                "--method", "sb", "--iterations", "4", "--batch", "5", "--large-batch", "10", "--eval-every", "4",
                "--threads", "1", "--out", trained.toString(), "--format", "json");
        assertThat(t[0]).as(t[2]).isEqualTo("0");
        Path out = tmp.resolve("ni");
        String[] w = CliRun.run("noise-index", "--data", data.toString(), "--model", "lenet", "--subset", "50", "--corrupt", "10",
                "--batch", "5", "--draws", "40", "--coordinates", "2000", "--threads", "1", "--weights", trained.resolve("weights.npz").toString(),
                "--out", out.toString());
        assertThat(w[0]).as(w[2]).isEqualTo("0");
        assertThat(w[1]).contains("alpha (median over");
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("coordinates.csv")).exists();
        assertThat(Files.exists(out.resolve("plots/coordinate-alpha.png"))).isTrue();
    }

    @Test
    void badSizesAreOneLineInTheCommandsWords() {
        String[] r = CliRun.run("noise-index", "--draws", "5");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).startsWith("htsgd noise-index: --draws must be").doesNotContain("\n");
        r = CliRun.run("noise-index", "--batch", "5000");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--batch must be in [1, 1200]");
    }
}
