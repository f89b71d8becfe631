package dev.htsgd.cli.line;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.run.Json;
import dev.htsgd.run.Progress;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.landscape.Domain;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.theory.Basins;
import dev.htsgd.study.OccupationStudy;
import java.lang.management.ManagementFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** The occupation study as a command line and as the numbers that {@code htsgd simulate --format json} prints: what a reproduce target writes under {@code settings[i]} and what the command prints, from one place. */
public final class SimulateLine {

    private SimulateLine() {
    }

    /**
     * The {@code htsgd simulate} command line that computes these settings with this seed, as its arguments:
     * every option that determines a number is written out, so a change of a default cannot change what it
     * computes. {@code --format json} prints the numbers of {@link #numbers}.
     *
     * @throws IllegalArgumentException when a domain has no simulate option (a box, a ball off the origin)
     */
    public static List<String> commandArgs(OccupationStudy.Settings s, long seed) {
        List<String> a = new ArrayList<>(List.of("htsgd", "simulate", "--landscape", s.landscape()));
        Domain d = s.domain();
        if (d instanceof Domain.Interval i) {
            a.add("--domain=" + i.lo() + "," + i.hi());
        } else if (d instanceof Domain.Ball ball && Arrays.stream(ball.center()).allMatch(c -> c == 0)) {
            a.addAll(List.of("--ball", Double.toString(ball.radius())));
        } else if (d != null) {
            throw new IllegalArgumentException("simulate has no option for the domain " + d.describe());
        }
        a.addAll(List.of("--noise", s.noise(), "--alpha", Double.toString(s.alpha()), "--scale", Double.toString(s.scale())));
        if (s.normalScale() != 1.0) {
            a.addAll(List.of("--normal-scale", Double.toString(s.normalScale())));
        }
        if (s.pPlus() != 0.5) {
            a.addAll(List.of("--p-plus", Double.toString(s.pPlus())));
        }
        boolean clipped = !Double.isInfinite(s.b());
        a.addAll(List.of("--clip", clipped ? Double.toString(s.b()) : "none"));
        if (clipped && s.clipping() != Clipping.L2) {
            a.addAll(List.of("--clip-mode", s.clipping().cliName()));
        }
        if (!s.project()) {
            a.add("--no-project");
        }
        a.addAll(List.of("--eta", Double.toString(s.eta())));
        if (s.startsAtMinimum()) {
            a.addAll(List.of("--x0", "min", "--basin", Integer.toString(s.basin())));
        } else {
            a.add("--x0=" + String.join(",", Arrays.stream(s.x0()).mapToObj(Double::toString).toList()));
        }
        a.addAll(List.of("--steps", Long.toString(s.steps()), "--paths", Integer.toString(s.paths())));
        if (s.epsilon() != null) {
            a.addAll(List.of("--epsilon", Double.toString(s.epsilon())));
        }
        if (s.thin() > 0) {
            a.addAll(List.of("--thin", Long.toString(s.thin())));
        }
        // the engine that runs these settings (auto resolved), written always: the command's default is auto
        a.addAll(List.of("--engine", OccupationStudy.model(s).engine().cliName()));
        a.addAll(List.of("--seed", Long.toString(seed)));
        return a;
    }


    /** {@link #commandArgs} as one line (arguments with shell-special characters in single quotes). */
    public static String commandLine(OccupationStudy.Settings s, long seed) {
        return CommandLineText.join(commandArgs(s, seed));
    }


    /**
     * The numbers of a run, under the keys {@code simulate --format json} prints them (timings aside): a pure
     * function of the settings and the seed. The reproduce targets put them beside each setting's command.
     */
    public static Map<String, Object> numbers(OccupationStudy.Result r) {
        OccupationStudy.Model model = OccupationStudy.model(r.settings());
        BasinMap map = model.basins();
        Map<String, Object> m = JsonValues.map();
        m.put("x0", JsonValues.nums(model.sgd().x0()));
        m.put("minima", JsonValues.points(map.minimumPoints()));
        if (map instanceof Basins o) {
            m.put("maxima", JsonValues.nums(o.maxima()));
        }
        m.put("epsilon", model.epsilon());
        m.put("total_steps", r.totalSteps());
        m.put("fractions", JsonValues.nums(r.fractions()));
        m.put("near_minimum_fractions", JsonValues.nums(r.nearMinimumFractions()));
        m.put("transitions", r.transitions());
        m.put("transition_count", r.transitionCount());
        List<Object> visits = new ArrayList<>();
        List<Object> truncated = new ArrayList<>();
        for (OccupationStudy.Path p : r.paths()) {
            int[] v = p.visits();
            visits.add(Arrays.stream(v, 0, Math.min(v.length, 1000)).boxed().toList());
            truncated.add(p.visitsTruncated() || v.length > 1000);
        }
        m.put("visits", visits);
        m.put("visits_truncated", truncated);
        List<Object> visited = new ArrayList<>();
        for (boolean b : r.visited()) {
            visited.add(b);
        }
        m.put("visited", visited);
        OccupationStudy.Path d = r.firstDiverged();
        m.put("diverged", d != null);
        m.put("divergence", d == null ? null : d.divergence());
        m.put("diverged_paths", r.divergedPaths());
        OccupationStudy.Prediction p = r.prediction();
        m.put("limiting_stationary", p.stationary() == null ? null : JsonValues.nums(p.stationary()));
        m.put("limiting_over_horizon", p.finiteHorizon() == null ? null : JsonValues.nums(p.finiteHorizon()));
        m.put("stationary_difference", p.stationaryDifference() == null ? null : JsonValues.nums(p.stationaryDifference()));
        m.put("over_horizon_difference", p.finiteHorizonDifference() == null ? null : JsonValues.nums(p.finiteHorizonDifference()));
        m.put("stationary_distance", p.stationaryDistance());
        m.put("over_horizon_distance", p.finiteHorizonDistance());
        m.put("theory_note", p.note());
        return m;
    }
}
