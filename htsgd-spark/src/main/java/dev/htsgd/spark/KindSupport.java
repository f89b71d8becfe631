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

    /** Null for NaN or infinite values (results.json carries no NaN). */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
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

    /**
     * Least-squares fit of log(y) on log(1/eta): slope, its standard error and the 95% interval (Student t
     * with n - 2 degrees of freedom); null entries when fewer than 2 (slope) or 3 (interval) points.
     */
    static Map<String, Object> logLogSlope(double[] etas, double[] ys) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < etas.length; i++) {
            if (Double.isFinite(ys[i]) && ys[i] > 0) {
                pts.add(new double[] {Math.log(1 / etas[i]), Math.log(ys[i])});
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        int n = pts.size();
        if (n < 2) {
            m.put("slope", null);
            m.put("slope_ci", null);
            return m;
        }
        double mx = 0;
        double my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pts) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        if (sxx == 0) {
            m.put("slope", null);
            m.put("slope_ci", null);
            return m;
        }
        double slope = sxy / sxx;
        m.put("slope", slope);
        if (n < 3) {
            m.put("slope_ci", null);
            return m;
        }
        double rss = 0;
        for (double[] p : pts) {
            double r = p[1] - (my + slope * (p[0] - mx));
            rss += r * r;
        }
        double se = Math.sqrt(rss / (n - 2) / sxx);
        double t = org.apache.commons.statistics.distribution.TDistribution.of(n - 2).inverseCumulativeProbability(0.975);
        m.put("slope_ci", List.of(slope - t * se, slope + t * se));
        return m;
    }
}
