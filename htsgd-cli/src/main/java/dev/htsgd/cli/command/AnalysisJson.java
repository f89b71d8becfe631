package dev.htsgd.cli.command;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.theory.JumpProcess;
import dev.htsgd.theory.LandscapeAnalysis;
import dev.htsgd.theory.TimeScales;
import dev.htsgd.theory.TransitionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The JSON of {@code htsgd analyze} that 1-D and d-D landscapes share (paper notes, section 4): the graph G_b, the
 * rates with their errors, the limiting jump process and the predictions, under the same keys in both.
 */
final class AnalysisJson {

    private AnalysisJson() {
    }

    /** jumps, jumps_pairwise, edges, irreducible, (symmetric,) classes, widest. */
    static void graph(Map<String, Object> out, TransitionGraph g, boolean withSymmetric) {
        int n = g.size();
        out.put("jumps", JsonValues.ints(g.jumpNumbers()));
        List<List<Integer>> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(g.jumpNumber(i, j));
            }
            pairs.add(row);
        }
        out.put("jumps_pairwise", pairs);
        out.put("edges", g.edges().stream().map(e -> List.of(e[0], e[1])).toList());
        out.put("irreducible", g.irreducible());
        if (withSymmetric) {
            out.put("symmetric", g.symmetric());
        }
        out.put("classes", g.classes().stream().map(c -> {
            Map<String, Object> m = JsonValues.map();
            m.put("members", JsonValues.ints(c.members()));
            m.put("absorbing", c.absorbing());
            return m;
        }).toList());
        out.put("widest", JsonValues.ints(g.widest()));
    }

    /** rates, rate_errors, rate_methods, max_rate_relative_error. */
    static void rates(Map<String, Object> out, LandscapeAnalysis a) {
        int n = a.graph().size();
        out.put("rates", JsonValues.matrix(a.rateMatrix()));
        List<List<Object>> errs = new ArrayList<>();
        List<List<String>> methods = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> er = new ArrayList<>();
            List<String> me = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                er.add(JsonValues.num(a.rate(i, j).error()));
                me.add(i == j ? "-" : a.rate(i, j).method());
            }
            errs.add(er);
            methods.add(me);
        }
        out.put("rate_errors", errs);
        out.put("rate_methods", methods);
        out.put("max_rate_relative_error", a.maxRelativeError());
    }

    /** exit_rates, exit_location. */
    static void exitLaws(Map<String, Object> out, LandscapeAnalysis a) {
        int n = a.graph().size();
        out.put("exit_rates", JsonValues.nums(IntStream.range(0, n).mapToDouble(a::exitRate).toArray()));
        List<Object> laws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            laws.add(JsonValues.nums(a.exitLocationLaw(i)));
        }
        out.put("exit_location", laws);
    }

    /** generator, stationary, holding_times (irreducible G_b; null otherwise, with a warning) and class_chains. */
    static void process(Map<String, Object> out, LandscapeAnalysis a, List<String> warnings) {
        JumpProcess p = a.process();
        if (p.irreducible()) {
            JumpProcess.ClassChain c = p.chain();
            out.put("generator", JsonValues.matrix(c.generator()));
            out.put("stationary", JsonValues.nums(c.stationary()));
            out.put("holding_times", JsonValues.nums(c.holdingTimes()));
        } else {
            out.put("generator", null);
            out.put("stationary", null);
            warnings.add("G_b is reducible: no single limiting chain; see class_chains (absorbing classes: chain on their"
                    + " widest minima; transient classes: killed when they leave)");
        }
        out.put("class_chains", p.classes().stream().map(c -> {
            Map<String, Object> m = JsonValues.map();
            m.put("states", JsonValues.ints(c.states()));
            m.put("absorbing", c.absorbing());
            m.put("widest", JsonValues.ints(c.widest()));
            m.put("jump_number", c.jumpNumber());
            m.put("theta", JsonValues.matrix(c.theta()));
            m.put("generator", JsonValues.matrix(c.generator()));
            m.put("killing", JsonValues.nums(c.killing()));
            m.put("stationary", c.stationary() == null ? null : JsonValues.nums(c.stationary()));
            m.put("holding_times", JsonValues.nums(c.holdingTimes()));
            return m;
        }).toList());
    }

    /** predicted_slopes and, with a prediction, time_scale and predicted_exit_steps. */
    static void predictions(Map<String, Object> out, TransitionGraph g, double alpha, Double eta,
                            LandscapeAnalysis.Prediction pred) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            slopes.add(TimeScales.slope(alpha, g.jumpNumber(i)));
        }
        out.put("predicted_slopes", slopes);
        if (pred != null) {
            Map<String, Object> ts = JsonValues.map();
            ts.put("eta", eta);
            ts.put("lambda", pred.lambda());
            ts.put("lambda_star", pred.lambdaStar());
            ts.put("max_jumps", g.maxJumpNumber());
            ts.put("steps_per_unit_time", 1 / pred.lambdaStar());
            out.put("time_scale", ts);
            out.put("predicted_exit_steps", pred.basins().stream().map(bp -> JsonValues.num(bp.meanExitSteps())).toList());
        }
    }
}
