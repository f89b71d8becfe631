package dev.htsgd.cli.reproduce;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options shared by the reproduce targets: the scale and overrides of its sizes. Each target says in its
 * report which of these it used; an option a target does not use is ignored by it.
 */
public final class ReproduceOptions {

    // no defaultValue: it would overwrite what the old name set (see OldOptionNames)
    @Option(names = "--size", paramLabel = "full|quick|tiny",
            description = "Size of the run: full (the paper's configuration), quick (minutes), tiny (seconds) (default: full).")
    public Scale scale = Scale.full;

    @Option(names = "--etas", paramLabel = "E", split = ",",
            description = "Learning rates (exit-times, rare-event); 1/200 style fractions are accepted.")
    public List<String> etas;

    @Option(names = "--samples", paramLabel = "N", description = "Replications per point (exit-times, rare-event).")
    public Long samples;

    @Option(names = "--max-steps", paramLabel = "N", description = "Step cap per exit-time replication; capped paths are reported as censored.")
    public Long maxSteps;

    @Option(names = "--steps", paramLabel = "N", description = "Steps per path (global-dynamics, two-d).")
    public Long steps;

    @Option(names = "--paths", paramLabel = "N", description = "Paths per setting (global-dynamics, two-d).")
    public Integer paths;

    @Option(names = "--engine", paramLabel = "scalar|vector|auto",
            description = "Path engine of the simulations (exit-times, global-dynamics, rare-event): scalar (one path at a "
                    + "time), vector (K paths at once in SIMD lanes) or auto (default: auto, the lanes where they "
                    + "apply). Each settings[i].command names the engine that ran, so that the command alone gives "
                    + "the same numbers.")
    public String engine;

    @Option(names = "--replications", paramLabel = "N",
            description = "Runs per method, seeds --seed, --seed + 1, ... (dl-fashion; default 5, tiny 1).")
    public Integer seeds;

    @Option(names = "--sb-noise-replications", paramLabel = "N",
            description = "Runs of sb-noise's 100,000-iteration schedule (dl-fashion; default --replications).")
    public Integer sbNoiseSeeds;

    @Option(names = "--parallel-runs", paramLabel = "N", description = "Training runs at once, each in its own process with --threads PyTorch threads (dl-fashion; default 1).")
    public Integer parallelRuns;

    /**
     * Checks every override before anything is created: counts at least 1, learning rates in (0, inf), and
     * no override that none of {@code targets} reads (it would be ignored without a word).
     *
     * @throws IllegalArgumentException naming the option as typed and the allowed range
     */
    public void validate(java.util.Collection<? extends ReproduceTarget> targets) {
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (ReproduceTarget t : targets) {
            used.addAll(t.options());
        }
        java.util.Map<String, Object> given = overrides();
        String names = targets.stream().map(ReproduceTarget::name).collect(java.util.stream.Collectors.joining(", "));
        given.put("--engine", engine);
        for (var e : given.entrySet()) {
            if (e.getValue() != null && !used.contains(e.getKey())) {
                throw new IllegalArgumentException(e.getKey() + " is not used by " + names + " (it reads "
                        + (used.isEmpty() ? "only --size" : String.join(", ", used) + " and --size") + ")");
            }
        }
        engineValue();
        atLeastOne("--samples", samples);
        atLeastOne("--max-steps", maxSteps);
        atLeastOne("--steps", steps);
        atLeastOne("--paths", paths == null ? null : paths.longValue());
        atLeastOne("--replications", seeds == null ? null : seeds.longValue());
        atLeastOne("--sb-noise-replications", sbNoiseSeeds == null ? null : sbNoiseSeeds.longValue());
        atLeastOne("--parallel-runs", parallelRuns == null ? null : parallelRuns.longValue());
        etaValues();
    }

    /**
     * A size given on the command line must not be silently overridden by sizes from {@code --config}: a file that
     * sets {@code etas}, {@code samples}, ... fixes those sizes whatever {@code --size} says, so {@code --size tiny}
     * beside such a file would run the file's grid and record {@code size: tiny}. That conflict is refused.
     *
     * @param spec the parsed command (what was typed, and what came from the file)
     * @param config the {@code --config} file, or null
     */
    public void refuseSizeAgainstConfig(picocli.CommandLine.Model.CommandSpec spec, java.nio.file.Path config) {
        picocli.CommandLine.ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        if (config == null || parsed == null || !(parsed.hasMatchedOption("--size") || parsed.hasMatchedOption("--scale"))) {
            return;
        }
        java.util.Map<String, Object> given = overrides();
        java.util.List<String> fromFile = new java.util.ArrayList<>();
        for (var e : given.entrySet()) {
            if (e.getValue() != null && !parsed.hasMatchedOption(e.getKey())) {
                fromFile.add(e.getKey().substring(2));
            }
        }
        if (!fromFile.isEmpty()) {
            throw new IllegalArgumentException("--size " + scale + " conflicts with the sizes " + String.join(", ", fromFile)
                    + " set in --config " + config + ", which would win over it: drop --size, or those keys from the file");
        }
    }

    /** The size overrides, as typed, in the order of {@link #overrides()}'s values. */
    private static final List<String> OVERRIDES = List.of("--etas", "--samples", "--max-steps", "--steps", "--paths",
            "--replications", "--sb-noise-replications", "--parallel-runs");

    /** The size overrides by option, null where not given. */
    private java.util.Map<String, Object> overrides() {
        Object[] values = {etas, samples, maxSteps, steps, paths, seeds, sbNoiseSeeds, parallelRuns};
        java.util.Map<String, Object> given = new java.util.LinkedHashMap<>();
        for (int i = 0; i < OVERRIDES.size(); i++) {
            given.put(OVERRIDES.get(i), values[i]);
        }
        return given;
    }

    private static void atLeastOne(String option, Long v) {
        if (v != null && v < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, got " + v);
        }
    }

    /** The path engine: {@code --engine} when given, else auto (the lanes where a target's simulation allows). */
    public dev.htsgd.dynamics.Engine engineValue() {
        return engine == null ? dev.htsgd.dynamics.Engine.AUTO : dev.htsgd.cli.option.EngineOptions.parse(engine);
    }

    /** The learning rates, parsed (accepts 0.001, 1e-3 and 1/1000), or null when not given. */
    public double[] etaValues() {
        if (etas == null || etas.isEmpty()) {
            return null;
        }
        double[] e = new double[etas.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = parseEtaValue(etas.get(i).strip());
        }
        return dev.htsgd.cli.option.OptionChecks.distinct("--etas", e);
    }

    /** Parses one learning rate: 0.001, 1e-3 or 1/1000. */
    public static double parseEtaValue(String s) {
        return dev.htsgd.check.Require.positiveRate("eta", s);
    }
}
