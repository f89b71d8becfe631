package dev.htsgd.cli.command;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.cli.option.ClipOptions;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.LandscapeOptions;
import dev.htsgd.cli.option.NoiseOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.cli.option.ScanOptions;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd analyze}: the theory of a landscape for a noise and a truncation threshold (paper notes,
 * sections 3-4): critical points, attraction fields, radii r_i, jump numbers l*_i, the transition graph G_b
 * and its classes, the widest minima V*_b, the rates q_b(i, j), the limiting jump process, and with
 * {@code --eta} the time scales and predicted exit times. 2-D landscapes get the multi-d first version
 * (J = ceil(r / b) per basin).
 */
@Command(name = "analyze", header = "Characterise a landscape: minima, fields, widths, jump numbers, rates and the limiting jump process.", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Characterise a landscape by the theory of heavy-tailed SGD with truncation: minima and maxima,",
            "attraction fields I_i, radii r_i, jump numbers l*_i = ceil(r_i/b), the typical transition graph G_b",
            "(classes, irreducibility, widest minima V*_b), rates q_b(i,j) = C_{l*_i}(I_j; m_i), and the limiting",
            "Markov jump process (generator on V*_b, stationary law). With --eta: lambda(eta), lambda*_b(eta),",
            "predicted mean exit steps 1/(C* eta lambda(eta)^l*) and log-log slopes 1 + l*(alpha - 1).",
            "",
            "Example: htsgd analyze --landscape iclr1d --noise pareto --alpha 1.2 --scale 0.1 --clip 0.5 --eta 0.001"})
public final class AnalyzeCommand extends DynamicsCommand {

    @Option(names = "--eta", paramLabel = "E", description = "Learning rate for time scales and predicted exit steps (optional).")
    Double eta;

    @Mixin
    ScanOptions scan;

    @Option(names = "--mc-samples", paramLabel = "N", defaultValue = "0",
            description = "1-D: also estimate every multi-jump rate by Monte Carlo with N samples, as a check (default: off). d-D: Monte Carlo samples per multi-jump field (default 0: 4000).")
    int mcSamples;

    @Option(names = "--directions", paramLabel = "N", defaultValue = "64",
            description = "Ray directions per basin for d-D landscapes (default: ${DEFAULT-VALUE}).")
    int directions;

    @Option(names = "--angular", paramLabel = "LAW", defaultValue = "isotropic",
            description = "Angular law of the d-D noise: isotropic (the simulation's, default) or independent (i.i.d. coordinates: jumps along the axes).")
    String angular;

    @Override
    public Integer call() {
        // every numeric option is checked before any work (the library's own checks name its parameters, not these)
        if (eta != null) {
            OptionChecks.positive("--eta", eta);
        }
        OptionChecks.inRange("--grid", scan.grid, 101, 100_000_000);
        OptionChecks.inRange("--directions", directions, 4, 100_000);
        if (mcSamples != 0 && mcSamples < 2) {
            // a standard error needs two samples; 0 is the documented "off"
            throw new IllegalArgumentException("--mc-samples must be 0 (off) or >= 2, got " + mcSamples);
        }
        if (!angular.equals("isotropic") && !angular.equals("independent")) {
            throw new IllegalArgumentException("--angular must be isotropic or independent, got '" + angular + "'");
        }
        long t0 = System.nanoTime();
        Objective f = landscape.objective();
        NoiseModel z = noise.model();
        double b = clip.b();
        Map<String, Object> out = f.dimension() == 1 ? new Analysis1D(this).oneD((Objective1D) f, z, b) : new AnalysisMultiD(this).multiD(f, z, b);
        out.put("seconds", (System.nanoTime() - t0) / 1e9);
        out.put("seed", common.seed);
        if (common.json()) {
            Json.print(spec.commandLine().getOut(), out);
        }
        if (common.out != null) {
            RunFiles.write(spec, common, run, "analyze", out, null, null);
        }
        return 0;
    }

    CriticalPoints1D criticalPoints(Objective1D f) {
        return scan.find(f);
    }

    static boolean contains(int[] a, int i) {
        return Arrays.stream(a).anyMatch(k -> k == i);
    }


    /** The keys every analysis starts with: what was analysed. */
    Map<String, Object> header(dev.htsgd.landscape.Objective f, NoiseModel z) {
        Map<String, Object> out = JsonValues.map();
        out.put("command", "analyze");
        out.put("landscape", f.name());
        out.put("domain", f.domain().describe());
        out.put("noise", z.describe());
        out.put("alpha", z.alpha());
        out.put("clip", clip.describe());
        return out;
    }
}
