package dev.htsgd.spark;

import dev.htsgd.noise.Noises;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.sim.rare.RareEventExperiment.PathSums;
import dev.htsgd.study.RareEventStudy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --experiment rare-event}: the probability that the recursion started at {@code --x0} reaches
 * {@code --level} within {@code --horizon} steps (default floor(1/eta); paper notes section 5, experiment C,
 * LD Table 2.1), by large-jump importance sampling ({@code --method is}) or plain Monte Carlo ({@code mc}): a thin
 * adapter over {@link RareEventStudy}. A cell is one study setting; a Spark task runs {@code --batch} paths' worth
 * of the study's consecutive tasks (batches of {@link RareEventStudy#BATCH} paths) and returns their sums, and the
 * driver reduces a cell's tasks with {@link RareEventStudy#result}, so a cell equals {@code htsgd rare-event} at
 * the cell's seed and eta bit for bit (the study keys the streams by the setting's content).
 */
final class RareEventKind extends StudyKind {

    private static final RareEventStudy STUDY = new RareEventStudy();

    RareEventKind() {
        super("rare-event", RareEventKind::settings, "normal-scale", "x0", "samples", "batch", "level", "horizon", "method",
                "engine");
    }

    /** The study's settings of a cell. */
    static RareEventStudy.Settings settings(Cell cell, SweepSettings s) {
        double x0;
        try {
            x0 = Double.parseDouble(s.x0());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--x0 must be a number for rare-event, got '" + s.x0() + "'");
        }
        JumpNoise noise = JumpNoise.from(Noises.of(cell.noise(), cell.alpha(), cell.scale(),
                s.normalScale() == null ? 1.0 : s.normalScale()));
        return RareEventStudy.Settings.of(cell.landscape(), noise, cell.clip(), cell.eta(), x0, s.level(), s.horizon(),
                RareEventStudy.Method.of(s.method()), null, s.samples(), RareEventStudy.BATCH, s.engineValue());
    }

    /** Study tasks per Spark task: {@code --batch} paths, at least one batch. */
    static int perTask(SweepSettings s) {
        return (int) Math.max(1, (s.batch() + RareEventStudy.BATCH - 1) / RareEventStudy.BATCH);
    }

    @Override
    public int tasks(Cell cell, SweepSettings s) {
        return KindSupport.sparkTasks(STUDY.tasks(settings(cell, s)), perTask(s));
    }

    @Override
    public double cost(Cell cell, SweepSettings s) {
        return settings(cell, s).horizon();
    }

    @Override
    dev.htsgd.dynamics.Engine resolved(Object studySettings) {
        return ((RareEventStudy.Settings) studySettings).engine();
    }

    @Override
    public Worker worker(SweepSpec spec) {
        return (cell, r) -> {
            RareEventStudy.Settings s = settings(cell, spec.settings());
            return KindSupport.batch(r, perTask(spec.settings()), STUDY.tasks(s), STUDY.codec(),
                    (from, to) -> STUDY.tasks(s, cell.seed(), from, to));
        };
    }

    /** The study's result for a cell from its stored tasks, reduced by the study in task order. */
    static RareEventStudy.Result result(SweepSpec spec, Cell cell, Map<TaskKey, String> results) {
        RareEventStudy.Settings s = settings(cell, spec.settings());
        int n = STUDY.tasks(s);
        PathSums[] sums = KindSupport.unbatch(cell, perTask(spec.settings()), new PathSums[n], results, STUDY.codec());
        return STUDY.result(s, cell.seed(), List.of(sums));
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        long totalSteps = 0;
        for (List<Cell> group : KindSupport.groupsAlongEta(spec)) {
            Map<String, Object> g = KindSupport.groupKey(group.get(0));
            List<Map<String, Object>> points = new ArrayList<>();
            for (Cell cell : group) {
                RareEventStudy.Result res = result(spec, cell, results);
                RareEventEstimate x = res.estimate();
                totalSteps += x.steps();
                Map<String, Object> p = res.point();
                points.add(p);
                Map<String, Object> row = new LinkedHashMap<>(cell.describe());
                row.putAll(p);
                rows.add(row);
                table.append(String.format(Locale.ROOT, "%-40s eta=%-10.4g P=%.4e [%.4e, %.4e] (%s, %d paths)%n",
                        ExitTimesKind.label(cell), cell.eta(), x.estimate(), x.ciLow(), x.ciHigh(), x.method(), x.samples()));
            }
            g.put("points", points);
            groups.add(g);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_steps", totalSteps);
        out.put("groups", groups);
        return new SweepOutcome(out, Map.of("rare_event.csv", rows), table.toString().stripTrailing());
    }
}
