package dev.htsgd.cli.line;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.landscape.Domain;
import dev.htsgd.study.ControlStudy;
import dev.htsgd.theory.ClipControl;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code htsgd control} line that computes one {@link ControlStudy.Settings} alone, and the command's JSON of
 * its result (architecture.md: bands [{b_low, b_high, widest, irreducible}]), shared by the command and the
 * b-map target.
 */
public final class ControlLine {

    private ControlLine() {
    }

    /**
     * The command line, seed included (the b-map uses no randomness; the seed is written for uniformity). A d-D
     * landscape gets no {@code --window} and {@code --grid}, which only the 1-D critical-point scan reads.
     *
     * @throws IllegalArgumentException for a domain no option spells (a box, a ball off the origin)
     */
    public static String of(ControlStudy.Settings s, long seed) {
        CommandLineText c = CommandLineText.of("control").option("--landscape", s.landscape());
        Domain d = s.domain();
        if (d instanceof Domain.Interval i) {
            c.option("--domain", i.lower() + "," + i.upper());
        } else if (d instanceof Domain.Ball ball && Arrays.stream(ball.center()).allMatch(x -> x == 0)) {
            c.option("--ball", ball.radius());
        } else if (d != null) {
            throw new IllegalArgumentException("control has no option for the domain " + d.describe());
        }
        if (s.objective().dimension() == 1) {
            if (!s.window().equals(ControlStudy.DEFAULT_WINDOW)) {
                c.option("--window", s.window().lower() + "," + s.window().upper());
            }
            c.option("--grid", s.gridPoints());
        }
        c.option("--b-range", s.bLow() + ":" + (Double.isInfinite(s.bHigh()) ? "inf" : Double.toString(s.bHigh())));
        if (s.targetRadius() != null) {
            c.option("--target", s.targetRadius());
        }
        if (s.bPoints() > 0) {
            c.option("--b-grid", s.bPoints());
        }
        return c.option("--seed", seed).text();
    }

    /**
     * The command's JSON keys after {@code command}: landscape, b_range, minima (numbers in 1-D, points in d-D),
     * radii, distances (d-D), bands, target..., b_grid, warnings (d-D: of the field search).
     */
    public static Map<String, Object> json(ControlStudy.Result r) {
        ControlStudy.Settings s = r.settings();
        ControlStudy.Fields f = r.fields();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("landscape", f.objective().name());
        out.put("b_range", JsonValues.nums(new double[] {s.bLow(), s.bHigh()}));
        out.put("minima", JsonValues.points(f.minima()));
        out.put("radii", JsonValues.nums(f.radii()));
        if (f.flow() != null) {
            out.put("distances", JsonValues.matrix(f.flow().distances()));
        }
        out.put("bands", bands(r, r.bands()));
        if (s.targetRadius() != null) {
            out.put("target", s.targetRadius());
            out.put("target_minima", JsonValues.ints(r.targetMinima()));
            out.put("keeping", bands(r, r.keeping()));
            out.put("recommended", bands(r, r.recommended()));
        }
        if (!r.grid().isEmpty()) {
            out.put("b_grid", r.grid().stream().map(g -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("b", g.b());
                m.put("jumps", Arrays.stream(g.jumps()).boxed().toList());
                m.put("irreducible", g.irreducible());
                return m;
            }).toList());
        }
        if (f.flow() != null) {
            out.put("warnings", f.flow().warnings());
        }
        return out;
    }

    private static List<Map<String, Object>> bands(ControlStudy.Result r, List<ClipControl.Band> bands) {
        return bands.stream().map(r::band).toList();
    }
}
