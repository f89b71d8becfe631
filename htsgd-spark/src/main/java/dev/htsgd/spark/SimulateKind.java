package dev.htsgd.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.sim.OccupationExperiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --experiment simulate}: long-run occupation of the attraction fields (paper notes section 4), one
 * task per path. Path r of a cell is {@link OccupationExperiment#runPath}(r) of the experiment the local
 * {@code simulate} command builds (same seed, stream r); a cell reduces its paths with
 * {@link OccupationExperiment.Result#of} in path order, as the local command does:
 * fractions of steps per field, within epsilon of each minimum, transition counts between minima, and
 * which minima were visited.
 */
final class SimulateKind implements SweepKind {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public List<String> settingKeys() {
        return List.of("domain", "ball", "normal-scale", "clip-mode", "project", "x0", "basin", "steps", "paths");
    }

    @Override
    public void validate(SweepSpec spec) {
        KindSupport.noTargets(spec);
        for (Cell cell : ExitTimesKind.distinctModels(spec)) {
            experiment(cell, spec.settings());
        }
    }

    @Override
    public int tasks(Cell cell, SweepSettings settings) {
        return settings.paths();
    }

    static OccupationExperiment experiment(Cell cell, SweepSettings s) {
        CellModel m = CellModel.of(cell, s);
        return OccupationExperiment.builder().sgd(m.sgd).basins(m.basins).steps(s.steps()).paths(s.paths())
                .seed(cell.seed()).build();
    }

    @Override
    public Worker worker(SweepSpec spec) {
        return (cell, r) -> {
            OccupationExperiment.PathResult p = experiment(cell, spec.settings()).runPath(r);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("steps", p.steps());
            m.put("in_field", p.inField());
            m.put("near_minimum", p.nearMinimum());
            m.put("transitions", p.transitions());
            boolean[] visited = new boolean[p.inField().length];
            for (int v : p.visits()) {
                visited[v] = true;
            }
            m.put("visited", visited);
            m.put("visits", p.visits().length);
            if (p.divergence() != null) {
                m.put("diverged_step", p.divergence().step());
            }
            return KindSupport.json(m);
        };
    }

    /** A stored path as the engine's record (the visit sequence reduced to the set of visited minima). */
    static OccupationExperiment.PathResult path(int index, JsonNode n) {
        int k = n.get("in_field").size();
        long[] in = new long[k];
        long[] near = new long[k];
        long[][] tr = new long[k][k];
        int[] visits = new int[k];
        int nv = 0;
        for (int i = 0; i < k; i++) {
            in[i] = n.get("in_field").get(i).asLong();
            near[i] = n.get("near_minimum").get(i).asLong();
            for (int j = 0; j < k; j++) {
                tr[i][j] = n.get("transitions").get(i).get(j).asLong();
            }
            if (n.get("visited").get(i).asBoolean()) {
                visits[nv++] = i;
            }
        }
        return new OccupationExperiment.PathResult(index, n.get("steps").asLong(), in, near, tr,
                java.util.Arrays.copyOf(visits, nv), false, new double[0], null, 0L);
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        SweepSettings s = spec.settings();
        List<Map<String, Object>> cells = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        long allSteps = 0;
        for (Cell cell : spec.cells()) {
            List<OccupationExperiment.PathResult> paths = new ArrayList<>();
            int diverged = 0;
            int n = 0;
            for (int r = 0; r < s.paths(); r++) {
                String json = results.get(TaskKey.of(cell.index(), r));
                if (json == null) {
                    throw new IllegalStateException("task " + TaskKey.of(cell.index(), r).id() + " has no stored result");
                }
                JsonNode node = KindSupport.read(json);
                paths.add(path(r, node));
                n = node.get("in_field").size();
                if (node.has("diverged_step")) {
                    diverged++;
                }
            }
            // the local command's reduction, in path order
            OccupationExperiment.Result res = OccupationExperiment.Result.of(paths, n, 0.0, 1);
            long total = res.totalSteps();
            double[] fr = res.fractions();
            double[] nf = res.nearMinimumFractions();
            long[][] tr = res.transitions();
            boolean[] visited = res.visited();
            allSteps += total;
            Map<String, Object> c = new LinkedHashMap<>(cell.describe());
            c.put("paths", s.paths());
            c.put("total_steps", total);
            c.put("fractions", fr);
            c.put("near_minimum_fractions", nf);
            c.put("transitions", tr);
            c.put("visited", visited);
            c.put("diverged_paths", diverged);
            cells.add(c);
            Map<String, Object> row = new LinkedHashMap<>(cell.describe());
            for (int i = 0; i < fr.length; i++) {
                row.put("fraction_" + i, fr[i]);
            }
            for (int i = 0; i < nf.length; i++) {
                row.put("near_minimum_" + i, nf[i]);
            }
            rows.add(row);
            table.append(String.format(Locale.ROOT, "%-40s eta=%-8.4g fractions %s%n", ExitTimesKind.label(cell),
                    cell.eta(), Arrays.toString(Arrays.stream(fr).mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                            .toArray())));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_steps", allSteps);
        out.put("cells_results", cells);
        return new SweepOutcome(out, Map.of("fractions.csv", rows), table.toString().stripTrailing());
    }
}
