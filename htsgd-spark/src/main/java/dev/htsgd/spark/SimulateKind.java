package dev.htsgd.spark;

import dev.htsgd.dynamics.Clipping;
import dev.htsgd.study.OccupationStudy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --experiment simulate}: long-run occupation of the attraction fields (paper notes section 4), a thin
 * adapter over {@link OccupationStudy}. A cell is one setting of the study ({@link #settings}), its seed the cell's
 * seed; Spark task r holds the study's tasks (paths) r P .. r P + P - 1 ({@link KindSupport#pathsPerTask}: 1 on
 * the scalar engine, 32 on lanes) and a cell's aggregate is the study's result over its paths in path order, so a
 * cell gives the numbers of {@code htsgd simulate} with the same options, engine and seed, bit for bit.
 */
final class SimulateKind extends StudyKind {

    private static final OccupationStudy STUDY = OccupationStudy.INSTANCE;

    SimulateKind() {
        super("simulate", SimulateKind::settings,
                "domain", "ball", "normal-scale", "clip-mode", "project", "x0", "basin", "steps", "paths", "engine");
    }

    @Override
    public int tasks(Cell cell, SweepSettings settings) {
        return KindSupport.sparkTasks(settings.paths(), KindSupport.pathsPerTask(settings));
    }

    /** The study's settings of a cell (the options of the local {@code simulate} command with the sweep's engine). */
    static OccupationStudy.Settings settings(Cell cell, SweepSettings s) {
        Clipping mode = cell.unclipped() ? Clipping.NONE : Clipping.parse(s.clipMode());
        return OccupationStudy.Settings.of(cell.landscape(), CellModel.domain(s), cell.noise(), cell.alpha(), cell.scale(),
                s.normalScale() == null ? 1.0 : s.normalScale(), 0.5, cell.clip(), mode, s.project(), cell.eta(),
                OccupationStudy.Settings.parseX0(s.x0()), s.basin(), s.steps(), s.paths(), null, 0, s.engineValue());
    }

    @Override
    dev.htsgd.dynamics.Engine resolved(Object studySettings) {
        return OccupationStudy.model((OccupationStudy.Settings) studySettings).engine();
    }

    @Override
    public Worker worker(SweepSpec spec) {
        SweepSettings s = spec.settings();
        return (cell, r) -> KindSupport.batch(r, KindSupport.pathsPerTask(s), s.paths(), STUDY.codec(),
                (from, to) -> STUDY.tasks(settings(cell, s), cell.seed(), from, to));
    }

    /** The study's result of one cell from its stored paths. */
    static OccupationStudy.Result result(Cell cell, SweepSettings s, Map<TaskKey, String> results) {
        OccupationStudy.Path[] paths = KindSupport.unbatch(cell, KindSupport.pathsPerTask(s),
                new OccupationStudy.Path[s.paths()], results, STUDY.codec());
        return STUDY.result(settings(cell, s), cell.seed(), List.of(paths));
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        SweepSettings s = spec.settings();
        List<Map<String, Object>> cells = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        long allSteps = 0;
        for (Cell cell : spec.cells()) {
            OccupationStudy.Result res = result(cell, s, results);
            double[] fr = res.fractions();
            double[] nf = res.nearMinimumFractions();
            allSteps += res.totalSteps();
            Map<String, Object> c = new LinkedHashMap<>(cell.describe());
            c.put("paths", s.paths());
            c.put("total_steps", res.totalSteps());
            c.put("fractions", fr);
            c.put("near_minimum_fractions", nf);
            c.put("transitions", res.transitions());
            c.put("visited", res.visited());
            c.put("diverged_paths", res.divergedPaths());
            c.put("limiting_stationary", res.prediction().stationary());
            c.put("limiting_over_horizon", res.prediction().finiteHorizon());
            c.put("theory_note", res.prediction().note());
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
