package dev.htsgd.study;

import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.VectorNoise;
import dev.htsgd.sim.Streams;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.theory.ExitMeasureRd;
import dev.htsgd.theory.FlowFields;
import dev.htsgd.theory.LandscapeAnalysis;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The d-D fields and analyses behind the studies' predictions ({@link LandscapeAnalysis#of(FlowFields, VectorNoise, double,
 * int, java.util.function.LongFunction)}): they cost seconds (fields by flow, Monte Carlo rates), so one per
 * landscape, noise and b is kept per JVM. Their Monte Carlo uses the fixed seed {@link #THEORY_SEED}, so a
 * prediction does not depend on the run's seed.
 */
final class MultiDAnalyses {

    /** Seed of the Monte Carlo rates of every cached analysis. */
    static final long THEORY_SEED = 1L;

    private static final Map<String, Object> CACHE = lru(8);
    private static final Map<String, FlowFields> FIELDS = lru(8);

    private MultiDAnalyses() {
    }

    /** A map that keeps the {@code n} entries used last (not thread-safe: callers synchronise on it). */
    private static <V> Map<String, V> lru(int n) {
        return new LinkedHashMap<>(n, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> e) {
                return size() > n;
            }
        };
    }

    /** The analysis, or a String saying why there is none. */
    static Object of(Objective f, VectorNoise z, double b) {
        String key = f.name() + " " + f.domain().describe() + " " + z.describe() + " b=" + b;
        synchronized (CACHE) {
            Object c = CACHE.get(key);
            if (c != null) {
                return c;
            }
        }
        Object made;
        try {
            FlowFields fields = fields(f);
            long k = Streams.key(THEORY_SEED, "multi-d-theory", key);
            made = LandscapeAnalysis.of(fields, z, b, ExitMeasureRd.DEFAULT_SAMPLES, i -> Streams.forReplication(k, i));
        } catch (IllegalArgumentException | IllegalStateException e) {
            made = "no limiting process: " + e.getMessage();
        }
        synchronized (CACHE) {
            CACHE.put(key, made);
        }
        return made;
    }

    /**
     * The fields of f by the default search ({@link FlowFields#of(Objective)}, seed 1): one per landscape and
     * domain per JVM, shared by the analyses of every noise and b and by the control study, so their minima,
     * radii and distances are the same numbers.
     *
     * @throws IllegalArgumentException when the flow settles nowhere (not cached)
     */
    static FlowFields fields(Objective f) {
        String key = f.name() + " " + f.domain().describe();
        synchronized (FIELDS) {
            FlowFields c = FIELDS.get(key);
            if (c != null) {
                return c;
            }
        }
        FlowFields made = FlowFields.of(f);
        synchronized (FIELDS) {
            FIELDS.put(key, made);
        }
        return made;
    }

    /** The grid field of each of the analysis's minima (by the grid's label of the minimiser). */
    static int[] toGrid(LandscapeAnalysis a, BasinMap.FlowGrid grid) {
        double[][] m = a.fields().minima();
        int[] to = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            to[i] = grid.fieldOf(m[i]);
        }
        return to;
    }

    /** True when the analysis numbers its minima as the grid does. */
    static boolean aligned(LandscapeAnalysis a, BasinMap.FlowGrid grid) {
        int[] to = toGrid(a, grid);
        if (to.length != grid.size()) {
            return false;
        }
        for (int i = 0; i < to.length; i++) {
            if (to[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** A note for the predictions made from a cached analysis. */
    static String note() {
        return "d-D theory: fields by gradient flow, multi-jump rates by Monte Carlo (" + ExitMeasureRd.DEFAULT_SAMPLES
                + " samples, seed " + THEORY_SEED + ")";
    }
}
