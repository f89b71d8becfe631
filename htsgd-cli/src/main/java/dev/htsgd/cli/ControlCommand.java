package dev.htsgd.cli;

import dev.htsgd.run.Json;
import dev.htsgd.cli.report.RunOptions;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.ClipControl;
import dev.htsgd.theory.CriticalPoints1D;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
public final class ControlCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    LandscapeOptions landscape;

    @Mixin
    RunOptions run;

    @Option(names = "--b-range", paramLabel = "LO:HI", defaultValue = "0.05:2",
            description = "Range of b to scan; HI may be inf (default: ${DEFAULT-VALUE}).")
    String bRange;

    @Option(names = "--target", paramLabel = "R",
            description = "Keep exactly the minima whose attraction-field radius r_i is at least R.")
    Double target;

    @Option(names = "--window", paramLabel = "a,b",
            description = "Search window for critical points on an unbounded domain (default: -10,10).")
    String window;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "20001",
            description = "Grid points of the critical-point scan (default: ${DEFAULT-VALUE}).")
    int grid;

    @Override
    public Integer call() {
        double[] range = parseRange(bRange);
        Objective o = landscape.objective();
        if (o.dimension() != 1) {
            throw new IllegalArgumentException("--landscape " + o.name() + " is " + o.dimension()
                    + "-D: control of b needs the 1-D transition graph (use analyze for the multi-d jump numbers)");
        }
        Objective1D f = (Objective1D) o;
        CriticalPoints1D cps;
        if (f.domain() instanceof dev.htsgd.landscape.Domain.Interval) {
            cps = CriticalPoints1D.find(f, f.domain().lower(), f.domain().upper(), grid);
        } else {
            dev.htsgd.landscape.Domain.Interval w = dev.htsgd.landscape.Domain.parseInterval("window", window == null ? "-10,10" : window);
            cps = CriticalPoints1D.find(f, w.lower(), w.upper(), grid);
        }
        Basins basins = Basins.of(f, cps, x -> 1.0);
        List<ClipControl.Band> bands = ClipControl.scan(basins, range[0], range[1]);
        Map<String, Object> out = EngineSupport.map();
        out.put("command", "control");
        out.put("landscape", f.name());
        out.put("b_range", EngineSupport.nums(range));
        out.put("minima", EngineSupport.nums(basins.minima()));
        out.put("radii", EngineSupport.nums(basins.radii()));
        out.put("bands", bands.stream().map(b -> band(b, basins)).toList());
        List<ClipControl.Band> keep = null;
        if (target != null) {
            int[] want = ClipControl.atLeastAsWide(basins, target);
            keep = ClipControl.keeping(basins, range[0], range[1], target);
            out.put("target", target);
            out.put("target_minima", AnalyzeCommand.ints(want));
            out.put("keeping", keep.stream().map(b -> band(b, basins)).toList());
            out.put("recommended", keep.stream().filter(ClipControl.Band::irreducible).map(b -> band(b, basins)).toList());
        }
        out.put("seed", common.seed);
        PrintWriter pw = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(pw, out);
        } else {
            pw.printf(Locale.ROOT, "%s: minima %s, radii %s%n", f.name(), fmt(basins.minima()), fmt(basins.radii()));
            pw.printf(Locale.ROOT, "%-24s %-18s %-12s %-8s%n", "b in", "widest minima", "G_b", "max l*");
            for (ClipControl.Band b : bands) {
                pw.printf(Locale.ROOT, "%-24s %-18s %-12s %-8s%n", "(" + EngineSupport.fmt(b.bLow()) + ", " + EngineSupport.fmt(b.bHigh()) + ")",
                        Arrays.toString(b.widest()), b.irreducible() ? "irreducible" : "REDUCIBLE",
                        b.minJumps() == b.maxJumps() ? Integer.toString(b.minJumps()) : b.minJumps() + "-" + b.maxJumps());
            }
            if (keep != null) {
                pw.printf(Locale.ROOT, "%ntarget r >= %s keeps minima %s:%n", EngineSupport.fmt(target),
                        Arrays.toString(ClipControl.atLeastAsWide(basins, target)));
                if (keep.isEmpty()) {
                    pw.println("  no b in the range makes exactly these minima the widest");
                }
                for (ClipControl.Band b : keep) {
                    pw.printf(Locale.ROOT, "  b in (%s, %s)%s%n", EngineSupport.fmt(b.bLow()), EngineSupport.fmt(b.bHigh()),
                            b.irreducible() ? "  recommended (irreducible)" : "  REDUCIBLE: the process can be trapped");
                }
            }
            pw.flush();
        }
        if (common.out != null) {
            RunFiles.write(spec, common, run, "control", out, null, null);
        }
        return 0;
    }

    private static Map<String, Object> band(ClipControl.Band b, Basins basins) {
        Map<String, Object> m = EngineSupport.map();
        m.put("b_low", b.bLow());
        m.put("b_high", EngineSupport.num(b.bHigh()));
        m.put("widest", AnalyzeCommand.ints(b.widest()));
        m.put("widest_minima", Arrays.stream(b.widest()).mapToObj(i -> (Object) basins.minimum(i)).toList());
        m.put("irreducible", b.irreducible());
        m.put("max_jumps", List.of(b.minJumps(), b.maxJumps()));
        return m;
    }

    private static String fmt(double[] v) {
        return Arrays.stream(v).mapToObj(EngineSupport::fmt).collect(Collectors.joining(", ", "[", "]"));
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
