package dev.htsgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htsgd.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's classes of bad input at the command line: refused with one line and exit 2 before any work and
 * before anything is created; an existing directory htsgd did not make is never replaced.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    private static Set<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private static void assertOneLineBadInput(String[] r, String... fragments) {
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip()).as("one line").doesNotContain("\n").doesNotContain("Exception");
        for (String f : fragments) {
            assertThat(r[2]).contains(f);
        }
    }

    /** --out "" / . / .. / / with --force: the working directory is never emptied (data-loss class). */
    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "/"})
    void forceNeverTouchesTheWorkingDirectoryOrItsParents(String out) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Set<String> before = listing(cwd);
        String[] r = CliRun.run("simulate", "--steps", "1000", "--paths", "1", "--out", out, "--force", "--quiet");
        assertOneLineBadInput(r, "--out");
        assertThat(r[1]).as("no results printed").isEmpty();
        assertThat(listing(cwd)).isEqualTo(before);
    }

    @Test
    void forceRefusesADirectoryThatIsNotAFinishedRun() throws Exception {
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("thesis.tex"), "keep");
        String[] r = CliRun.run("simulate", "--steps", "1000", "--paths", "1", "--out", mine.toString(), "--force", "--quiet");
        assertOneLineBadInput(r, "not a finished htsgd run");
        assertThat(listing(mine)).containsExactly("thesis.tex");

        Path run = tmp.resolve("run");
        assertThat(CliRun.run("simulate", "--steps", "1000", "--paths", "1", "--out", run.toString(), "--quiet")[0]).isEqualTo("0");
        assertThat(run.resolve(RunDirectory.MARKER)).exists();
        String[] again = CliRun.run("simulate", "--steps", "1000", "--paths", "1", "--out", run.toString(), "--force", "--quiet");
        assertThat(again[0]).as(again[2]).isEqualTo("0");
    }

    /** An existing or unwritable --out is refused before the computation, and no results are printed. */
    @Test
    void outputIsCheckedBeforeTheWork() throws Exception {
        Path existing = tmp.resolve("existing");
        Files.createDirectories(existing);
        for (String[] cmd : new String[][] {
                {"simulate", "--steps", "1000", "--paths", "1"},
                {"exit-times", "--etas", "0.2,0.1", "--samples", "2", "--max-steps", "1000"},
                {"analyze"},
                {"control"}}) {
            String[] r = CliRun.run(concat(cmd, "--out", existing.toString(), "--quiet"));
            assertOneLineBadInput(r, "exists", "--force");
            assertThat(r[1]).as(cmd[0] + " printed results before refusing").isEmpty();
        }
        String[] r = CliRun.run("simulate", "--steps", "1000", "--paths", "1", "--out", "/proc/htsgd-x", "--quiet");
        assertOneLineBadInput(r, "--out: cannot create /proc/htsgd-x: /proc is not writable");
    }

    /** Bad input that only a run's own checks find leaves no NAME.partial inviting a --resume. */
    @Test
    void reproduceOptionsAreValidatedBeforeTheRunDirectoryExists() throws Exception {
        String[][] bad = {
                {"reproduce", "global-dynamics", "--steps", "0"},
                {"reproduce", "global-dynamics", "--paths", "-2"},
                {"reproduce", "exit-times", "--max-steps", "-1"},
                {"reproduce", "rare-event", "--etas", "1/0"},
                {"reproduce", "b-map", "--steps", "1000"},
                {"rare-event", "--etas", "5", "--samples", "1000"},
                {"rare-event", "--etas", "1/0", "--samples", "1000"}};
        String[] expect = {"--steps must be >= 1", "--paths must be >= 1", "--max-steps must be >= 1", "--etas",
                "--steps is not used by b-map", "--etas 5.0 gives the default horizon", "--etas"};
        for (int i = 0; i < bad.length; i++) {
            Path out = tmp.resolve("r" + i);
            String[] r = CliRun.run(concat(bad[i], "--out", out.toString(), "--quiet", "--size", "tiny"));
            if (bad[i][0].equals("rare-event")) {
                r = CliRun.run(concat(bad[i], "--out", out.toString(), "--quiet"));
            }
            assertOneLineBadInput(r, expect[i]);
            assertThat(listing(tmp)).as(String.join(" ", bad[i])).isEmpty();
        }
    }

    /** Errors name the option the user typed, not the library's parameter. */
    @Test
    void errorsNameTheOptionAsTyped() {
        String[] grid = CliRun.run("analyze", "--grid", "0", "--quiet");
        assertOneLineBadInput(grid, "--grid must be in [101, 100000000], got 0");
        assertThat(grid[2]).doesNotContain("gridPoints");
        String[] window = CliRun.run("analyze", "--landscape", "expr:x^4-x^2", "--window", "5,-5", "--quiet");
        assertOneLineBadInput(window, "--window must be a,b");
        assertThat(window[2]).doesNotContain("--domain");
        String[] controlWindow = CliRun.run("control", "--landscape", "expr:x^4-x^2", "--window", "5,-5", "--quiet");
        assertOneLineBadInput(controlWindow, "--window must be a,b");
    }

    /** A grid that lists a learning rate twice would run and weigh it twice: refused, naming the value. */
    @Test
    void aRepeatedLearningRateIsRefused() {
        assertOneLineBadInput(CliRun.run("exit-times", "--etas", "0.1,0.05,0.1", "--samples", "2", "--quiet"),
                "--etas lists 0.1 twice");
        assertOneLineBadInput(CliRun.run("rare-event", "--etas", "1/200,0.005", "--quiet"), "--etas lists 0.005 twice");
        assertOneLineBadInput(CliRun.run("reproduce", "exit-times", "--etas", "0.1,0.1", "--size", "tiny", "--quiet",
                "--out", tmp.resolve("r").toString()), "--etas lists 0.1 twice");
        assertThat(tmp.resolve("r.partial")).doesNotExist();
    }

    /** A killed run's checkpoint is never discarded silently: --resume continues it, --force discards it. */
    @Test
    void rerunningAKilledRunWithoutResumeIsRefused() throws Exception {
        Path out = tmp.resolve("run");
        Path partial = tmp.resolve("run.partial");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("config.yaml"), "command: htsgd reproduce b-map\n");
        Files.writeString(partial.resolve("checkpoint.json"), "{\"fingerprint\":\"x\",\"done\":{}}");
        String[] r = CliRun.run("reproduce", "b-map", "--out", out.toString(), "--quiet");
        assertOneLineBadInput(r, "--resume", "--force");
        assertThat(partial.resolve("checkpoint.json")).exists();
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
