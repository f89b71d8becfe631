package dev.htsgd.cli;

import dev.htsgd.run.Json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** {@code --config FILE.yaml}: every value of the file is used, or the run is refused in one line. */
class ConfigFileTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws IOException {
        return Files.writeString(dir.resolve("c.yaml"), text, StandardCharsets.UTF_8);
    }

    /** A bad config: exit 2, one line on stderr containing every expected fragment, nothing on stdout. */
    private static void refused(String[] r, String... expected) {
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip().lines()).as(r[2]).hasSize(1);
        assertThat(r[2]).contains(expected);
        assertThat(r[1]).isEmpty();
    }

    private String[] simulate(Path config) {
        return CliRun.run("simulate", "--config", config.toString(), "--steps", "10", "--paths", "1", "--quiet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "eta: 0.01|stpes: 1000; line 2; 'stpes' is not an option of htsgd simulate; did you mean 'steps'?",
        "eta: 0.01|eta: 0.02; line 2; duplicate key 'eta' (first on line 1)",
        "clip: {a: 1}; line 1; clip: expected a value or a list of values, got a map",
        "eta: [0.1, [0.2]]; line 1; eta: a list may hold only values",
        "eta: []; line 1; eta: the list is empty",
        "eta: .nan; line 1; eta: .nan is not a number",
        "x0: 0.3|eta:; line 2; eta has no value",
        "- eta; line 1; must be a YAML map of option: value",
        "eta: 0.1|  x: [1; line 2; not valid YAML",
        "eta: 0.1|basin: many; line 2; basin: Invalid value for option '--basin'"})
    void badFilesAreOneLineNamingTheLineAndTheKey(String text, String line, String message) throws IOException {
        refused(simulate(yaml(text.replace('|', '\n') + "\n")), "--config", line, message);
    }

    @Test
    void aMisspeltKeyIsMatchedAgainstTheOptionsOfItsOwnCommand() throws IOException {
        Path c = yaml("sampels: 10\n");
        refused(CliRun.run("exit-times", "--config", c.toString(), "--quiet"), "not an option of htsgd exit-times", "'samples'");
        // a key of another command is no option here: simulate has no --samples
        refused(CliRun.run("simulate", "--config", yaml("samples: 10\n").toString(), "--quiet"), "'samples' is not an option of htsgd simulate");
    }

    /**
     * Issue 16: {@code --size tiny} beside a file that fixes the grid would run the file's grid and record {@code
     * size: tiny}; the conflict is refused before anything is created. A size from the file alone, or sizes typed
     * on the command line, are fine.
     */
    @Test
    void aTypedSizeDoesNotLoseSilentlyToTheFilesSizes() throws IOException {
        Path c = yaml("etas: 0.2,0.1\nsamples: 4\nmax-steps: 20000\n");
        Path out = dir.resolve("never");
        String[] r = CliRun.run("reproduce", "exit-times", "--config", c.toString(), "--size", "tiny", "--quiet",
                "--out", out.toString());
        refused(r, "--size tiny conflicts with the sizes etas, samples, max-steps set in --config");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("never.partial")).doesNotExist();
        // the file's sizes with the typed ones replacing them: no conflict
        String[] ok = CliRun.run("reproduce", "exit-times", "--config", c.toString(), "--size", "tiny", "--etas", "0.2,0.1",
                "--samples", "2", "--max-steps", "2000", "--quiet", "--format", "json");
        assertThat(ok[0]).as(ok[2]).isEqualTo("0");
    }

    @Test
    void binaryAndMissingFilesAreRefused() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path p = Files.write(dir.resolve("plot.png"), png);
        refused(simulate(p), "--config", "plot.png", "not a text file");
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0};
        refused(simulate(Files.write(dir.resolve("ls"), elf)), "not a text file");
        refused(simulate(dir.resolve("missing.yaml")), "--config: no such file");
        refused(simulate(dir), "--config: no such file");
    }

    @Test
    void valuesAreUsedAndFlagsWin() throws Exception {
        Path c = yaml("# a comment\n--x0: 0.3\nsteps: 1e3\npaths: 2\neta: 0.01\nclip: .inf\nformat: json\n");
        String[] r = CliRun.run("simulate", "--config", c.toString(), "--paths", "1", "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        var j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("steps").asLong()).isEqualTo(1000);
        assertThat(j.get("paths").asInt()).isEqualTo(1);
        assertThat(j.get("eta").asDouble()).isEqualTo(0.01);
        assertThat(j.get("x0").get(0).asDouble()).isEqualTo(0.3);
        assertThat(CliRun.run("simulate", "--config", yaml("").toString(), "--steps", "10", "--paths", "1", "--quiet")[0])
                .isEqualTo("0");
    }

    @Test
    void aRunsConfigYamlIsAcceptedAgain() throws Exception {
        Path out = dir.resolve("run");
        String[] r = CliRun.run("simulate", "--steps", "100", "--paths", "1", "--x0", "0.3", "--eta", "0.02", "--out", out.toString(), "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(out.resolve("config.yaml")).content().contains("provenance:");
        String[] again = CliRun.run("simulate", "--config", out.resolve("config.yaml").toString(), "--format", "json", "--quiet");
        assertThat(again[0]).as(again[2]).isEqualTo("0");
        var j = Json.MAPPER.readTree(again[1]);
        assertThat(j.get("steps").asLong()).isEqualTo(100);
        assertThat(j.get("eta").asDouble()).isEqualTo(0.02);
        // a positional parameter is recorded by its label (reproduce NAME as name:) and read back
        Path repro = Files.writeString(dir.resolve("r.yaml"), "seed: 1\nscale: tiny\nname: b-map\nprovenance:\n  command: htsgd reproduce\n");
        String[] a = {"reproduce", "--config", repro.toString()};
        CommandLine cl = Main.newCommandLine();
        YamlDefaults config = Main.applyConfig(cl, a);
        List<CommandLine> chain = cl.parseArgs(a).asCommandLineList();
        CommandLine reproduce = chain.get(chain.size() - 1);
        config.checkKeys(reproduce.getCommandSpec());
        assertThat(reproduce.getCommandSpec().positionalParameters().get(0).<String>getValue()).isEqualTo("b-map");
        // scale: is the old name of --size (OldOptionNames): as a key of the file it sets --size too
        assertThat(String.valueOf(reproduce.getCommandSpec().findOption("--size").<Object>getValue())).isEqualTo("tiny");
    }

    @Test
    void editDistanceCountsATranspositionAsOneEdit() {
        assertThat(YamlDefaults.editDistance("stpes", "steps")).isEqualTo(1);
        assertThat(YamlDefaults.editDistance("eta", "etas")).isEqualTo(1);
        assertThat(YamlDefaults.editDistance("", "abc")).isEqualTo(3);
        assertThat(YamlDefaults.closest("landscpe", List.of("noise", "landscape", "steps"))).contains("'landscape'");
    }

    static Stream<Path> examples() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path ex = Files.isDirectory(root.resolve("examples")) ? root.resolve("examples") : root.resolveSibling("examples");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(ex)) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    /**
     * Every shipped example is accepted by the command its first line names: its keys are options of that
     * command and its values convert. Parsed, not run (the full-size reproductions take hours).
     */
    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsAcceptedByItsCommand(Path example) throws IOException {
        String first = Files.readAllLines(example).get(0);
        Matcher m = Pattern.compile("^# htsgd ((?:[a-z0-9-]+ )+)--config ").matcher(first);
        assertThat(m.find()).as(example + " first line names its command: " + first).isTrue();
        List<String> args = new ArrayList<>(List.of(m.group(1).strip().split(" ")));
        args.add("--config");
        args.add(example.toString());
        String[] a = args.toArray(new String[0]);
        CommandLine cl = Main.newCommandLine();
        YamlDefaults config = Main.applyConfig(cl, a);
        ParseResult parsed = cl.parseArgs(a);
        List<CommandLine> chain = parsed.asCommandLineList();
        assertThat(chain).hasSizeGreaterThan(1);
        config.checkKeys(chain.get(chain.size() - 1).getCommandSpec());
        assertThat(config.values()).isNotEmpty();
    }
}
