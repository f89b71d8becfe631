package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plumbing on local[2] with a trivial deterministic experiment: exactly-once results, retries, resume. */
class SparkSweepRunnerTest {

    private static final int REPS = 7;

    @TempDir
    Path tmp;

    private final JavaSparkContext sc = TestSpark.context();
    private final CountingKind kind = new CountingKind(REPS);
    private final SweepSpec spec = SweepSpec.of("counting",
            SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2), List.of(0.1),
                    List.of(0.5, Double.POSITIVE_INFINITY), List.of(0.1, 0.01, 0.001), List.of(1L, 2L)),
            SweepSettings.defaults());
    private final int total = spec.grid().size() * REPS;

    @BeforeEach
    @AfterEach
    void reset() {
        CountingKind.reset();
    }

    private void assertExact(Map<TaskKey, String> results) {
        assertThat(results).hasSize(total);
        for (Map.Entry<TaskKey, String> e : results.entrySet()) {
            Cell cell = spec.grid().cell(e.getKey().cell());
            assertThat(e.getValue()).isEqualTo("{\"value\":" + CountingKind.value(cell, e.getKey().replication()) + "}");
        }
    }

    @Test
    void everyTaskRunsOnceAndGivesTheSequentialResult() {
        TaskStore store = TaskStore.open(tmp);
        SparkSweepRunner.Stats stats = SparkSweepRunner.run(sc, spec, kind, store, 0, null);
        assertThat(stats.total()).isEqualTo(total);
        assertThat(stats.computed()).isEqualTo(total);
        assertThat(stats.partitions()).isEqualTo(total);
        assertThat(CountingKind.EXECUTIONS.get()).isEqualTo(total);
        assertExact(store.load());
    }

    @Test
    void fewerPartitionsThanTasksGiveTheSameResults() {
        TaskStore store = TaskStore.open(tmp);
        SparkSweepRunner.Stats stats = SparkSweepRunner.run(sc, spec, kind, store, 5, null);
        assertThat(stats.partitions()).isEqualTo(5);
        assertExact(store.load());
    }

    @Test
    void retriedTasksAreCountedOnce() {
        CountingKind.failFirstAttempt = true; // every first attempt throws; Spark retries (local[2,3])
        TaskStore store = TaskStore.open(tmp);
        SparkSweepRunner.Stats stats = SparkSweepRunner.run(sc, spec, kind, store, 4, null);
        assertThat(stats.computed()).isEqualTo(total);
        assertThat(CountingKind.EXECUTIONS.get()).isGreaterThan(total); // the failed attempts ran too
        assertExact(store.load());
        var agg = kind.aggregate(spec, store.load());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = (List<Map<String, Object>>) agg.results().get("cells");
        assertThat(cells).allSatisfy(row -> assertThat(row.get("n")).isEqualTo(REPS));
    }

    @Test
    void aKilledSweepResumesFromTheTasksItCompleted() {
        TaskStore store = TaskStore.open(tmp);
        CountingKind.ALWAYS_FAIL.add(TaskKey.of(spec.grid().size() - 1, REPS - 1).id()); // fails all attempts
        assertThatThrownBy(() -> SparkSweepRunner.run(sc, spec, kind, store, 0, null))
                .hasMessageContaining("injected failure");
        int stored = store.load().size();
        assertThat(stored).isLessThan(total);

        CountingKind.ALWAYS_FAIL.clear();
        CountingKind.EXECUTIONS.set(0);
        SparkSweepRunner.Stats stats = SparkSweepRunner.run(sc, spec, kind, store, 0, null);
        assertThat(stats.reused()).isEqualTo(stored);
        assertThat(stats.computed()).isEqualTo(total - stored);
        assertThat(CountingKind.EXECUTIONS.get()).isEqualTo(total - stored);
        assertExact(store.load());

        SparkSweepRunner.Stats again = SparkSweepRunner.run(sc, spec, kind, store, 0, null);
        assertThat(again.computed()).isZero();
        assertThat(again.reused()).isEqualTo(total);
    }

    @Test
    void costlyCellsAreScheduledFirstAndDealtRoundRobin() {
        SweepKind byEta = new CountingKind(REPS) {
            @Override
            public double cost(Cell cell, SweepSettings settings) {
                return 1 / cell.eta();
            }
        };
        List<TaskKey> pending = SparkSweepRunner.tasks(spec, byEta);
        List<List<TaskKey>> groups = SparkSweepRunner.partition(spec, byEta, pending, 3);
        assertThat(groups).hasSize(3);
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(total);
        assertThat(spec.grid().cell(groups.get(0).get(0).cell()).eta()).isEqualTo(0.001);
        assertThat(spec.grid().cell(groups.get(2).get(groups.get(2).size() - 1).cell()).eta()).isEqualTo(0.1);
    }
}
