package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htsgd.noise.Noises;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.study.RareEventStudy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rare-event sweep on local[2] is the study: every cell's point equals StudyRunner.run of the same settings. */
class RareEventKindTest {

    @TempDir
    Path tmp;

    @Test
    void theAggregateIsTheStudyRunOfEachCell() {
        RareEventKind kind = new RareEventKind();
        SweepSettings settings = SweepSettings.defaults().withSamples(4_500).withBatch(2_000).withEvent(0, 0L, "is")
                .withStart("2.5", 1);
        SweepSpec spec = SweepSpec.of("rare-event", SweepGrid.of(null, List.of("ld-quartic"), List.of("mixture"),
                List.of(1.5), List.of(0.2), List.of(1.5, Double.POSITIVE_INFINITY), List.of(0.05, 0.02), List.of(4L)),
                settings);
        kind.validate(spec);
        TaskStore store = TaskStore.open(tmp);
        SparkSweepRunner.run(TestSpark.context(), spec, kind, store, 0, null);
        Map<String, Object> results = kind.aggregate(spec, store.load()).results();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) results.get("groups");
        int cells = 0;
        for (Map<String, Object> g : groups) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> points = (List<Map<String, Object>>) g.get("points");
            for (Map<String, Object> p : points) {
                double b = p.get("b") instanceof Double d ? d : Double.POSITIVE_INFINITY;
                RareEventStudy.Settings s = RareEventStudy.Settings.of("ld-quartic",
                        JumpNoise.from(Noises.of("mixture", 1.5, 0.2, 1.0)), b, (double) p.get("eta"), 2.5, 0, 0,
                        RareEventStudy.Method.IS, null, 4_500, RareEventStudy.BATCH);
                assertThat(p).isEqualTo(StudyRunner.of(2).run(new RareEventStudy(), s, 4).point());
                cells++;
            }
        }
        assertThat(cells).isEqualTo(4);
        assertThat(kind.tasks(spec.cells().get(0), settings)).isEqualTo(3); // 5 batches of 1000 in tasks of 2
    }
}
