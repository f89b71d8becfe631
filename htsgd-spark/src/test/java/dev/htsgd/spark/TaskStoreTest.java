package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskStoreTest {

    @TempDir
    Path tmp;

    private static TaskResult r(int cell, int rep, String json) {
        return new TaskResult(TaskKey.of(cell, rep), json);
    }

    @Test
    void storesAndLoadsOneResultPerTask() {
        TaskStore s = TaskStore.open(tmp.resolve("tasks"));
        s.write(List.of(r(0, 1, "{\"v\":1}"), r(0, 0, "{\"v\":0}")));
        s.write(List.of(r(1, 0, "{\"v\":2}")));
        Map<TaskKey, String> m = s.load();
        assertThat(m).hasSize(3);
        assertThat(m.keySet()).containsExactly(TaskKey.of(0, 0), TaskKey.of(0, 1), TaskKey.of(1, 0));
        assertThat(m.get(TaskKey.of(0, 1))).isEqualTo("{\"v\":1}");
    }

    @Test
    void aRepeatedOrOverlappingBatchCountsOnce() throws Exception {
        TaskStore s = TaskStore.open(tmp);
        List<TaskResult> batch = List.of(r(0, 0, "{\"v\":0}"), r(0, 1, "{\"v\":1}"));
        s.write(batch);
        s.write(batch); // a retried or speculative copy delivering the same results
        s.write(List.of(r(0, 1, "{\"v\":1}"), r(0, 2, "{\"v\":2}"))); // overlaps in task (0, 1)
        try (var files = Files.list(tmp)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("part-")).count()).isEqualTo(2);
        }
        assertThat(s.load()).hasSize(3);
    }

    @Test
    void conflictingResultsForOneTaskAreAnError() {
        TaskStore s = TaskStore.open(tmp);
        s.write(List.of(r(0, 0, "{\"v\":0}")));
        s.write(List.of(r(0, 0, "{\"v\":9}")));
        assertThatThrownBy(s::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c00000-r000000").hasMessageContaining("not deterministic");
    }

    @Test
    void interruptedWritesAreIgnoredAndCleaned() throws Exception {
        TaskStore s = TaskStore.open(tmp);
        Files.writeString(tmp.resolve(".part-123.tmp"), "c00000-r000000\t{\"v\":");
        assertThat(s.load()).isEmpty();
        s.cleanTemporaries();
        try (var files = Files.list(tmp)) {
            assertThat(files.count()).isZero();
        }
    }
}
