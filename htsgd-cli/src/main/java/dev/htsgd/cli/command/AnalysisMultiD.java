package dev.htsgd.cli.command;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.IndependentNoise;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.VectorNoise;
import dev.htsgd.sim.Streams;
import dev.htsgd.theory.ExitMeasureRd;
import dev.htsgd.theory.FlowFields;
import dev.htsgd.theory.LandscapeAnalysis;
import dev.htsgd.theory.TimeScales;
import dev.htsgd.theory.TransitionGraph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code htsgd analyze} on a d-D landscape (paper notes, sections 3-4, multi-d): minimiser sets and fields by
 * gradient flow ({@link FlowFields}), radii r_i and distances dist(m_i, I_j), the graph G_b, the rates
 * q_b(i, j) (one jump by quadrature, more by Monte Carlo, {@link ExitMeasureRd}) and the limiting jump process,
 * under the same JSON keys as in 1-D ({@link AnalysisJson}) with {@code minima} as points.
 */
final class AnalysisMultiD {

    private final AnalyzeCommand cmd;

    AnalysisMultiD(AnalyzeCommand cmd) {
        this.cmd = cmd;
    }

    /** The d-D noise the theory uses: isotropic (the simulation's) or independent coordinates. */
    VectorNoise vectorNoise(NoiseModel z, int d) {
        return cmd.angular.equals("independent") ? IndependentNoise.of(z, d) : IsotropicNoise.of(z, d);
    }

    Map<String, Object> multiD(Objective f, NoiseModel z, double b) {
        int d = f.dimension();
        if (cmd.mcSamples > 0 && cmd.mcSamples < ExitMeasureRd.MIN_SAMPLES) {
            throw new IllegalArgumentException("--mc-samples must be 0 (the default " + ExitMeasureRd.DEFAULT_SAMPLES
                    + ") or >= " + ExitMeasureRd.MIN_SAMPLES + " for a " + d + "-D landscape (its multi-jump rates are"
                    + " Monte Carlo estimates with a standard error), got " + cmd.mcSamples);
        }
        VectorNoise noise = vectorNoise(z, d);
        LandscapeAnalysis.levyMeasureOf(z);
        FlowFields fields = FlowFields.of(f, FlowFields.Options.defaults(d).withDirections(cmd.directions).withSeed(cmd.common.seed))
                .requireExits();
        TransitionGraph g = TransitionGraph.of(fields.radii(), fields.distances(), b);
        int samples = cmd.mcSamples > 0 ? cmd.mcSamples : ExitMeasureRd.DEFAULT_SAMPLES;
        boolean structureOnly = g.maxJumpNumber() > ExitMeasureRd.MAX_JUMPS;
        List<String> warnings = new ArrayList<>(fields.warnings());
        warnings.addAll(g.warnings());
        Map<String, Object> out = cmd.header(f, z);
        out.put("dimension", d);
        out.put("angular_law", noise.angularLaw().describe());
        out.put("method", "fields by gradient flow; r_i and dist(m_i, I_j) by ray search, bisection and refinement over"
                + " directions; one-jump rates by quadrature over directions, multi-jump rates by Monte Carlo with "
                + samples + " samples per field");
        double[][] minima = fields.minima();
        out.put("minima", JsonValues.points(minima));
        out.put("minimiser_sets", fields.sets().stream().map(s -> {
            Map<String, Object> m = JsonValues.map();
            m.put("point", JsonValues.nums(s.point()));
            m.put("f", s.value());
            m.put("starts", s.starts());
            m.put("members", s.members());
            m.put("spread", s.spread());
            m.put("on_boundary", s.onBoundary());
            return m;
        }).toList());
        out.put("radii", JsonValues.nums(fields.radii()));
        out.put("distances", JsonValues.matrix(fields.distances()));
        out.put("distance_tolerance", fields.tolerance());
        out.put("inward_drift", java.util.stream.IntStream.range(0, fields.size()).mapToObj(i -> {
            Map<String, Object> m = JsonValues.map();
            m.put("holds", fields.drift(i).holds());
            m.put("checked", fields.drift(i).checked());
            m.put("violations", fields.drift(i).violations());
            m.put("least_cosine", fields.drift(i).worst());
            return m;
        }).toList());
        AnalysisJson.graph(out, g, false);
        LandscapeAnalysis a = null;
        if (structureOnly) {
            warnings.add("J = " + g.maxJumpNumber() + " jumps exceed the " + ExitMeasureRd.MAX_JUMPS + " that the multi-jump"
                    + " rates support: rates, generator and stationary law are not computed for b = " + b
                    + "; the structure above stands");
            out.put("rates", null);
            out.put("generator", null);
            out.put("stationary", null);
            AnalysisJson.predictions(out, g, z.alpha(), cmd.eta, null);
        } else {
            long key = Streams.key(cmd.common.seed, "analyze-rates", f.name() + " " + f.domain().describe() + " "
                    + noise.describe() + " b=" + b);
            a = LandscapeAnalysis.of(fields, noise, b, samples, i -> Streams.forReplication(key, i));
            warnings.addAll(a.exitMeasureRd().warnings());
            out.put("mc_samples", samples);
            AnalysisJson.rates(out, a);
            AnalysisJson.exitLaws(out, a);
            AnalysisJson.process(out, a, warnings);
            LandscapeAnalysis.Prediction pred = cmd.eta == null ? null : a.predict(noise, cmd.eta);
            AnalysisJson.predictions(out, g, z.alpha(), cmd.eta, pred);
        }
        for (int i = 0; i < fields.size(); i++) {
            if (Double.isFinite(b) && Math.abs(fields.radius(i) / b - Math.rint(fields.radius(i) / b)) < fields.tolerance() / b * 10
                    && Math.rint(fields.radius(i) / b) >= 1) {
                warnings.add("r_" + i + " / b = " + fields.radius(i) / b + " is an integer within the radius tolerance "
                        + fields.tolerance() + ": J_" + i + " is not determined");
            }
        }
        out.put("limits", fields.limits());
        out.put("warnings", warnings);
        if (!cmd.common.json()) {
            table(f, noise, fields, g, a, warnings);
        }
        return out;
    }

    private void table(Objective f, VectorNoise noise, FlowFields fields, TransitionGraph g, LandscapeAnalysis a,
                       List<String> warnings) {
        PrintWriter pw = cmd.spec.commandLine().getOut();
        pw.printf(Locale.ROOT, "%s (%d-D) on %s, noise %s, clip %s%n", f.name(), f.dimension(), f.domain().describe(),
                noise.describe(), cmd.clip.describe());
        pw.printf(Locale.ROOT, "%-4s %-28s %-10s %-4s %-7s %-12s%n", "i", "m_i", "r_i", "J_i", "widest", "q(i)");
        for (int i = 0; i < fields.size(); i++) {
            double[] m = fields.minima()[i];
            pw.printf(Locale.ROOT, "%-4d %-28s %-10s %-4d %-7s %-12s%n", i,
                    Arrays.stream(m).mapToObj(JsonValues::fmt).collect(Collectors.joining(", ", "(", ")")),
                    JsonValues.fmt(fields.radius(i)), g.jumpNumber(i), AnalyzeCommand.contains(g.widest(), i) ? "*" : "",
                    a == null ? "-" : JsonValues.fmt(a.exitRate(i)));
        }
        if (a != null) {
            pw.println("rates q_b(i,j) +- error:");
            for (int i = 0; i < fields.size(); i++) {
                StringBuilder sb = new StringBuilder("  ");
                for (int j = 0; j < fields.size(); j++) {
                    sb.append(String.format(Locale.ROOT, "%-24s", i == j ? "-"
                            : JsonValues.fmt(a.rate(i, j).value()) + " +- " + JsonValues.fmt(a.rate(i, j).error())));
                }
                pw.println(sb);
            }
            if (a.process().irreducible()) {
                pw.println("stationary law on widest " + Arrays.toString(g.widest()) + ": "
                        + Arrays.stream(a.process().chain().stationary()).mapToObj(JsonValues::fmt).collect(Collectors.joining(", ", "[", "]")));
            }
        }
        pw.printf(Locale.ROOT, "G_b: %s; classes %s; predicted slopes %s%n", g.irreducible() ? "irreducible" : "REDUCIBLE",
                g.classes(), Arrays.stream(g.jumpNumbers()).mapToObj(l -> JsonValues.fmt(TimeScales.slope(noise.alpha(), l)))
                        .collect(Collectors.joining(", ", "[", "]")));
        warnings.forEach(w -> pw.println("warning: " + w));
        pw.flush();
    }
}
