package dev.htsgd.cli.line;

import dev.htsgd.cli.report.JsonValues;
import dev.htsgd.run.Json;
import dev.htsgd.run.Progress;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ExitTimeStudy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** The exit-times study as a command line and as the JSON that {@code htsgd exit-times --format json} prints: what a reproduce target writes under {@code settings[i]} and what the command prints, from one place. */
public final class ExitTimesLine {

    private ExitTimesLine() {
    }

    /**
     * The exact command line that computes {@code s} under {@code seed} alone ({@code htsgd exit-times ... --seed
     * S}): its {@code --format json} output holds the same numbers as {@link #json} of that run, bit for bit.
     *
     * @throws IllegalArgumentException for settings no option spells (a noise or domain the options cannot give)
     */
    public static String commandLine(ExitTimeStudy.Settings s, long seed) {
        List<String> a = new ArrayList<>(List.of("htsgd", "exit-times", "--landscape", s.objective().name()));
        Objective f = s.objective();
        dev.htsgd.landscape.Domain dom = f.domain();
        if (!dom.describe().equals(dev.htsgd.landscape.Landscapes.of(f.name()).domain().describe())) {
            if (dom instanceof dev.htsgd.landscape.Domain.Interval i) {
                a.addAll(List.of("--domain", i.lo() + "," + i.hi()));
            } else if (dom instanceof dev.htsgd.landscape.Domain.Ball bl
                    && java.util.Arrays.stream(bl.center()).allMatch(c -> c == 0)) { // --ball R: around 0 in any dimension
                a.addAll(List.of("--ball", Double.toString(bl.radius())));
            } else {
                throw new IllegalArgumentException("no option gives the domain " + dom.describe());
            }
        }
        a.addAll(noiseOptions(s.noise()));
        a.addAll(List.of("--clip", Double.isInfinite(s.clip()) ? "none" : Double.toString(s.clip())));
        if (s.clipping() != dev.htsgd.dynamics.Clipping.NONE && s.clipping() != dev.htsgd.dynamics.Clipping.L2) {
            a.addAll(List.of("--clip-mode", s.clipping().cliName()));
        }
        if (!s.project()) {
            a.add("--no-project");
        }
        a.addAll(List.of("--basin", Integer.toString(s.basin())));
        if (!java.util.Arrays.equals(s.start(), s.basins().minimumPoints()[s.basin()])) {
            a.addAll(List.of("--x0", java.util.Arrays.stream(s.start()).mapToObj(Double::toString)
                    .collect(java.util.stream.Collectors.joining(","))));
        }
        double[] e = s.etas();
        a.addAll(e.length == 1 ? List.of("--eta", Double.toString(e[0])) : List.of("--etas",
                java.util.Arrays.stream(e).mapToObj(Double::toString).collect(java.util.stream.Collectors.joining(","))));
        a.addAll(List.of("--samples", Integer.toString(s.samples()), "--max-steps", Long.toString(s.maxSteps())));
        // the engine that runs these settings (auto resolved), written always: the command's default is auto
        a.addAll(List.of("--engine", ExitTimeStudy.experiment(s, 0, seed).engine().cliName()));
        a.addAll(List.of("--seed", Long.toString(seed)));
        return CommandLineText.join(a);
    }


    /** The noise options that give {@code z} ({@link dev.htsgd.cli.option.NoiseOptions#model()} of them describes it the same). */
    public static List<String> noiseOptions(NoiseModel z) {
        NoiseModel base = z instanceof dev.htsgd.noise.CenteredNoise c ? c.base() : z;
        List<String> a = new ArrayList<>(List.of("--noise", base.name()));
        double scale;
        if (base instanceof dev.htsgd.noise.ParetoNoise p) {
            scale = p.scale();
        } else if (base instanceof dev.htsgd.noise.LomaxNoise p) {
            scale = p.scale();
        } else if (base instanceof dev.htsgd.noise.StableNoise p) {
            scale = p.scale();
        } else if (base instanceof dev.htsgd.noise.StudentNoise p) {
            scale = p.scale();
        } else if (base instanceof dev.htsgd.noise.GaussianNoise p) {
            scale = p.scale();
        } else if (base instanceof dev.htsgd.noise.MixtureNoise p) {
            scale = p.paretoScale();
            a.addAll(List.of("--normal-scale", Double.toString(p.normalScale())));
        } else {
            throw new IllegalArgumentException("no option gives the noise " + z.describe());
        }
        if (!(base instanceof dev.htsgd.noise.GaussianNoise)) {
            a.addAll(List.of("--alpha", Double.toString(base.alpha())));
        }
        a.addAll(List.of("--scale", Double.toString(scale)));
        if (base.pPlus() != 0.5) {
            a.addAll(List.of("--p-plus", Double.toString(base.pPlus())));
        }
        return a;
    }


    /** The {@code --format json} results of a run: the command's name, the study's keys, the seed. */
    public static Map<String, Object> json(ExitTimeStudy.Settings s, ExitTimeStudy.Result r, long seed) {
        Map<String, Object> out = JsonValues.map();
        out.put("command", "exit-times");
        out.putAll(ExitTimeStudy.json(s, r));
        out.put("seed", seed);
        return out;
    }
}
