package dev.htsgd.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    private static Provenance prov(double eta) {
        return Provenance.of("test", Map.of("eta", eta), 7L);
    }

    private static RunMode opts(boolean force, boolean resume) {
        return new RunMode(force, resume);
    }

    @Test
    void writesIntoPartialAndRenamesOnCommit() throws Exception {
        Path out = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.open(out, "test", opts(false, false), prov(0.1))) {
            assertThat(run.path().getFileName().toString()).isEqualTo("run.partial");
            run.writeResults(Map.of("x", 1.5));
            run.writeCsv("table", List.of("a", "b"), List.of(List.of(1, "x,y")));
            assertThat(out).doesNotExist();
            assertThat(run.commit()).isEqualTo(out.toAbsolutePath().normalize());
        }
        assertThat(out.resolve("results.json")).content().contains("\"x\" : 1.5");
        assertThat(out.resolve("table.csv")).content().isEqualTo("a,b\n1,\"x,y\"\n");
        assertThat(out.resolve("config.yaml")).content().contains("eta: 0.1").contains("seed: 7").contains("htsgd_version")
                .contains("java_version").contains("git_commit");
        assertThat(out.resolve("log.txt")).content().contains("finished");
        assertThat(out.resolve(Checkpoint.FILE)).doesNotExist();
        assertThat(out.resolve(".lock")).doesNotExist();
        assertThat(tmp.resolve("run.partial")).doesNotExist();
    }

    private static Path finishedRun(Path out) {
        try (RunDirectory run = RunDirectory.open(out, "test", opts(false, false), prov(0.1))) {
            run.writeResults(Map.of("old", 1));
            return run.commit();
        }
    }

    @Test
    void existingOutputIsReplacedOnlyWithForceAndOnlyWhenItIsAFinishedRun() throws Exception {
        Path out = tmp.resolve("run");
        finishedRun(out);
        assertThat(out.resolve(RunDirectory.MARKER)).exists();
        Files.writeString(out.resolve("keep.txt"), "old");
        assertThatThrownBy(() -> RunDirectory.open(out, "test", opts(false, false), prov(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists").hasMessageContaining("`force`");
        assertThat(out.resolve("keep.txt")).exists();
        try (RunDirectory run = RunDirectory.open(out, "test", opts(true, false), prov(0.1))) {
            run.writeResults(Map.of());
            run.commit();
        }
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(out.resolve("results.json")).exists();
    }

    /** The data-loss class: --force never replaces a directory htsgd did not make, nor the working directory. */
    @Test
    void forceRefusesEverythingThatIsNotAFinishedRun() throws Exception {
        Path plain = tmp.resolve("plain");
        Files.createDirectories(plain);
        Files.writeString(plain.resolve("keep.txt"), "mine");
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> refused = List.of(Path.of(""), Path.of("."), Path.of(".."), Path.of("/"), cwd, cwd.getParent(), plain);
        Set<String> cwdBefore = listing(cwd);
        for (Path out : refused) {
            assertThatThrownBy(() -> RunTarget.checkTarget(out, opts(true, false)))
                    .as("--out '%s' --force", out).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("out: ");
            assertThatThrownBy(() -> RunDirectory.open(out, "test", opts(true, false), prov(0.1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(plain.resolve("keep.txt")).content().isEqualTo("mine");
        assertThat(listing(cwd)).isEqualTo(cwdBefore);
        Path file = tmp.resolve("file.txt");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> RunTarget.checkTarget(file, opts(true, false))).hasMessageContaining("not a directory");
    }

    @Test
    void unwritableParentIsBadInputBeforeAnythingIsCreated() throws Exception {
        assertThatThrownBy(() -> RunTarget.checkTarget(Path.of("/proc/htsgd-x"), opts(false, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("out: cannot create /proc/htsgd-x: /proc is not writable");
        Path file = tmp.resolve("f");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> RunTarget.checkTarget(file.resolve("a/b"), opts(false, false)))
                .hasMessageContaining("is not a directory");
        assertThat(tmp.resolve("f")).content().isEqualTo("x");
    }

    @Test
    void aPartialNotMadeByHtsgdIsNeverDeleted() throws Exception {
        Path partial = tmp.resolve("run.partial");
        Files.createDirectories(partial);
        Files.writeString(partial.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> RunDirectory.open(tmp.resolve("run"), "test", opts(true, false), prov(0.1)))
                .hasMessageContaining("was not made by htsgd");
        assertThat(partial.resolve("notes.txt")).content().isEqualTo("mine");
    }

    @Test
    void badInputDuringARunDiscardsTheFreshPartialButNotAResumedOne() throws Exception {
        RunDirectory.keepUnfinished();  // as at the start of every command: earlier runs are never candidates
        Path out = tmp.resolve("run");
        RunDirectory run = RunDirectory.open(out, "test", opts(false, false), prov(0.1));
        run.close();
        assertThat(RunDirectory.discardUnfinished("bad")).containsExactly(tmp.resolve("run.partial"));
        assertThat(tmp.resolve("run.partial")).doesNotExist();

        unfinishedRun();
        RunDirectory resumed = RunDirectory.open(out, "test", opts(false, true), prov(0.1));
        resumed.close();
        assertThat(RunDirectory.discardUnfinished("bad")).isEmpty();
        assertThat(tmp.resolve("run.partial").resolve(Checkpoint.FILE)).exists();
    }

    @Test
    void damagedCheckpointIsRefusedOnResumeNotSilentlyRestarted() throws Exception {
        Path out = unfinishedRun();
        Path cp = tmp.resolve("run.partial").resolve(Checkpoint.FILE);
        String full = Files.readString(cp);
        Files.writeString(cp, full.substring(0, full.length() / 2));
        assertThatThrownBy(() -> RunDirectory.open(out, "test", opts(false, true), prov(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is damaged").hasMessageContaining("`force`");
        assertThat(cp).content().isEqualTo(full.substring(0, full.length() / 2));
    }

    /** A run at tmp/run that checkpointed rep=0 and stopped before committing (its checkpoint kept). */
    private Path unfinishedRun() throws Exception {
        Path out = tmp.resolve("run");
        RunDirectory run = RunDirectory.open(out, "test", opts(false, false), prov(0.1));
        run.checkpoint().put("rep=0", 1.0);
        run.close();
        RunDirectory.keepUnfinished();
        return out;
    }

    private static Set<String> listing(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void killedRunLeavesNothingThatLooksCompleteAndResumes() throws Exception {
        Path out = tmp.resolve("run");
        RunDirectory run = RunDirectory.open(out, "test", opts(false, false), prov(0.1));
        run.checkpoint().put("rep=0", new double[] {0.1 + 0.2, Math.PI});
        run.close(); // as after a kill: never committed
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("run.partial").resolve(Checkpoint.FILE)).exists();

        assertThatThrownBy(() -> RunDirectory.open(out, "test", opts(false, true), prov(0.2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other options");
        try (RunDirectory again = RunDirectory.open(out, "test", opts(false, true), prov(0.1))) {
            assertThat(again.resumed()).isTrue();
            assertThat(again.checkpoint().get("rep=0", double[].class)).containsExactly(0.1 + 0.2, Math.PI);
            again.commit();
        }
        assertThat(out.resolve("log.txt")).content().contains("resumed");
    }

    @Test
    void freshRunDiscardsAnOldCheckpointOnlyWithForce() throws Exception {
        Path out = unfinishedRun();
        assertThatThrownBy(() -> RunDirectory.open(out, "test", opts(false, false), prov(0.1)))
                .hasMessageContaining("add `resume` to continue it, or `force` to discard it");
        try (RunDirectory fresh = RunDirectory.open(out, "test", opts(true, false), prov(0.1))) {
            assertThat(fresh.checkpoint().has("rep=0")).isFalse();
        }
    }

    @Test
    void abandonedRunLeavesNothingToResume() throws Exception {
        Path out = tmp.resolve("run");
        RunDirectory run = RunDirectory.open(out, "test", opts(false, false), prov(0.1));
        run.checkpoint().put("rep=0", 1.0);
        run.checkpoint().flush();
        run.abandon();
        run.close(); // as at the end of try-with-resources: must not recreate anything
        assertThat(out).doesNotExist();
        assertThat(tmp.resolve("run.partial")).doesNotExist();
        assertThatThrownBy(run::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("abandoned");
        assertThatThrownBy(() -> RunDirectory.open(out, "test", opts(false, true), prov(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resume: no unfinished run");
        // the directory is free for a fresh run
        try (RunDirectory fresh = RunDirectory.open(out, "test", opts(false, false), prov(0.1))) {
            fresh.commit();
        }
        assertThat(out).isDirectory();
    }

    @Test
    void resumeWithoutPartialIsBadInput() {
        assertThatThrownBy(() -> RunDirectory.open(tmp.resolve("none"), "test", opts(false, true), prov(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("resume: ");
    }

    @Test
    void latestPartialPicksNewestByName() throws Exception {
        Files.createDirectories(tmp.resolve("demo-20260101-000000.partial"));
        Files.createDirectories(tmp.resolve("demo-20260102-000000.partial"));
        assertThat(RunTarget.latestPartial(tmp, "demo")).isEqualTo(tmp.resolve("demo-20260102-000000"));
        assertThat(RunTarget.latestPartial(tmp, "other")).isNull();
    }
}
