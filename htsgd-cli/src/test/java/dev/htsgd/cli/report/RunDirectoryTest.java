package dev.htsgd.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    private static Provenance prov(double eta) {
        return Provenance.of("test", Map.of("eta", eta), 7L);
    }

    private static RunOptions opts(boolean force, boolean resume) {
        RunOptions o = new RunOptions();
        o.force = force;
        o.resume = resume;
        return o;
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

    @Test
    void existingOutputIsNotOverwrittenWithoutForce() throws Exception {
        Path out = tmp.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "old");
        assertThatThrownBy(() -> RunDirectory.open(out, "test", opts(false, false), prov(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists").hasMessageContaining("--force");
        assertThat(out.resolve("keep.txt")).exists();
        try (RunDirectory run = RunDirectory.open(out, "test", opts(true, false), prov(0.1))) {
            run.writeResults(Map.of());
            run.commit();
        }
        assertThat(out.resolve("keep.txt")).doesNotExist();
        assertThat(out.resolve("results.json")).exists();
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
    void freshRunDiscardsAnOldPartial() throws Exception {
        Path out = tmp.resolve("run");
        RunDirectory run = RunDirectory.open(out, "test", opts(false, false), prov(0.1));
        run.checkpoint().put("rep=0", 1.0);
        run.close();
        try (RunDirectory fresh = RunDirectory.open(out, "test", opts(false, false), prov(0.1))) {
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
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume: no unfinished run");
        // the directory is free for a fresh run
        try (RunDirectory fresh = RunDirectory.open(out, "test", opts(false, false), prov(0.1))) {
            fresh.commit();
        }
        assertThat(out).isDirectory();
    }

    @Test
    void resumeWithoutPartialIsBadInput() {
        assertThatThrownBy(() -> RunDirectory.open(tmp.resolve("none"), "test", opts(false, true), prov(0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--resume");
    }

    @Test
    void latestPartialPicksNewestByName() throws Exception {
        Files.createDirectories(tmp.resolve("demo-20260101-000000.partial"));
        Files.createDirectories(tmp.resolve("demo-20260102-000000.partial"));
        assertThat(RunDirectory.latestPartial(tmp, "demo")).isEqualTo(tmp.resolve("demo-20260102-000000"));
        assertThat(RunDirectory.latestPartial(tmp, "other")).isNull();
    }
}
