package dev.htsgd.cli.command;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.cli.option.ClipOptions;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.LandscapeOptions;
import dev.htsgd.cli.option.NoiseOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.run.Json;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.theory.AttractionField;
import dev.htsgd.theory.BasinRadius;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.CriticalPoint;
import dev.htsgd.theory.CriticalPoints1D;
import dev.htsgd.theory.ExitMeasure;
import dev.htsgd.theory.JumpProcess;
import dev.htsgd.theory.LandscapeAnalysis;
import dev.htsgd.theory.TimeScales;
import dev.htsgd.theory.TransitionGraph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code htsgd analyze} on a d-D landscape: minima, attraction fields from sampled rays, radii r_i and jump
 * numbers J_i = ceil(r_i / b), as the command's JSON and table.
 */
final class AnalysisMultiD {

    private final AnalyzeCommand cmd;

    AnalysisMultiD(AnalyzeCommand cmd) {
        this.cmd = cmd;
    }

    Map<String, Object> multiD(Objective f, NoiseModel z, double b) {
        if (!z.isHeavyTailed() || !(z.alpha() > 1)) {
            throw new IllegalArgumentException("--noise " + z.name() + ": the jump-number theory needs a heavy tail with alpha > 1, got alpha = " + z.alpha());
        }
        int d = f.dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        java.util.Arrays.fill(lo, -10);
        java.util.Arrays.fill(hi, 10);
        double maxR = 10;
        if (f.domain() instanceof dev.htsgd.landscape.Domain.Ball ball) {
            maxR = 2 * ball.radius();
            for (int c = 0; c < d; c++) {
                lo[c] = ball.center()[c] - ball.radius();
                hi[c] = ball.center()[c] + ball.radius();
            }
        } else if (f.domain() instanceof dev.htsgd.landscape.Domain.Box box) {
            lo = box.lo().clone();
            hi = box.hi().clone();
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += (hi[c] - lo[c]) * (hi[c] - lo[c]);
            }
            maxR = Math.sqrt(s);
        }
        double[][] minima = BasinRadius.minima(f, lo, hi, d == 2 ? 12 : 5).toArray(new double[0][]);
        if (minima.length == 0) {
            throw new IllegalArgumentException("landscape " + f.name() + ": the gradient flow from a grid of start points"
                    + " settles at no minimum in the box " + java.util.Arrays.toString(lo) + " - " + java.util.Arrays.toString(hi));
        }
        List<Double> radii = new ArrayList<>();
        List<Integer> jumps = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        for (double[] m : minima) {
            BasinRadius r = BasinRadius.of(f, m, b, cmd.directions, maxR, cmd.common.seed);
            radii.add(Double.isFinite(r.radius()) ? r.radius() : null);
            jumps.add(r.jumps());
            limits = r.limits();
        }
        int max = jumps.stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<String, Object> out = cmd.header(f, z);
        out.put("method", "multi-d first version: J = ceil(r/b), r from gradient-flow classification along " + cmd.directions + " rays");
        out.put("minima", JsonValues.points(minima));
        out.put("radii", radii);
        out.put("jumps", jumps);
        List<Integer> widest = new ArrayList<>();
        for (int i = 0; i < jumps.size(); i++) {
            if (jumps.get(i) == max) {
                widest.add(i);
            }
        }
        out.put("widest", widest);
        out.put("predicted_slopes", jumps.stream().map(j -> j > 0 ? TimeScales.slope(z.alpha(), j) : null).toList());
        if (cmd.eta != null) {
            Map<String, Object> ts = JsonValues.map();
            double lambda = TimeScales.lambda(z, cmd.eta);
            ts.put("eta", cmd.eta);
            ts.put("lambda", lambda);
            ts.put("lambda_star", max > 0 ? TimeScales.scale(z, cmd.eta, max) : null);
            out.put("time_scale", ts);
        }
        out.put("limits", limits);
        out.put("not_computed", "rates, transition graph and the limiting chain are 1-D only in this version");
        if (!cmd.common.json()) {
            PrintWriter pw = cmd.spec.commandLine().getOut();
            pw.printf(Locale.ROOT, "%s (%d-D), noise %s, clip %s: multi-d first version%n", f.name(), f.dimension(), z.describe(), cmd.clip.describe());
            pw.printf(Locale.ROOT, "%-4s %-26s %-10s %-6s %-6s%n", "i", "minimum", "r", "J", "widest");
            for (int i = 0; i < minima.length; i++) {
                pw.printf(Locale.ROOT, "%-4d %-26s %-10s %-6d %-6s%n", i, Arrays.stream(minima[i]).mapToObj(JsonValues::fmt)
                        .collect(Collectors.joining(", ", "(", ")")), radii.get(i) == null ? "inf" : JsonValues.fmt(radii.get(i)),
                        jumps.get(i), widest.contains(i) ? "*" : "");
            }
            limits.forEach(l -> pw.println("limit: " + l));
            pw.flush();
        }
        return out;
    }
}
