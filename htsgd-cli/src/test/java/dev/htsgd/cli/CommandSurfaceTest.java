package dev.htsgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What every command shows and accepts: help that renders cleanly, and only the options it honours. */
class CommandSurfaceTest {

    /** The commands whose runs checkpoint into their unfinished directory and continue from it. */
    private static final Set<String> RESUMABLE = Set.of("train", "reproduce", "demo", "rare-event", "sweep");

    /** Every command path under htsgd, the root included ([] is htsgd itself). */
    static List<List<String>> commandPaths() {
        List<List<String>> out = new ArrayList<>();
        collect(Main.newCommandLine(), new ArrayList<>(), out);
        return out;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) { // aliases would repeat the same command
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, out);
            }
        });
    }

    /** Prints the help of every command, through Main as the htsgd command does. */
    static final class HelpDump {
        public static void main(String[] args) {
            for (List<String> path : commandPaths()) {
                List<String> a = new ArrayList<>(path);
                a.add("--help");
                int code = Main.run(a.toArray(new String[0]));
                System.out.println("== " + String.join(" ", path) + " exit " + code);
            }
        }
    }

    @Test
    void everyHelpRendersWithoutFormatWarnings() throws IOException, InterruptedException {
        // picocli's warnings go to the System.err it saw when it was loaded, so render in a fresh JVM and
        // read that JVM's stderr: an unescaped % in a description shows only there.
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), HelpDump.class.getName())
                .redirectErrorStream(true).start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(all).isZero();
        List<List<String>> paths = commandPaths();
        assertThat(paths).hasSizeGreaterThan(10);
        for (List<String> path : paths) {
            assertThat(all).contains("== " + String.join(" ", path) + " exit 0");
        }
        assertThat(all).contains("Usage: htsgd rare-event").contains("Usage: htsgd tail-index");
        assertThat(all).doesNotContain("picocli WARN").doesNotContain("Could not format");
        // issue 16: placeholders in capitals that say what goes there, never picocli's <fieldName>
        assertThat(Pattern.compile("=<[a-z][A-Za-z]*>").matcher(all).results().map(m -> m.group()).toList())
                .as("lower-case placeholders in --help").isEmpty();
    }

    @Test
    void resumeIsOfferedExactlyByTheCommandsThatCheckpoint() {
        List<String> offered = new ArrayList<>();
        for (List<String> path : commandPaths()) {
            CommandLine cl = Main.newCommandLine();
            for (String name : path) {
                cl = cl.getSubcommands().get(name);
            }
            if (cl.getCommandSpec().findOption("--resume") != null) {
                offered.add(String.join(" ", path));
            }
            String help = cl.getUsageMessage();
            assertThat(help.contains("--resume")).as(String.join(" ", path) + " help mentions --resume")
                    .isEqualTo(RESUMABLE.contains(String.join(" ", path)));
        }
        assertThat(offered).containsExactlyInAnyOrderElementsOf(RESUMABLE);
        // with their required options, so that --resume is the only thing wrong
        for (String c : List.of("simulate", "exit-times", "analyze", "control", "sharpness --weights w.npz",
                "tail-index --input x.txt")) {
            String[] r = CliRun.run((c + " --resume").split(" "));
            assertThat(r[0]).as(c + ": " + r[2]).isEqualTo("2");
            assertThat(r[2].strip().lines()).hasSize(1);
            assertThat(r[2]).contains("Unknown option: '--resume'");
        }
    }

    /** The list of commands shows one sentence per command, ending where the sentence ends (its header). */
    @Test
    void everyCommandHasAOneSentenceSummary() {
        CommandLine root = Main.newCommandLine();
        for (var e : root.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String[] header = e.getValue().getCommandSpec().usageMessage().header();
            org.assertj.core.api.Assertions.assertThat(header).as(e.getKey()).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(header[0]).as(e.getKey()).endsWith(".").doesNotContain("\n");
        }
    }

    /**
     * The old names of renamed options (issue 16: one name per concept) still set their value, and the new name's
     * default does not overwrite it (picocli applies a defaultValue after parsing, so the new names have none).
     */
    @Test
    void oldOptionNamesStillSetTheirValue() {
        String[][] cases = {
            {"reproduce", "--size", "tiny", "reproduce", "b-map", "--scale", "tiny"},
            {"demo", "--size", "tiny", "demo", "--scale", "tiny"},
            {"rare-event", "--task-paths", "500", "rare-event", "--batch", "500"},
            {"rare-event", "--estimator", "mc", "rare-event", "--method", "mc"},
            {"sharpness", "--box", "0.125", "sharpness", "--weights", "w.npz", "--epsilon", "0.125"},
            {"reproduce", "--replications", "3", "reproduce", "dl-fashion", "--seeds", "3"},
            {"reproduce", "--sb-noise-replications", "2", "reproduce", "dl-fashion", "--sb-noise-seeds", "2"},
        };
        for (String[] c : cases) {
            CommandLine.ParseResult parsed = Main.newCommandLine().parseArgs(java.util.Arrays.copyOfRange(c, 3, c.length));
            Object value = parsed.subcommand().commandSpec().findOption(c[1]).getValue();
            assertThat(String.valueOf(value)).as(String.join(" ", c)).isEqualTo(c[2]);
        }
        // and without either name, the documented default
        CommandLine.ParseResult plain = Main.newCommandLine().parseArgs("rare-event");
        assertThat(plain.subcommand().commandSpec().findOption("--task-paths").<Integer>getValue()).isEqualTo(1000);
        assertThat(plain.subcommand().commandSpec().findOption("--estimator").<String>getValue()).isEqualTo("is");
    }

    /** The README's table of defaults is what every listed command's option defaults to (issue 16). */
    @Test
    void theReadmeDefaultsTableIsWhatTheCommandsUse() throws IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        String table = readme.substring(readme.indexOf("<!-- defaults-table -->"), readme.indexOf("<!-- /defaults-table -->"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\| `(--[a-z0-9-]+)` \\| `([^`]+)` \\| ([a-z, -]+) \\|").matcher(table);
        CommandLine root = Main.newCommandLine();
        int checked = 0;
        while (m.find()) {
            for (String command : m.group(3).split(",\\s*")) {
                CommandLine.Model.OptionSpec o = root.getSubcommands().get(command.strip()).getCommandSpec().findOption(m.group(1));
                assertThat(o).as(command + " " + m.group(1)).isNotNull();
                // --etas has no picocli default (it excludes --eta); the command falls back to Defaults.ETAS
                String actual = o.defaultValue() != null ? o.defaultValue() : m.group(1).equals("--etas") ? dev.htsgd.cli.option.Defaults.ETAS : null;
                assertThat(actual).as(command + " " + m.group(1)).isEqualTo(m.group(2));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }
}
