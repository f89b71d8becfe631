package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.run.Json;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ExitTimeStudy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exit-times kind is a thin adapter over {@link ExitTimeStudy}: the task results of its worker, reduced by its
 * aggregate, equal {@link StudyRunner#run} of the same settings (points, slope, slope_ci, predicted slope), and
 * a cell's tasks are the replications of its eta alone.
 */
class ExitTimesKindTest {

    private static final List<Double> ETAS = List.of(0.2, 0.1);
    private final SweepSpec spec = SweepSpec.of("exit-times",
            SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2), List.of(0.1),
                    List.of(0.5, Double.POSITIVE_INFINITY), ETAS, List.of(3L, 4L)),
            SweepSettings.defaults().withSamples(5).withMaxSteps(200_000));

    @Test
    void theAggregateIsTheStudysResult() throws Exception {
        ExitTimesKind kind = new ExitTimesKind();
        kind.validate(spec);
        SweepKind.Worker worker = kind.worker(spec);
        Map<TaskKey, String> results = new HashMap<>();
        for (Cell cell : spec.cells()) {
            for (int r = 0; r < kind.tasks(cell, spec.settings()); r++) {
                results.put(TaskKey.of(cell.index(), r), worker.run(cell, r));
            }
        }
        JsonNode out = Json.MAPPER.readTree(Json.toJson(kind.aggregate(spec, results).results()));
        JsonNode groups = out.get("groups");
        assertThat(groups).hasSize(4);
        for (JsonNode g : groups) {
            double b = g.get("clip").asText().equals("none") ? Double.POSITIVE_INFINITY : g.get("clip").asDouble();
            ExitTimeStudy.Settings s = ExitTimeStudy.Settings.of(Iclr1d.of(), ParetoNoise.of(1.2, 0.1), b,
                    Clipping.L2, true, 1, null, new double[] {0.2, 0.1}, 5, 200_000, Engine.SCALAR);
            long seed = g.get("seed").asLong();
            JsonNode local = Json.MAPPER.readTree(Json.toJson(
                    ExitTimeStudy.json(s, StudyRunner.of(2).run(ExitTimeStudy.of(), s, seed))));
            for (String k : List.of("points", "slope", "slope_ci", "slope_note", "predicted_slope", "jumps", "radius")) {
                assertThat(g.get(k)).as(k).isEqualTo(local.get(k));
            }
            assertThat(g.get("slope").isNumber()).isTrue();
            // the eta = 0.1 cell alone: htsgd exit-times --eta 0.1 --seed S
            JsonNode alone = Json.MAPPER.readTree(Json.toJson(ExitTimeStudy.json(s.withEtas(0.1),
                    StudyRunner.of(1).run(ExitTimeStudy.of(), s.withEtas(0.1), seed))));
            assertThat(g.get("points").get(1)).isEqualTo(alone.get("points").get(0));
        }
    }
}
