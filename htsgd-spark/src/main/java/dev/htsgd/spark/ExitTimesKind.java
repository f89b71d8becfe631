package dev.htsgd.spark;

import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.study.ExitTimeStudy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --experiment exit-times}: first exit times tau from attraction field {@code --basin} (paper notes
 * section 3) as a thin adapter over {@link ExitTimeStudy}: a cell is one eta, its Spark task r holds the study's
 * tasks for that eta and replications r P .. r P + P - 1 ({@link KindSupport#pathsPerTask}: 1 on the scalar engine,
 * 32 on lanes; replication i is stream i of {@link ExitTimeStudy#streamKey}(seed, eta): a function of the eta value,
 * so the cell gives the replications of {@code htsgd exit-times --seed S --eta E} and of the E point of any grid),
 * and a group of cells along eta is reduced by {@link ExitTimeStudy#result}: the same points, the same weighted
 * log-log fit and the same predicted slope as {@code htsgd exit-times --etas ...} with those etas.
 */
final class ExitTimesKind extends StudyKind {

    private static final ExitTimeStudy STUDY = ExitTimeStudy.of();

    ExitTimesKind() {
        super("exit-times", ExitTimesKind::settings,
                "domain", "ball", "normal-scale", "clip-mode", "project", "x0", "basin", "samples", "max-steps",
                "engine");
    }

    @Override
    public int tasks(Cell cell, SweepSettings settings) {
        return KindSupport.sparkTasks((int) settings.samples(), KindSupport.pathsPerTask(settings));
    }

    @Override
    public double cost(Cell cell, SweepSettings settings) {
        return KindSupport.pathsPerTask(settings)
                * Math.min(settings.maxSteps(), Math.pow(1 / cell.eta(), 1 + Math.max(0.2, cell.alpha() - 1)));
    }

    /** The study's settings of one cell: its model at its eta alone, on the sweep's engine. */
    static ExitTimeStudy.Settings settings(Cell cell, SweepSettings s) {
        CellModel m = CellModel.of(cell, s);
        return new ExitTimeStudy.Settings(m.objective, m.noise, m.sgd.b(), m.sgd.clipping(), m.sgd.project(), s.basin(),
                m.start, new double[] {cell.eta()}, (int) s.samples(), s.maxSteps(), s.engineValue(), m.basins);
    }

    @Override
    dev.htsgd.dynamics.Engine resolved(Object studySettings) {
        return ExitTimeStudy.experiment((ExitTimeStudy.Settings) studySettings, 0, 0L).engine();
    }

    @Override
    public Worker worker(SweepSpec spec) {
        SweepSettings s = spec.settings();
        return (cell, r) -> KindSupport.batch(r, KindSupport.pathsPerTask(s), (int) s.samples(), STUDY.codec(),
                (from, to) -> STUDY.tasks(settings(cell, s), cell.seed(), from, to));
    }

    /** The study's result of a group of cells along eta (same model and seed), from their stored tasks. */
    static ExitTimeStudy.Result result(List<Cell> group, SweepSettings s, Map<TaskKey, String> results) {
        double[] etas = group.stream().mapToDouble(Cell::eta).toArray();
        ExitTimeStudy.Settings settings = settings(group.get(0), s).withEtas(etas);
        List<ExitTimeExperiment.Replication> tasks = new ArrayList<>();
        int n = (int) s.samples();
        for (Cell cell : group) {
            tasks.addAll(List.of(KindSupport.unbatch(cell, KindSupport.pathsPerTask(s),
                    new ExitTimeExperiment.Replication[n], results, STUDY.codec())));
        }
        return STUDY.result(settings, group.get(0).seed(), tasks);
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        SweepSettings s = spec.settings();
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        long totalSteps = 0;
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-40s %10s %14s %12s %8s %8s%n", "cell", "eta", "mean", "stderr",
                "samples", "censored"));
        for (List<Cell> group : KindSupport.groupsAlongEta(spec)) {
            ExitTimeStudy.Result res = result(group, s, results);
            Map<String, Object> json = ExitTimeStudy.json(settings(group.get(0), s), res);
            Map<String, Object> g = KindSupport.groupKey(group.get(0));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> points = (List<Map<String, Object>>) json.get("points");
            for (int i = 0; i < group.size(); i++) {
                Cell cell = group.get(i);
                ExitTimeExperiment.Result e = res.points().get(i).exits();
                for (ExitTimeExperiment.Replication rep : e.replications()) {
                    totalSteps += rep.steps();
                }
                Map<String, Object> row = new LinkedHashMap<>(cell.describe());
                row.putAll(points.get(i));
                row.remove("exit_locations"); // a list per point: results.json has it, the CSV row does not
                rows.add(row);
                table.append(String.format(Locale.ROOT, "%-40s %10.4g %14.6g %12.4g %8d %8d%n",
                        label(cell), cell.eta(), e.mean(), e.stderr(), e.samples(), e.censored()));
            }
            for (String k : List.of("points", "slope", "slope_ci", "slope_note", "predicted_slope",
                    "predicted_slope_note", "radius", "jumps")) {
                g.put(k, json.get(k));
            }
            groups.add(g);
            if (group.size() > 1) {
                table.append(String.format(Locale.ROOT, "%-40s slope %s, 95%% CI %s, predicted %s%n", label(group.get(0)),
                        fmt(g.get("slope")), g.get("slope_ci") == null ? "-" : ((List<?>) g.get("slope_ci")).stream()
                                .map(ExitTimesKind::fmt).toList().toString(), fmt(g.get("predicted_slope"))));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_steps", totalSteps);
        out.put("groups", groups);
        return new SweepOutcome(out, Map.of("exit_times.csv", rows), table.toString().stripTrailing());
    }

    static String fmt(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : "-";
    }

    static String label(Cell c) {
        return (c.target().isEmpty() ? "" : c.target() + " ") + c.landscape() + " " + c.noise() + " a=" + c.alpha()
                + " c=" + c.scale() + " b=" + c.clipText() + " s=" + c.seed();
    }
}
