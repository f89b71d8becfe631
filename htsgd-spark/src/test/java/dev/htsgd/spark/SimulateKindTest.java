package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.OccupationStudy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulate sweep on local Spark is the occupation study: same settings, same seed, same result. */
class SimulateKindTest {

    @TempDir
    Path tmp;

    @Test
    void aCellsAggregateIsTheStudysResult() {
        SweepSpec spec = SweepSpec.of("simulate",
                SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2), List.of(0.1),
                        List.of(0.5, Double.POSITIVE_INFINITY), List.of(0.01), List.of(5L)),
                SweepSettings.defaults().withStart("0.3", 0).withSteps(20_000, 3));
        SimulateKind kind = new SimulateKind();
        kind.validate(spec);
        TaskStore store = TaskStore.open(tmp);
        SparkSweepRunner.run(TestSpark.context(), spec, kind, store, 0, null);
        Map<TaskKey, String> results = store.load();
        SweepKind.SweepOutcome outcome = kind.aggregate(spec, results);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cells = (List<Map<String, Object>>) outcome.results().get("cells_results");
        assertThat(cells).hasSize(2);
        for (Cell cell : spec.cells()) {
            OccupationStudy.Settings s = SimulateKind.settings(cell, spec.settings());
            OccupationStudy.Result local = StudyRunner.of(2).run(OccupationStudy.INSTANCE, s, cell.seed());
            OccupationStudy.Result spark = SimulateKind.result(cell, spec.settings(), results);
            assertThat(spark.inField()).containsExactly(local.inField());
            assertThat(spark.nearMinimum()).containsExactly(local.nearMinimum());
            assertThat(spark.transitions()).isDeepEqualTo(local.transitions());
            assertThat(spark.prediction()).usingRecursiveComparison().isEqualTo(local.prediction());
            for (int p = 0; p < 3; p++) {
                assertThat(spark.paths().get(p).visits()).containsExactly(local.paths().get(p).visits());
            }
            Map<String, Object> c = cells.get(cell.index());
            assertThat((double[]) c.get("fractions")).containsExactly(local.fractions());
            assertThat((long) c.get("total_steps")).isEqualTo(60_000);
        }
    }
}
