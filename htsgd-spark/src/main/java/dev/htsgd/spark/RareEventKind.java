package dev.htsgd.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.sim.RareEventMonteCarlo;
import dev.htsgd.sim.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --experiment rare-event}: the probability that the recursion started at {@code --x0} reaches
 * {@code --threshold} within {@code --horizon} steps (default floor(1/eta); paper notes section 5, experiment
 * C), by plain Monte Carlo ({@link RareEventMonteCarlo}), with a 95% Wilson interval. Run i of a cell uses
 * stream i of its seed; a task runs the {@code --batch} consecutive runs [r batch, (r+1) batch), so the
 * counts are those of the local plain Monte Carlo over the same runs.
 */
final class RareEventKind implements SweepKind {

    static final double CONFIDENCE = 0.95;

    @Override
    public String name() {
        return "rare-event";
    }

    @Override
    public List<String> settingKeys() {
        return List.of("domain", "ball", "normal-scale", "clip-mode", "project", "x0", "basin", "samples", "batch", "threshold", "horizon");
    }

    @Override
    public void validate(SweepSpec spec) {
        for (Cell cell : ExitTimesKind.distinctModels(spec)) {
            if (CellModel.of(cell, spec.settings()).objective.dimension() != 1) {
                throw new IllegalArgumentException("--experiment rare-event needs a 1-D landscape, got " + cell.landscape());
            }
            experiment(cell, spec.settings());
        }
    }

    @Override
    public int tasks(Cell cell, SweepSettings s) {
        return (int) ((s.samples() + s.batch() - 1) / s.batch());
    }

    @Override
    public double cost(Cell cell, SweepSettings s) {
        return horizon(cell, s);
    }

    static long horizon(Cell cell, SweepSettings s) {
        return s.horizon() > 0 ? s.horizon() : Math.max(1, (long) Math.floor(1 / cell.eta()));
    }

    static RareEventMonteCarlo experiment(Cell cell, SweepSettings s) {
        CellModel m = CellModel.of(cell, s);
        double t = s.threshold();
        double x0 = m.start[0];
        Region target = x0 > t ? Region.interval(Double.NEGATIVE_INFINITY, t) : Region.interval(t, Double.POSITIVE_INFINITY);
        return RareEventMonteCarlo.builder().sgd(m.sgd).target(target).start(m.start).horizon(horizon(cell, s))
                .samples((int) s.samples()).seed(cell.seed()).confidence(CONFIDENCE).build();
    }

    @Override
    public Worker worker(SweepSpec spec) {
        return (cell, r) -> {
            SweepSettings s = spec.settings();
            RareEventMonteCarlo mc = experiment(cell, s);
            long from = r * s.batch();
            long to = Math.min(s.samples(), from + s.batch());
            int hits = 0;
            int diverged = 0;
            for (long i = from; i < to; i++) {
                RareEventMonteCarlo.Replication rep = mc.runReplication((int) i);
                if (rep.divergence() != null) {
                    diverged++;
                } else if (rep.hit()) {
                    hits++;
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runs", to - from);
            m.put("hits", hits);
            m.put("diverged", diverged);
            return KindSupport.json(m);
        };
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        SweepSettings s = spec.settings();
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (List<Cell> group : KindSupport.groupsAlongEta(spec)) {
            Map<String, Object> g = KindSupport.groupKey(group.get(0));
            List<Map<String, Object>> points = new ArrayList<>();
            for (Cell cell : group) {
                long runs = 0;
                int hits = 0;
                int diverged = 0;
                for (int r = 0; r < tasks(cell, s); r++) {
                    String json = results.get(TaskKey.of(cell.index(), r));
                    if (json == null) {
                        throw new IllegalStateException("task " + TaskKey.of(cell.index(), r).id() + " has no stored result");
                    }
                    JsonNode n = KindSupport.read(json);
                    runs += n.get("runs").asLong();
                    hits += n.get("hits").asInt();
                    diverged += n.get("diverged").asInt();
                }
                int valid = (int) (runs - diverged);
                double[] ci = RareEventMonteCarlo.wilson(hits, valid, CONFIDENCE);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("eta", cell.eta());
                p.put("estimate", valid == 0 ? null : (double) hits / valid);
                p.put("ci_low", ci[0]);
                p.put("ci_high", ci[1]);
                p.put("method", "plain-mc");
                p.put("samples", runs);
                p.put("hits", hits);
                p.put("diverged", diverged);
                p.put("horizon", horizon(cell, s));
                points.add(p);
                Map<String, Object> row = new LinkedHashMap<>(cell.describe());
                row.putAll(p);
                rows.add(row);
                table.append(String.format(Locale.ROOT, "%-40s eta=%-8.4g P=%.4g [%.4g, %.4g] (%d/%d)%n",
                        ExitTimesKind.label(cell), cell.eta(), valid == 0 ? Double.NaN : (double) hits / valid, ci[0],
                        ci[1], hits, valid));
            }
            g.put("points", points);
            groups.add(g);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groups", groups);
        return new SweepOutcome(out, Map.of("rare_event.csv", rows), table.toString().stripTrailing());
    }
}
