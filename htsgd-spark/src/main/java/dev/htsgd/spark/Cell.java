package dev.htsgd.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep's grid: landscape, noise family, tail index alpha, noise scale c, truncation
 * threshold b ({@code clip}, +infinity for none), learning rate eta, seed, and for {@code reproduce}
 * sweeps the target name (empty otherwise). Cells are numbered in {@link SweepGrid#cells()} order.
 */
public record Cell(int index, String landscape, String noise, double alpha, double scale, double clip, double eta,
                   long seed, String target) implements Serializable {

    /** The stable text id, {@code c00003}. */
    public String id() {
        return String.format("c%05d", index);
    }

    /** True when the updates are not truncated (b = infinity). */
    public boolean unclipped() {
        return clip == Double.POSITIVE_INFINITY;
    }

    /** b as written on the command line: a number or {@code none}. */
    public String clipText() {
        return unclipped() ? "none" : SweepGrid.number(clip);
    }

    /** The cell's grid values, for results.json and CSV (keys as the CLI options). */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", index);
        if (!target.isEmpty()) {
            m.put("target", target);
        }
        m.put("landscape", landscape);
        m.put("noise", noise);
        m.put("alpha", alpha);
        m.put("scale", scale);
        m.put("clip", clipText());
        m.put("eta", eta);
        m.put("seed", seed);
        return m;
    }
}
