package dev.htsgd.study;

import static dev.htsgd.run.Json.num;
import static dev.htsgd.run.Json.nums;
import static dev.htsgd.run.Json.points;

import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ExitTimeStudy#json}: the exit-times result as the ordered map every route prints. */
final class ExitTimeJson {

    private ExitTimeJson() {
    }

    /**
     * The result under the keys of {@code htsgd exit-times --format json} (architecture.md: {@code points [{eta,
     * mean, stderr, samples, censored, ...}], slope, slope_ci, predicted_slope, ...}), in its order, without the
     * command's name and seed: every route (command, reproduce target's {@code settings}, Spark groups) renders
     * these same values. NaN and infinities are null; {@code slope_ci} is null without an interval and
     * {@code slope_note} says why.
     */
    static Map<String, Object> of(ExitTimeStudy.Settings s, ExitTimeStudy.Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("landscape", s.objective().name());
        out.put("noise", s.noise().describe());
        out.put("clip", Double.isInfinite(s.clip()) ? "none" : Double.toString(s.clip()));
        out.put("clip_mode", s.clipping().cliName());
        out.put("basin", s.basin());
        out.put("minima", points(s.basins().minimumPoints()));
        out.put("field", s.field().describe());
        out.put("x0", nums(s.start()));
        out.put("radius", num(r.radius()));
        out.put("jumps", r.jumps());
        out.put("engine", r.engines());
        List<Object> pts = new ArrayList<>();
        for (ExitTimeStudy.Point pt : r.points()) {
            ExitTimeExperiment.Result e = pt.exits();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("eta", pt.eta());
            p.put("mean", num(e.mean()));
            p.put("stderr", num(e.stderr()));
            p.put("samples", e.samples());
            p.put("censored", e.censored());
            p.put("exits", e.exits());
            p.put("diverged", e.diverged());
            p.put("mean_method", e.meanMethod());
            p.put("mean_lower_bound", num(e.meanLowerBound()));
            p.put("max_steps", e.maxSteps());
            p.put("predicted_mean", num(pt.predictedMean()));
            p.put("measured_over_predicted", num(pt.ratio()));
            p.put("exit_locations", points(e.exitLocations()));
            pts.add(p);
        }
        out.put("points", pts);
        LogLogFit fit = r.fit();
        out.put("slope", fit == null ? null : num(fit.slope()));
        out.put("slope_ci", fit == null || !fit.hasInterval() ? null : List.of(fit.ciLow(), fit.ciHigh()));
        out.put("slope_note", r.slopeNote());
        out.put("predicted_slope", r.predictedSlope());
        out.put("predicted_slope_note", r.predictedSlopeNote());
        out.put("predicted_mean_note", r.theory().meanNote());
        out.put("diverged", r.firstDivergence() != null);
        out.put("divergence", r.firstDivergence() == null ? null : r.firstDivergence().getMessage());
        return out;
    }
}
