package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.json;
import static dev.htsgd.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lists wherever a single value is accepted ({@link ValueLists}): both spellings, one run per value, bad values first. */
class ValueListsTest {

    private static final String[] SIMULATE = {"simulate", "--landscape", "iclr1d", "--alpha", "1.2", "--scale", "0.1",
        "--clip", "0.5", "--steps", "3e3", "--paths", "2", "--threads", "1", "--format", "json", "--quiet"};

    private static String[] with(String[] base, String... more) {
        String[] a = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, a, base.length, more.length);
        return a;
    }

    /** Splits a printed command line back into words (the test lines have no quoting). */
    private static String[] words(String commandLine) {
        assertThat(commandLine).startsWith("htsgd ");
        return commandLine.substring("htsgd ".length()).split(" ");
    }

    @Test
    void aListOfEtaAndSeedRunsEachCombinationAndEachRunIsItsOwnCommand() throws Exception {
        String[] r = run(with(SIMULATE, "--eta", "0.1,0.05", "--seeds", "1,2"));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode all = json(r[1]);
        assertThat(all.get("command").asText()).isEqualTo("simulate");
        JsonNode runs = all.get("runs");
        assertThat(runs).hasSize(4);
        List<String> order = new ArrayList<>();
        for (JsonNode run : runs) {
            order.add(run.get("eta").asDouble() + "/" + run.get("seed").asLong());
            String[] alone = run(words(run.get("command_line").asText()));
            assertThat(alone[0]).as(alone[2]).isEqualTo("0");
            JsonNode one = json(alone[1]);
            // bit for bit: the run inside the list is the command printed beside it
            for (String k : new String[] {"fractions", "transitions", "visits", "near_minimum_fractions"}) {
                assertThat(run.get(k)).as(k).isEqualTo(one.get(k));
            }
        }
        assertThat(order).containsExactly("0.1/1", "0.1/2", "0.05/1", "0.05/2");
        assertThat(runs.get(0).get("fractions")).isNotEqualTo(runs.get(1).get("fractions"));
    }

    @Test
    void bothSpellingsOfAListOptionReadTheSameGrid() throws Exception {
        String[] base = {"exit-times", "--landscape", "iclr1d", "--basin", "1", "--alpha", "1.2", "--scale", "0.1",
            "--clip", "0.5", "--samples", "3", "--max-steps", "1e5", "--threads", "1", "--format", "json", "--quiet"};
        String[] plural = run(with(base, "--etas", "0.2,0.1"));
        String[] single = run(with(base, "--eta", "0.2,0.1"));
        assertThat(plural[0]).as(plural[2]).isEqualTo("0");
        assertThat(single[0]).as(single[2]).isEqualTo("0");
        JsonNode p = json(plural[1]);
        assertThat(p.get("points")).hasSize(2);
        assertThat(json(single[1])).isEqualTo(p);
    }

    @Test
    void withOutEachRunWritesItsOwnDirectory(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("runs");
        String[] r = run(with(SIMULATE, "--eta", "0.1,1/20", "--out", out.toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(Files.exists(out.resolve("eta-0.1").resolve("results.json"))).isTrue();
        assertThat(Files.exists(out.resolve("eta-1_20").resolve("results.json"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--eta|0.1,-1|--eta must be in (0, inf), got -1.0",
        "--etas|0.1,0|--etas must be in (0, inf), got 0.0",
        "--eta|0.1,x|'x' is not a number",
        "--seed|1,x|'x' is not a whole number",
        "--seeds|1,x|option '--seeds': 'x' is not a whole number",
        "--seeds|3,3|--seeds lists 3 twice",
        "--eta|0.1,,0.2|--eta lists an empty value"})
    void aBadValueAnywhereInAListIsRefusedBeforeAnyRun(String option, String values, String message, @TempDir Path tmp) {
        Path out = tmp.resolve("runs");
        String[] r = run(with(SIMULATE, option, values, "--out", out.toString()));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).isEmpty();
        assertThat(r[2].strip()).contains(message).doesNotContain("\n");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aCommandsOwnCountPassesThroughUnexpanded() {
        // reproduce's hidden --seeds N, the old name of --replications, counts runs from --seed: not a list
        String[] r = run("reproduce", "no-such-target", "--seed", "1", "--seeds", "2");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).doesNotContain("# htsgd");
        assertThat(r[2].strip().lines()).hasSize(1);
    }
}
