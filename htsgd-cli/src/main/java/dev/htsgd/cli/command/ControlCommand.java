package dev.htsgd.cli.command;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.cli.line.ControlLine;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.LandscapeOptions;
import dev.htsgd.run.Json;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.cli.option.ScanOptions;
import dev.htsgd.landscape.Domain;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ControlStudy;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.ClipControl;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd control}: how the truncation threshold b decides which minima survive (paper notes, section 4,
 * control): for b over a range, the widest minima V*_b and whether G_b is irreducible, as bands of b; with
 * {@code --target R}, the bands that keep exactly the minima with r_i &gt;= R, reducible ones flagged.
 */
@Command(name = "control", header = "Which minima survive as the truncation threshold b varies, and the recommended b intervals.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Which minima survive as the truncation threshold b varies: for b in --b-range, the widest minima",
            "V*_b (where clipped heavy-tailed SGD spends almost all its time) and whether the transition graph",
            "G_b is irreducible (reducible choices can trap the process). With --target R: the b intervals whose",
            "widest set is exactly the minima with radius >= R; recommended ones are also irreducible.",
            "",
            "Example: htsgd control --landscape iclr1d --b-range 0.1:1 --target 0.5"})
public final class ControlCommand extends LandscapeCommand {

    @Option(names = "--b-range", paramLabel = "LO:HI", defaultValue = "0.05:2",
            description = "Range of b to scan; HI may be inf (default: ${DEFAULT-VALUE}).")
    String bRange;

    @Option(names = "--target", paramLabel = "R",
            description = "Keep exactly the minima whose attraction-field radius r_i is at least R.")
    Double target;

    @Mixin
    ScanOptions scan;

    @Option(names = "--b-grid", paramLabel = "N", defaultValue = "0",
            description = "Also list every minimum's l*_i = ceil(r_i / b) at the midpoints of N equal cells of a finite --b-range (default: ${DEFAULT-VALUE}, none).")
    int bGrid;

    /** The study's settings from the options. */
    ControlStudy.Settings settings() {
        double[] range = parseRange(bRange);
        Domain.Interval w = scan.windowOrNull();
        Domain d = landscape.domainOverride();
        if (d != null && !(d instanceof Domain.Interval)) {
            throw new IllegalArgumentException("--ball is for 2-D landscapes: control of b needs a 1-D landscape");
        }
        return ControlStudy.Settings.of(landscape.landscape, (Domain.Interval) d, w, scan.grid, range[0], range[1], target, bGrid);
    }

    @Override
    public Integer call() {
        Domain d = landscape.domainOverride();
        if (!(d instanceof Domain.Interval)) {
            dev.htsgd.landscape.Objective f = landscape.objective();
            if (f.dimension() > 1) {
                return multiD(f);
            }
        }
        ControlStudy.Result r = StudyRunner.of(common.effectiveThreads()).run(new ControlStudy(), settings(), common.seed);
        Basins basins = r.basins();
        Map<String, Object> out = JsonValues.map();
        out.put("command", "control");
        out.putAll(ControlLine.json(r));
        out.put("seed", common.seed);
        PrintWriter pw = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(pw, out);
        } else {
            pw.printf(Locale.ROOT, "%s: minima %s, radii %s%n", basins.objective().name(), fmt(basins.minima()), fmt(basins.radii()));
            pw.printf(Locale.ROOT, "%-24s %-18s %-12s %-8s%n", "b in", "widest minima", "G_b", "max l*");
            for (ClipControl.Band b : r.bands()) {
                pw.printf(Locale.ROOT, "%-24s %-18s %-12s %-8s%n", "(" + JsonValues.fmt(b.bLow()) + ", " + JsonValues.fmt(b.bHigh()) + ")",
                        Arrays.toString(b.widest()), b.irreducible() ? "irreducible" : "REDUCIBLE",
                        b.minJumps() == b.maxJumps() ? Integer.toString(b.minJumps()) : b.minJumps() + "-" + b.maxJumps());
            }
            if (target != null) {
                pw.printf(Locale.ROOT, "%ntarget r >= %s keeps minima %s:%n", JsonValues.fmt(target),
                        Arrays.toString(r.targetMinima()));
                if (r.keeping().isEmpty()) {
                    pw.println("  no b in the range makes exactly these minima the widest");
                }
                for (ClipControl.Band b : r.keeping()) {
                    pw.printf(Locale.ROOT, "  b in (%s, %s)%s%n", JsonValues.fmt(b.bLow()), JsonValues.fmt(b.bHigh()),
                            b.irreducible() ? "  recommended (irreducible)" : "  REDUCIBLE: the process can be trapped");
                }
            }
            for (ControlStudy.GridPoint g : r.grid()) {
                pw.printf(Locale.ROOT, "b = %-10s l* %s%s%n", JsonValues.fmt(g.b()), Arrays.toString(g.jumps()),
                        g.irreducible() ? "" : "  REDUCIBLE");
            }
            pw.flush();
        }
        if (common.out != null) {
            RunFiles.write(spec, common, run, "control", out, null, null);
        }
        return 0;
    }

    /**
     * control on a d-D landscape: the fields by gradient flow ({@link dev.htsgd.theory.FlowFields}), then the same
     * bands of b as in 1-D from the radii r_i and distances dist(m_i, I_j) ({@link ClipControl#scan(double[], double[][], double, double)}).
     */
    private Integer multiD(dev.htsgd.landscape.Objective f) {
        if (target != null || bGrid != 0) {
            throw new IllegalArgumentException((target != null ? "--target" : "--b-grid") + " is for 1-D landscapes; "
                    + f.name() + " is " + f.dimension() + "-D");
        }
        double[] range = parseRange(bRange);
        dev.htsgd.theory.FlowFields fields = dev.htsgd.theory.FlowFields.of(f,
                dev.htsgd.theory.FlowFields.Options.defaults(f.dimension()).withSeed(common.seed)).requireExits();
        java.util.List<ClipControl.Band> bands = ClipControl.scan(fields.radii(), fields.distances(), range[0], range[1]);
        double[][] minima = fields.minima();
        Map<String, Object> out = JsonValues.map();
        out.put("command", "control");
        out.put("landscape", f.name());
        out.put("b_range", JsonValues.nums(range));
        out.put("minima", JsonValues.points(minima));
        out.put("radii", JsonValues.nums(fields.radii()));
        out.put("distances", JsonValues.matrix(fields.distances()));
        out.put("bands", bands.stream().map(b -> {
            Map<String, Object> m = JsonValues.map();
            m.put("b_low", b.bLow());
            m.put("b_high", Double.isFinite(b.bHigh()) ? (Object) b.bHigh() : null);
            m.put("widest", JsonValues.ints(b.widest()));
            m.put("widest_minima", Arrays.stream(b.widest()).mapToObj(i -> JsonValues.nums(minima[i])).toList());
            m.put("irreducible", b.irreducible());
            m.put("max_jumps", java.util.List.of(b.minJumps(), b.maxJumps()));
            return m;
        }).toList());
        out.put("warnings", fields.warnings());
        out.put("seed", common.seed);
        PrintWriter pw = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(pw, out);
        } else {
            pw.printf(Locale.ROOT, "%s (%d-D): minima %s, radii %s%n", f.name(), f.dimension(),
                    Arrays.stream(minima).map(ControlCommand::fmt).collect(Collectors.joining(", ")), fmt(fields.radii()));
            pw.printf(Locale.ROOT, "%-24s %-18s %-12s %-8s%n", "b in", "widest minima", "G_b", "max J");
            for (ClipControl.Band b : bands) {
                pw.printf(Locale.ROOT, "%-24s %-18s %-12s %-8s%n", "(" + JsonValues.fmt(b.bLow()) + ", " + JsonValues.fmt(b.bHigh()) + ")",
                        Arrays.toString(b.widest()), b.irreducible() ? "irreducible" : "REDUCIBLE",
                        b.minJumps() == b.maxJumps() ? Integer.toString(b.minJumps()) : b.minJumps() + "-" + b.maxJumps());
            }
            fields.warnings().forEach(w -> pw.println("warning: " + w));
            pw.flush();
        }
        if (common.out != null) {
            RunFiles.write(spec, common, run, "control", out, null, null);
        }
        return 0;
    }

    private static String fmt(double[] v) {
        return Arrays.stream(v).mapToObj(JsonValues::fmt).collect(Collectors.joining(", ", "[", "]"));
    }

    static double[] parseRange(String s) {
        String[] p = s == null ? new String[0] : s.split(":");
        if (p.length != 2) {
            throw new IllegalArgumentException("--b-range must be LO:HI with 0 < LO < HI, got '" + s + "'");
        }
        double lo;
        double hi;
        try {
            lo = Double.parseDouble(p[0].strip());
            String h = p[1].strip().toLowerCase(Locale.ROOT);
            hi = h.equals("inf") || h.equals("none") ? Double.POSITIVE_INFINITY : Double.parseDouble(h);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--b-range must be LO:HI with 0 < LO < HI (numbers), got '" + s + "'");
        }
        if (!(lo > 0) || !(hi > lo) || Double.isInfinite(lo)) {
            throw new IllegalArgumentException("--b-range must satisfy 0 < LO < HI, got '" + s + "'");
        }
        return new double[] {lo, hi};
    }
}
