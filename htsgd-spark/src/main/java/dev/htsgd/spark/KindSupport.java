package dev.htsgd.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.htsgd.run.Study;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared pieces of the sweep experiments: the compact JSON of task results, grouping cells along eta. */
final class KindSupport {

    /** Compact, deterministic JSON for task results (doubles written so that they read back exactly). */
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private KindSupport() {
    }

    /**
     * Paths (simulate) or replications (exit-times) per Spark task of the vector engine: 32, four vectors of 8
     * doubles (eight of 4), fixed rather than K so that the task split does not depend on an executor's JVM. On
     * the scalar engine a task holds one. Path p's result is the same whichever task holds it.
     */
    static final int VECTOR_TASK_PATHS = 32;

    /** The study tasks (paths or replications) one Spark task of simulate or exit-times holds. */
    static int pathsPerTask(SweepSettings s) {
        return s.engineValue() == dev.htsgd.dynamics.Engine.VECTOR ? VECTOR_TASK_PATHS : 1;
    }

    /** The study tasks {@code from .. to - 1} of a Spark task, run by a study. */
    interface Range<T> {
        List<T> run(int from, int to);
    }

    /**
     * Spark task r of n study tasks, per of them each: the study tasks {@code r per .. min(n, (r + 1) per) - 1}
     * encoded in order, as {"first_task": r per, "tasks": [...]}.
     */
    static <T> String batch(int r, int per, int n, Study.Codec<T> codec, Range<T> study) {
        int from = r * per;
        List<T> got = study.run(from, (int) Math.min(n, (long) from + per));
        StringBuilder json = new StringBuilder("{\"first_task\":").append(from).append(",\"tasks\":[");
        for (int i = 0; i < got.size(); i++) {
            json.append(i == 0 ? "" : ",").append(codec.encode(got.get(i)));
        }
        return json.append("]}").toString();
    }

    /**
     * The study tasks of every Spark task of a cell ({@link #batch} results, per study tasks each), decoded into
     * {@code out} (one entry per study task) in study task order; a missing Spark task or study task is an error
     * naming it.
     */
    static <T> T[] unbatch(Cell cell, int per, T[] out, Map<TaskKey, String> results, Study.Codec<T> codec) {
        for (int r = 0; r < sparkTasks(out.length, per); r++) {
            String json = results.get(TaskKey.of(cell.index(), r));
            if (json == null) {
                throw new IllegalStateException("task " + TaskKey.of(cell.index(), r).id() + " has no stored result");
            }
            JsonNode n = read(json);
            int first = n.get("first_task").asInt();
            JsonNode t = n.get("tasks");
            for (int i = 0; i < t.size(); i++) {
                out[first + i] = codec.decode(t.get(i).toString());
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalStateException("study task " + i + " of cell " + cell.id() + " is missing");
            }
        }
        return out;
    }

    /** Spark tasks for n study tasks, per of them each (in long arithmetic: n may be Integer.MAX_VALUE). */
    static int sparkTasks(int n, int per) {
        return (int) ((n + (long) per - 1) / per);
    }

    /** Refuses {@code --target} outside {@code --experiment reproduce}, where it would silently multiply the grid. */
    static void noTargets(SweepSpec spec) {
        List<String> t = spec.grid().targets();
        if (!(t.size() == 1 && t.get(0).isEmpty())) {
            throw new IllegalArgumentException("--target is for --experiment reproduce only, got --target "
                    + String.join(",", t) + " with --experiment " + spec.experiment());
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable task result: " + json, e);
        }
    }


    /**
     * The cells grouped by everything but eta (target, landscape, noise, alpha, scale, b, seed), in cell
     * order; within a group the cells run over the eta axis in its order.
     */
    static List<List<Cell>> groupsAlongEta(SweepSpec spec) {
        List<Cell> cells = spec.cells();
        int n = spec.grid().etas().size();
        List<List<Cell>> groups = new ArrayList<>();
        for (int i = 0; i < cells.size(); i += n) {
            groups.add(cells.subList(i, i + n));
        }
        return groups;
    }

    /** The grid values of a group (a cell without its eta and index). */
    static Map<String, Object> groupKey(Cell cell) {
        Map<String, Object> m = new LinkedHashMap<>(cell.describe());
        m.remove("cell");
        m.remove("eta");
        return m;
    }
}
