package dev.htsgd.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.sim.BasinMap;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.sim.Region;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --experiment exit-times}: first exit times tau from attraction field {@code --basin} (paper notes
 * section 3), one task per replication. Replication r of a cell is {@link ExitTimeExperiment#runReplication}
 * (r) of the experiment the local {@code exit-times} command builds for that cell (same seed, stream r), and
 * each cell is summarised by {@link ExitTimeExperiment.Result#of} over its replications in index order, so the
 * numbers are those of the local command: with the seed S of the cell and eta at position k of the eta list,
 * replication r draws stream k * samples + r, as {@code htsgd exit-times --seed S --etas ...} does. Along eta,
 * log mean exit time against log(1/eta) is fitted by {@link LogLogFit} (as the local command does); the theory
 * predicts slope 1 + l*(alpha - 1) with l* = ceil(r_i / b) (1 without truncation).
 */
final class ExitTimesKind implements SweepKind {

    @Override
    public String name() {
        return "exit-times";
    }

    @Override
    public List<String> settingKeys() {
        return List.of("domain", "ball", "normal-scale", "clip-mode", "project", "x0", "basin", "samples", "max-steps");
    }

    @Override
    public void validate(SweepSpec spec) {
        KindSupport.noTargets(spec);
        for (Cell cell : distinctModels(spec)) {
            experiment(cell, etaIndex(spec, cell), spec.settings()); // every distinct model once: bad input fails here
        }
    }

    /** One cell per distinct model (seeds aside), to validate without building every cell. */
    static List<Cell> distinctModels(SweepSpec spec) {
        List<Cell> out = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Cell c : spec.cells()) {
            String k = c.landscape() + "|" + c.noise() + "|" + c.alpha() + "|" + c.scale() + "|" + c.clip() + "|" + c.eta();
            if (seen.putIfAbsent(k, true) == null) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public int tasks(Cell cell, SweepSettings settings) {
        return (int) settings.samples();
    }

    @Override
    public double cost(Cell cell, SweepSettings settings) {
        return Math.min(settings.maxSteps(), Math.pow(1 / cell.eta(), 1 + Math.max(0.2, cell.alpha() - 1)));
    }

    /**
     * The experiment of a cell as {@code htsgd exit-times --seed S --etas ...} builds it for the eta at
     * position {@code etaIndex} of its grid: replication r draws stream {@code etaIndex * samples + r}.
     */
    static ExitTimeExperiment experiment(Cell cell, int etaIndex, SweepSettings s) {
        CellModel m = CellModel.of(cell, s);
        Region field = Region.basin(m.basins, s.basin());
        return ExitTimeExperiment.builder().sgd(m.sgd).field(field).start(m.start).maxSteps(s.maxSteps())
                .samples((int) s.samples()).seed(cell.seed()).firstIndex((long) etaIndex * s.samples()).build();
    }

    static int etaIndex(SweepSpec spec, Cell cell) {
        return cell.index() % spec.grid().etas().size();
    }

    @Override
    public Worker worker(SweepSpec spec) {
        return (cell, r) -> {
            ExitTimeExperiment.Replication rep = experiment(cell, etaIndex(spec, cell), spec.settings()).runReplication(r);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("steps", rep.steps());
            m.put("censored", rep.censored());
            m.put("exit", rep.exitLocation());
            if (rep.divergence() != null) {
                m.put("diverged_step", rep.divergence().step());
                m.put("diverged_state", rep.divergence().state());
            }
            return KindSupport.json(m);
        };
    }

    /** The replication a stored task result describes. */
    static ExitTimeExperiment.Replication replication(int index, String json) {
        JsonNode n = KindSupport.read(json);
        double[] exit = null;
        if (n.path("exit").isArray()) {
            exit = new double[n.get("exit").size()];
            for (int i = 0; i < exit.length; i++) {
                exit[i] = n.get("exit").get(i).asDouble();
            }
        }
        DivergenceException div = null;
        if (n.has("diverged_step")) {
            JsonNode st = n.get("diverged_state");
            double[] state = new double[st.size()];
            for (int i = 0; i < state.length; i++) {
                state[i] = st.get(i).asDouble();
            }
            div = new DivergenceException(n.get("diverged_step").asLong(), state, new double[state.length]);
        }
        return new ExitTimeExperiment.Replication(index, n.get("steps").asLong(), n.get("censored").asBoolean(), exit, div);
    }

    /** The summary of one cell from its stored replications (index order). */
    static ExitTimeExperiment.Result result(Cell cell, SweepSettings s, Map<TaskKey, String> results) {
        List<ExitTimeExperiment.Replication> reps = new ArrayList<>();
        for (int r = 0; r < s.samples(); r++) {
            String json = results.get(TaskKey.of(cell.index(), r));
            if (json == null) {
                throw new IllegalStateException("task " + TaskKey.of(cell.index(), r).id() + " has no stored result");
            }
            reps.add(replication(r, json));
        }
        return ExitTimeExperiment.Result.of(reps, s.maxSteps());
    }

    /** The exit-times point of a cell, with the keys of the local command. */
    static Map<String, Object> point(Cell cell, ExitTimeExperiment.Result res) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("eta", cell.eta());
        p.put("mean", KindSupport.finite(res.mean()));
        p.put("stderr", KindSupport.finite(res.stderr()));
        p.put("samples", res.samples());
        p.put("censored", res.censored());
        p.put("exits", res.exits());
        p.put("diverged", res.diverged());
        p.put("mean_method", res.meanMethod());
        p.put("mean_lower_bound", KindSupport.finite(res.meanLowerBound()));
        return p;
    }

    /**
     * 1 + l*(alpha - 1) with l* = ceil(r/b) (1 without truncation); null off 1-D, for light tails and for
     * alpha &lt;= 1, where the theory predicts no slope (as {@code htsgd exit-times}).
     */
    static Double predictedSlope(Cell cell, SweepSettings s) {
        CellModel m = CellModel.of(cell, s);
        if (!(m.basins instanceof BasinMap.OneD one) || !Double.isFinite(cell.alpha())
                || cell.noise().equalsIgnoreCase("gaussian") || !(cell.alpha() > 1)) {
            return null;
        }
        double r = one.radius(s.basin());
        int l = cell.unclipped() ? 1 : (int) Math.ceil(r / cell.clip());
        return dev.htsgd.theory.TimeScales.slope(cell.alpha(), l);
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
            Map<String, Object> g = KindSupport.groupKey(group.get(0));
            List<Map<String, Object>> points = new ArrayList<>();
            double[] etas = new double[group.size()];
            double[] means = new double[group.size()];
            double[] ses = new double[group.size()];
            for (int i = 0; i < group.size(); i++) {
                Cell cell = group.get(i);
                ExitTimeExperiment.Result res = result(cell, s, results);
                for (ExitTimeExperiment.Replication rep : res.replications()) {
                    totalSteps += rep.steps();
                }
                Map<String, Object> p = point(cell, res);
                points.add(p);
                etas[i] = cell.eta();
                means[i] = res.mean();
                ses[i] = res.stderr();
                Map<String, Object> row = new LinkedHashMap<>(cell.describe());
                row.putAll(p);
                rows.add(row);
                table.append(String.format(Locale.ROOT, "%-40s %10.4g %14.6g %12.4g %8d %8d%n",
                        label(cell), cell.eta(), res.mean(), res.stderr(), res.samples(), res.censored()));
            }
            g.put("points", points);
            LogLogFit fit = LogLogFit.of(etas, means, ses, 0.95);
            g.put("slope", fit == null ? null : KindSupport.finite(fit.slope()));
            g.put("slope_ci", fit == null ? null : Arrays.asList(KindSupport.finite(fit.ciLow()), KindSupport.finite(fit.ciHigh())));
            g.put("predicted_slope", predictedSlope(group.get(0), s));
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
