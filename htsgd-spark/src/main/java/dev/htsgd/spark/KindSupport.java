package dev.htsgd.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
     * Refuses the vector engine for an experiment whose Spark task holds one path or replication: its K lanes would
     * run one live path, slower than the scalar engine (rare-event tasks hold {@code --task-paths} paths).
     */
    static void scalarOnly(SweepSettings s, String experiment, String unit) {
        if (s.engineValue() != dev.htsgd.dynamics.Engine.SCALAR) {
            throw new IllegalArgumentException("--engine " + s.engine() + " is for --experiment rare-event: a task of "
                    + experiment + " holds " + unit + ", which the lanes would run slower than the scalar engine");
        }
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
