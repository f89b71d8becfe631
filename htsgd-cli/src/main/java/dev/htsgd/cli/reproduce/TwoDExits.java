package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.line.ExitTimesLine;
import dev.htsgd.run.Progress;
import dev.htsgd.study.ExitTimeStudy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The first-exit part of experiment D: exits from one attraction field of a 2-D landscape at several learning
 * rates beside the d-D theory's mean 1 / (C* eta lambda(eta)^J) and slope 1 + J (alpha - 1) (paper notes section 3,
 * multi-d remarks), as a report table and a results entry with the {@code htsgd exit-times} line that computes it.
 */
final class TwoDExits {

    private TwoDExits() {
    }

    /**
     * Runs {@code st} and writes its table under {@code heading}.
     *
     * @param where the start and basin as the report names them, e.g. "the narrow minimum (1.2, 2.6) (r = 1.2)"
     * @return the results entry: {@code htsgd exit-times --format json}'s keys (exit locations aside), each point's
     *     ratio with its 2-SE interval ({@code ratio, ratio_low, ratio_high}), and the {@code command}
     */
    static Map<String, Object> run(ReproduceContext ctx, ExitTimeStudy.Settings st, String heading, String where) {
        ExitTimeStudy.Result res;
        try (Progress p = ctx.progress("two-d exits, " + st.objective().name() + " basin " + st.basin(),
                (long) st.samples() * st.etas().length)) {
            res = ctx.run(ExitTimeStudy.of(), st, p);
        }
        // the command's own keys (one rendering for every route), each point with its ratio's 2-SE interval
        Map<String, Object> out = ExitTimeStudy.json(st, res);
        List<List<?>> rows = new ArrayList<>();
        int i = 0;
        for (ExitTimeStudy.Point pt : res.points()) {
            double mean = pt.exits().mean();
            double se = pt.exits().stderr();
            double predicted = pt.predictedMean();
            @SuppressWarnings("unchecked")
            Map<String, Object> m = ((List<Map<String, Object>>) out.get("points")).get(i++);
            m.remove("exit_locations");
            m.put("ratio", mean / predicted);
            m.put("ratio_low", (mean - 2 * se) / predicted);
            m.put("ratio_high", (mean + 2 * se) / predicted);
            rows.add(List.of(pt.eta(), mean, se, predicted, m.get("ratio"),
                    String.format(Locale.ROOT, "[%.3f, %.3f]", m.get("ratio_low"), m.get("ratio_high"))));
        }
        Integer jumps = res.theory().jumps();
        String command = ExitTimesLine.commandLine(st, ctx.seed());
        out.put("theory_note", res.theory().meanNote());
        out.put("command", command);
        String fit = res.fit() == null ? "-" : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", res.fit().slope(),
                res.fit().ciLow(), res.fit().ciHigh());
        ctx.report().heading(heading)
                .paragraph("Start at " + where + ", J = " + jumps + " at b = " + st.clip() + "; " + st.samples()
                        + " exits per eta; predicted mean 1/(C* eta lambda(eta)^J) from the d-D rates ("
                        + (jumps != null && jumps == 1 ? "one jump: quadrature over directions" : "J jumps: Monte Carlo over jump directions, "
                        + "sizes and times, whose standard error is in the theory note")
                        + "); ratio with a 2-standard-error interval of the simulated mean. Fitted slope " + fit
                        + " against 1 + J(alpha - 1) = " + res.theory().slope() + ".")
                .table("Exit steps, " + st.objective().name() + " basin " + st.basin(),
                        List.of("eta", "mean", "stderr", "predicted", "ratio", "ratio 2-SE interval"), rows)
                .command(command);
        return out;
    }
}
