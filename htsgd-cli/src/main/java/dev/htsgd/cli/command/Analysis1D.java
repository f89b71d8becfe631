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
 * {@code htsgd analyze} on a 1-D landscape: critical points, attraction fields I_i, radii r_i, jump numbers l*_i,
 * the transition graph G_b, rates q_b(i,j) = C_{l*_i}(I_j; m_i) (with their Monte Carlo check) and the limiting
 * jump process, as the command's JSON and table.
 */
final class Analysis1D {

    private final AnalyzeCommand cmd;

    Analysis1D(AnalyzeCommand cmd) {
        this.cmd = cmd;
    }

    Map<String, Object> oneD(Objective1D f, NoiseModel z, double b) {
        CriticalPoints1D cps = cmd.criticalPoints(f);
        Basins basins = Basins.of(f, cps, x -> 1.0);
        LandscapeAnalysis.levyMeasureOf(z);
        TransitionGraph g = TransitionGraph.of(basins, b);
        boolean structureOnly = g.maxJumpNumber() > ExitMeasure.MAX_QUADRATURE_JUMPS;
        LandscapeAnalysis a = structureOnly ? null : LandscapeAnalysis.of(basins, z, b);
        int n = basins.size();
        List<String> warnings = new ArrayList<>(cps.warnings());
        warnings.addAll(g.warnings());
        Map<String, Object> out = cmd.header(f, z);
        out.put("critical_points", cps.points().stream().map(p -> {
            Map<String, Object> m = JsonValues.map();
            m.put("x", p.x());
            m.put("f", p.value());
            m.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
            m.put("degenerate", p.degenerate());
            m.put("at_boundary", p.atBoundary());
            return m;
        }).toList());
        out.put("minima", JsonValues.nums(basins.minima()));
        out.put("maxima", JsonValues.nums(basins.maxima()));
        out.put("fields", basins.fields().stream().map(fl -> JsonValues.nums(new double[] {fl.left(), fl.right()})).toList());
        out.put("radii", JsonValues.nums(basins.radii()));
        AnalysisJson.graph(out, g, true);
        if (structureOnly) {
            warnings.add("l* = " + g.maxJumpNumber() + " jumps exceed the " + ExitMeasure.MAX_QUADRATURE_JUMPS
                    + " that the rate quadrature handles (its cost grows like 100^(l*-1)): rates, generator and"
                    + " stationary law are not computed for b = " + b + "; the structure above is exact");
            out.put("rates", null);
            out.put("generator", null);
            out.put("stationary", null);
            out.put("predicted_slopes", java.util.stream.IntStream.range(0, n)
                    .mapToObj(i -> TimeScales.slope(z.alpha(), g.jumpNumber(i))).toList());
            if (cmd.eta != null) {
                Map<String, Object> ts = JsonValues.map();
                ts.put("eta", cmd.eta);
                ts.put("lambda", TimeScales.lambda(z, cmd.eta));
                ts.put("lambda_star", TimeScales.scale(z, cmd.eta, g.maxJumpNumber()));
                ts.put("max_jumps", g.maxJumpNumber());
                out.put("time_scale", ts);
            }
            out.put("warnings", warnings);
            if (!cmd.common.json()) {
                PrintWriter pw = cmd.spec.commandLine().getOut();
                pw.printf(Locale.ROOT, "%s on %s, clip %s%n", f.name(), f.domain().describe(), cmd.clip.describe());
                pw.printf(Locale.ROOT, "%-3s %-10s %-9s %-4s %-7s%n", "i", "m_i", "r_i", "l*", "widest");
                for (int i = 0; i < n; i++) {
                    pw.printf(Locale.ROOT, "%-3d %-10s %-9s %-4d %-7s%n", i, JsonValues.fmt(basins.minimum(i)),
                            JsonValues.fmt(basins.field(i).radius()), g.jumpNumber(i), AnalyzeCommand.contains(g.widest(), i) ? "*" : "");
                }
                pw.printf(Locale.ROOT, "G_b: %s; classes %s%n", g.irreducible() ? "irreducible" : "REDUCIBLE", g.classes());
                warnings.forEach(w -> pw.println("warning: " + w));
                pw.flush();
            }
            return out;
        }
        AnalysisJson.rates(out, a);
        if (cmd.mcSamples > 0) {
            out.put("rates_monte_carlo", monteCarlo(a, n));
        }
        AnalysisJson.exitLaws(out, a);
        if (!Double.isInfinite(b)) {
            LandscapeAnalysis unclipped = LandscapeAnalysis.of(basins, z, Double.POSITIVE_INFINITY);
            out.put("unclipped_rates", JsonValues.matrix(unclipped.rateMatrix()));
        }
        AnalysisJson.process(out, a, warnings);
        LandscapeAnalysis.Prediction pred = cmd.eta == null ? null : a.predict(z, cmd.eta);
        AnalysisJson.predictions(out, g, z.alpha(), cmd.eta, pred);
        out.put("warnings", warnings);
        if (!cmd.common.json()) {
            table1D(f, z, basins, a, pred, warnings);
        }
        return out;
    }


    private List<List<Object>> monteCarlo(LandscapeAnalysis a, int n) {
        ExitMeasure em = a.exitMeasure();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Object> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    row.add(null);
                    continue;
                }
                ExitMeasure.Estimate e = em.monteCarlo(i, j, cmd.mcSamples, dev.htsgd.sim.Streams.provider(cmd.common.seed, (long) i * n + j));
                Map<String, Object> m = JsonValues.map();
                m.put("value", e.value());
                m.put("stderr", e.error());
                row.add(m);
            }
            rows.add(row);
        }
        return rows;
    }


    private void table1D(Objective1D f, NoiseModel z, Basins basins, LandscapeAnalysis a, LandscapeAnalysis.Prediction pred,
                         List<String> warnings) {
        PrintWriter pw = cmd.spec.commandLine().getOut();
        TransitionGraph g = a.graph();
        int n = basins.size();
        pw.printf(Locale.ROOT, "%s on %s, noise %s, clip %s%n", f.name(), f.domain().describe(), z.describe(), cmd.clip.describe());
        pw.println("critical points:");
        // f at the critical points to the round-off of their scale: a minimum at f = 0 reads 0, not -3.631e-33
        double fScale = basins.criticalPoints().points().stream().mapToDouble(p -> Math.abs(p.value()))
                .filter(Double::isFinite).max().orElse(1);
        for (CriticalPoint p : basins.criticalPoints().points()) {
            pw.printf(Locale.ROOT, "  %-9s x = %-10s f = %-12s%s%s%n", p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    JsonValues.fmt(p.x()), dev.htsgd.cli.report.Numbers.relative(p.value(), fScale, 6), p.degenerate() ? " (degenerate)" : "",
                    p.atBoundary() ? " (domain end)" : "");
        }
        pw.printf(Locale.ROOT, "%n%-3s %-10s %-22s %-9s %-4s %-7s %-12s %-9s%s%n", "i", "m_i", "I_i", "r_i", "l*", "widest",
                "q(i)", "slope", pred == null ? "" : "  predicted exit steps");
        for (int i = 0; i < n; i++) {
            AttractionField fl = basins.field(i);
            pw.printf(Locale.ROOT, "%-3d %-10s %-22s %-9s %-4d %-7s %-12s %-9s%s%n", i, JsonValues.fmt(fl.minimum()),
                    "(" + JsonValues.fmt(fl.left()) + ", " + JsonValues.fmt(fl.right()) + ")", JsonValues.fmt(fl.radius()),
                    g.jumpNumber(i), AnalyzeCommand.contains(g.widest(), i) ? "*" : "", JsonValues.fmt(a.exitRate(i)),
                    JsonValues.fmt(TimeScales.slope(z.alpha(), g.jumpNumber(i))),
                    pred == null ? "" : "  " + JsonValues.fmt(pred.basins().get(i).meanExitSteps()));
        }
        pw.printf(Locale.ROOT, "%nrates q_b(i,j) (edges of G_b are the nonzero entries; max relative error %.1e):%n", a.maxRelativeError());
        double[][] q = a.rateMatrix();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("  ");
            for (int j = 0; j < n; j++) {
                sb.append(String.format(Locale.ROOT, "%-12s", i == j ? "-" : JsonValues.fmt(q[i][j])));
            }
            pw.println(sb);
        }
        pw.printf(Locale.ROOT, "G_b: %s, %s; classes %s%n", g.irreducible() ? "irreducible" : "REDUCIBLE",
                g.symmetric() ? "symmetric" : "not symmetric", g.classes());
        for (JumpProcess.ClassChain c : a.process().classes()) {
            pw.printf(Locale.ROOT, "chain of %s class %s on widest %s:%n", c.absorbing() ? "absorbing" : "transient",
                    Arrays.toString(c.states()), Arrays.toString(c.widest()));
            double[][] gen = c.generator();
            for (double[] row : gen) {
                pw.println("  Q " + Arrays.stream(row).mapToObj(v -> String.format(Locale.ROOT, "%-12s", JsonValues.fmt(v))).collect(Collectors.joining()));
            }
            if (c.stationary() != null) {
                pw.println("  stationary " + Arrays.stream(c.stationary()).mapToObj(JsonValues::fmt).collect(Collectors.joining(", ", "[", "]")));
            } else {
                pw.println("  killing " + Arrays.stream(c.killing()).mapToObj(JsonValues::fmt).collect(Collectors.joining(", ", "[", "]")));
            }
        }
        if (pred != null) {
            pw.printf(Locale.ROOT, "eta = %s: lambda(eta) = %s, lambda*_b(eta) = %s (one time unit of Y = %s steps)%n",
                    JsonValues.fmt(pred.eta()), JsonValues.fmt(pred.lambda()), JsonValues.fmt(pred.lambdaStar()),
                    JsonValues.fmt(1 / pred.lambdaStar()));
        }
        warnings.forEach(w -> pw.println("warning: " + w));
        pw.flush();
    }
}
