package dev.htsgd.cli.command;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.cli.line.ControlLine;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.LandscapeOptions;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.cli.option.ScanOptions;
import dev.htsgd.landscape.Domain;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ControlStudy;
import dev.htsgd.theory.ClipControl;
import java.io.PrintWriter;
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
 * {@code --target R}, the bands that keep exactly the minima with r_i &gt;= R, reducible ones flagged. A thin
 * adapter over {@link ControlStudy}, for landscapes of any dimension (d-D: fields by gradient flow).
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
        if (w != null && landscape.objective().dimension() > 1) {
            throw new IllegalArgumentException("--window is for 1-D landscapes; " + landscape.landscape + " is "
                    + landscape.objective().dimension() + "-D (its fields are searched on its domain's bounding box)");
        }
        return ControlStudy.Settings.of(landscape.landscape, landscape.domainOverride(), w, scan.grid, range[0], range[1],
                target, bGrid);
    }

    @Override
    public Integer call() {
        ControlStudy.Result r = StudyRunner.of(common.effectiveThreads()).run(new ControlStudy(), settings(), common.seed);
        ControlStudy.Fields fields = r.fields();
        Map<String, Object> out = JsonValues.map();
        out.put("command", "control");
        out.putAll(ControlLine.json(r));
        out.put("seed", common.seed);
        PrintWriter pw = spec.commandLine().getOut();
        common.print(pw, out, () -> table(pw, r, fields));
        if (common.out != null) {
            RunFiles.write(spec, common, run, "control", out, null, null);
        }
        return 0;
    }

    private void table(PrintWriter pw, ControlStudy.Result r, ControlStudy.Fields fields) {
        double[][] m = fields.minima();
        int d = m.length == 0 ? 1 : m[0].length;
        String minima = d == 1 ? fmt(Arrays.stream(m).mapToDouble(p -> p[0]).toArray())
                : Arrays.stream(m).map(ControlCommand::fmt).collect(Collectors.joining(", "));
        pw.printf(Locale.ROOT, "%s%s: minima %s, radii %s%n", fields.objective().name(), d == 1 ? "" : " (" + d + "-D)",
                minima, fmt(fields.radii()));
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
        if (fields.flow() != null) {
            fields.flow().warnings().forEach(w -> pw.println("warning: " + w));
        }
        pw.flush();
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
