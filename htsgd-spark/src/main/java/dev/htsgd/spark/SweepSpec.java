package dev.htsgd.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole sweep: which experiment each task runs, the grid, and the options shared by every cell. A
 * sweep's results are a pure function of its spec; {@link #fingerprint()} identifies it, so a resumed sweep
 * only reuses completed tasks of the very same spec.
 */
public record SweepSpec(String experiment, SweepGrid grid, SweepSettings settings) implements Serializable {

    private static final ObjectMapper CANONICAL = JsonMapper.builder().build();

    public static SweepSpec of(String experiment, SweepGrid grid, SweepSettings settings) {
        if (experiment == null || experiment.isBlank()) {
            throw new IllegalArgumentException("--experiment must name an experiment");
        }
        return new SweepSpec(experiment.strip(), grid, settings);
    }

    /** The cells, in their fixed order (cell i has index i). */
    public List<Cell> cells() {
        return grid.cells();
    }

    /**
     * The configuration that determines the results (experiment, grid, and the settings the experiment
     * reads), in the order of the CLI options; written to config.yaml and hashed by {@link #fingerprint()}.
     */
    public Map<String, Object> config(List<String> settingKeys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment);
        if (!(grid.targets().size() == 1 && grid.targets().get(0).isEmpty())) {
            m.put("target", grid.targets());
        }
        m.put("landscape", grid.landscapes());
        m.put("noise", grid.noises());
        m.put("alpha", grid.alphas());
        m.put("scale", grid.scales());
        List<String> clips = new ArrayList<>();
        for (double b : grid.clips()) {
            clips.add(b == Double.POSITIVE_INFINITY ? "none" : SweepGrid.number(b));
        }
        m.put("clip", clips);
        m.put("eta", grid.etas());
        m.put("seeds", grid.seeds());
        Map<String, Object> all = settings.asMap();
        for (String k : settingKeys) {
            if (all.containsKey(k)) {
                m.put(k, all.get(k));
            }
        }
        return m;
    }

    /** SHA-256 (hex) of the canonical JSON of {@link #config(List)}. */
    public String fingerprint(List<String> settingKeys) {
        try {
            byte[] json = CANONICAL.writeValueAsString(config(settingKeys)).getBytes(StandardCharsets.UTF_8);
            return TaskStore.sha256(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
