package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.report.BasinNames;

import dev.htsgd.cli.report.Figures;
import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.cli.line.ControlLine;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ControlStudy;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.ClipControl;
import dev.htsgd.run.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which minima survive as the truncation threshold b varies (paper notes section 4, "Control"): on the ICLR
 * test function, the bands of b with the same widest minima V*_b and irreducibility of G_b
 * ({@link ClipControl}), and the jump numbers l*_i = ceil(r_i / b) of every minimum across b: one
 * {@link ControlStudy} setting, one {@code htsgd control} line.
 */
public final class BMapTarget implements ReproduceTarget {

    static final Info INFO = new Info("b-map", "Control of b on the ICLR test function: jump numbers l*_i = ceil(r_i/b), the widest minima V*_b "
            + "and irreducibility of G_b for b in [0.1, 1]; the b that eliminate the sharp minima.",
            java.util.Set.of());

    static final double B_LOW = 0.1;
    static final double B_HIGH = 1.0;
    /** Points of the b grid of the l* plot. */
    static final int B_POINTS = 400;

    @Override
    public Info info() {
        return INFO;
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        ControlStudy.Settings settings = ControlStudy.Settings.iclr(B_LOW, B_HIGH, B_POINTS);
        ControlStudy.Result result = new StudyRunner(ctx.threads(), ctx.run().checkpoint(), null)
                .run(new ControlStudy(), settings, ctx.seed());
        String command = ControlLine.of(settings, ctx.seed());
        Basins basins = result.basins();
        double[] minima = basins.minima();
        int n = minima.length;
        List<ClipControl.Band> bands = result.bands();

        List<Map<String, Object>> out = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        for (ClipControl.Band band : bands) {
            Map<String, Object> m = Json.object(
                    "b_low", band.bLow(),
                    "b_high", band.bHigh(),
                    "widest", band.widest(),
                    "irreducible", band.irreducible(),
                    "max_jumps", band.maxJumps());
            out.add(m);
            rows.add(List.of(band.bLow(), band.bHigh(), positions(minima, band.widest()), band.irreducible() ? "yes" : "no",
                    band.minJumps() == band.maxJumps() ? Integer.toString(band.maxJumps()) : band.minJumps() + "-" + band.maxJumps(),
                    verdict(basins, band)));
        }
        List<String> header = List.of("b_low", "b_high", "widest minima V*_b", "G_b irreducible", "max l*", "reading");
        ctx.run().writeCsv("b-map.csv", header, rows);

        List<ControlStudy.GridPoint> grid = result.grid();
        double[] bs = grid.stream().mapToDouble(ControlStudy.GridPoint::b).toArray();
        List<String> labels = new ArrayList<>();
        List<double[]> jumps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int basin = i;
            labels.add(String.format(Locale.ROOT, "l* of %s (basin %d, %s, r = %s)", BasinNames.minimum(i), i, i == 0 || i == 2 ? "sharp" : "flat",
                    dev.htsgd.cli.report.Numbers.sig(basins.field(i).radius(), 3)));
            jumps.add(grid.stream().mapToDouble(g -> g.jumps()[basin]).toArray());
        }
        List<Plots.Band> shaded = new ArrayList<>();
        for (ClipControl.Band band : bands) {
            if (band.irreducible()) {
                boolean eliminates = verdict(basins, band).equals("sharp minima eliminated");
                shaded.add(new Plots.Band(band.bLow(), Math.min(band.bHigh(), B_HIGH),
                        eliminates ? "recommended: G_b irreducible, sharp minima eliminated" : "G_b irreducible",
                        eliminates ? Figures.RECOMMENDED : Figures.HOLDS));
            }
        }
        Plot plot = Figures.stepsOverBands(ctx.run().plotsDir(), "b-map",
                Plots.Axes.linear("Jump numbers l*_i = ceil(r_i / b) of the ICLR minima", "b", "l*_i")
                        .withXRange(B_LOW, B_HIGH).withWholeY(),
                bs, labels, jumps, new int[] {0, 1, 3, 4}, 0.06, shaded);

        List<List<?>> basinRows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            basinRows.add(List.of(BasinNames.minimum(i) + " (basin " + i + ")", minima[i], basins.field(i).left(), basins.field(i).right(),
                    basins.field(i).radius(), i == 0 || i == 2 ? "sharp (narrow)" : "flat (wide)"));
        }
        ctx.report().section("b-map: which minima survive as b varies",
                        "the jump numbers l*_i = ceil(r_i / b) of the four minima of the ICLR function as steps over b, "
                        + "with the bands of b where the jump graph G_b is irreducible and the recommended bands shaded.",
                        "the limiting process lives on the minima with the largest l* (the widest in jump units); a b in "
                        + "a recommended band (G_b irreducible, only the flat m2 and m4 widest) eliminates the sharp minima.")
                .paragraph("The limiting jump process lives on the widest minima V*_b = {m_i : l*_i = max_j l*_j}; "
                        + "sharp minima outside V*_b are left at once on the time scale of the process. A b for which "
                        + "only the flat minima m2 and m4 are widest, with G_b irreducible, eliminates the sharp minima "
                        + "(ICLR section 3). Bands from ClipControl (breakpoints r/k and dist/k excluded).")
                .table("Minima of the ICLR test function (computed from the formula)",
                        List.of("minimum", "x", "field left", "field right", "radius r", "kind"), basinRows)
                .command(command)
                .table("Bands of b", header, rows)
                .command(command)
                .plot(plot, "l*_i against b, one step line per minimum (drawn 0.06 apart where they coincide); shaded: "
                        + "the bands of b where G_b is irreducible (grey) and, among them, those where only the flat m2 "
                        + "and m4 are widest (green, the recommended b). The widest minima V*_b are those with the largest l*.")
                .command(command);

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("command", command);
        entry.putAll(ControlLine.json(result));
        return Json.object(
                "minima", minima,
                "radii", basins.radii(),
                "bands", out,
                "settings", List.of(entry));
    }

    static String positions(double[] minima, int[] idx) {
        StringBuilder sb = new StringBuilder();
        for (int i : idx) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "m%d (%.3f)", i + 1, minima[i]));
        }
        return sb.toString();
    }

    static String verdict(Basins basins, ClipControl.Band band) {
        int[] w = band.widest();
        boolean onlyFlat = Arrays.stream(w).allMatch(i -> i == 1 || i == 3);
        if (!band.irreducible()) {
            return "reducible: SGD can be trapped";
        }
        return onlyFlat ? "sharp minima eliminated" : "a sharp minimum among the widest";
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        return ReproduceTarget.summaryLines("b-map: bands of b (widest minima, irreducible)", results, "bands", b -> String.format(Locale.ROOT, "b in (%.4f, %.4f): widest %s, irreducible %s", b.get("b_low"),
                    b.get("b_high"), Arrays.toString((int[]) b.get("widest")), b.get("irreducible")));
    }
}
