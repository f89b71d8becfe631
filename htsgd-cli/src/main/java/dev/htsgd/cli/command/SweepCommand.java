package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.Defaults;
import dev.htsgd.cli.option.EngineOptions;
import dev.htsgd.cli.option.ResumableRunOptions;
import dev.htsgd.cli.option.RareEventOptions;
import dev.htsgd.cli.option.StartOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd sweep}: a grid of an experiment (exit-times, simulate, rare-event, or a reproduce target)
 * split into independent tasks, one per replication or grid cell, and run as an Apache Spark job.
 *
 * <p>This class only declares the options, so {@code htsgd --help} and {@code htsgd sweep --help} stay fast
 * and htsgd-cli does not depend on Spark. The run itself is done by a {@link Backend} found with
 * {@link ServiceLoader} on the class path: htsgd-app provides it ({@code dev.htsgd.app.SparkSweepBackend}, over
 * htsgd-spark), and {@code ./htsgd sweep} puts htsgd-app, htsgd-spark and the Spark jars on the class path.
 *
 * <p>Every grid option takes a comma-separated list (a YAML list in {@code --config}); the grid is their
 * cartesian product. Each replication draws from its own stream split from the cell's seed, so the
 * results are those of the local command with the same seed, whatever the cluster does.
 */
@Command(name = "sweep", header = "Run a grid of an experiment as independent tasks on Apache Spark.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run a grid of an experiment as independent tasks on Apache Spark (local[*] by default).",
            "Grid options take lists: 1,2,3 on the command line, YAML lists in --config.",
            "Results land in --out in the run-directory format of the local commands.",
            "A killed sweep continues from its completed tasks with --resume (same options and --out).",
            "Options of one experiment: exit-times --basin, --samples, --max-steps; simulate --steps, --paths;",
            "rare-event --level, --horizon, --task-paths, --estimator, --samples (paths per cell, in blocks of 1000).",
            "--engine is that of every task, auto decided once on the driver (vector when every cell would take the",
            "lanes as the local command does); on vector an exit-times or simulate task holds 32 replications or",
            "paths, on scalar one; a rare-event task holds --task-paths paths either way. On a cluster the",
            "executors get the JVM options of the vector engine."},
        footer = {"",
            "Example sweep.yaml:",
            "  experiment: exit-times",
            "  landscape: iclr1d",
            "  noise: pareto",
            "  alpha: 1.2",
            "  scale: 0.1",
            "  clip: [0.5, none]",
            "  eta: [0.1, 0.05, 0.02]",
            "  seeds: [1, 2]",
            "  samples: 20",
            "  max-steps: 1e7",
            "",
            "Cluster: --master spark://HOST:7077 | yarn | k8s://https://HOST:443, or spark-submit",
            "--class dev.htsgd.app.SweepApp htsgd-spark-app.jar (same options). See README, 'Sweeps on Spark'."})
public final class SweepCommand implements Callable<Integer> {

    /** The sweep runner behind this command; htsgd-app registers one in META-INF/services. */
    public interface Backend {
        /** Runs the sweep the command describes and returns the exit code. */
        int run(SweepCommand command) throws Exception;
    }

    /** Splits on commas that are not inside parentheses, so expr: formulas with min(x, y) survive. */
    static final String LIST_SPLIT = ",(?![^()]*\\))";

    @Mixin
    public CommonOptions common;

    @Spec
    public CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = "exit-times",
            description = "What each task runs: exit-times | simulate | rare-event | reproduce (default: ${DEFAULT-VALUE}).")
    public String experiment;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] (default: local[--threads], all cores when 0), spark://HOST:PORT, "
                    + "yarn, k8s://URL. Under spark-submit the submitted master is used.")
    public String master;

    @Option(names = "--driver-host", paramLabel = "HOST",
            description = "Address of this machine that the executors connect back to (spark.driver.host and "
                    + "spark.driver.bindAddress; default: the local address that routes to the master, 127.0.0.1 for "
                    + "a loopback or local master).")
    public String driverHost;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark property, repeatable (--conf spark.executor.memory=2g --conf spark.task.maxFailures=8); "
                    + "--master and --driver-host win over the same property here.")
    public List<String> conf;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Spark partitions (units of scheduling and of checkpointing); 0 = one per task, at most 20000.")
    public int partitions;

    @Option(names = "--landscape", paramLabel = "NAME", split = LIST_SPLIT, splitSynopsisLabel = ",", defaultValue = Defaults.LANDSCAPE,
            description = "Landscapes: iclr1d | ld-quartic | himmelblau2d | expr:FORMULA (default: ${DEFAULT-VALUE}).")
    public List<String> landscape;

    @Option(names = "--domain", paramLabel = "a,b", description = "Projection interval of 1-D landscapes (one for the whole grid).")
    public String domain;

    @Option(names = "--ball", paramLabel = "R", description = "Projection ball radius of 2-D landscapes.")
    public Double ball;

    @Option(names = "--noise", paramLabel = "FAMILY", split = ",", defaultValue = Defaults.NOISE,
            description = "Noise families: pareto | lomax | stable | student | gaussian | mixture (default: ${DEFAULT-VALUE}).")
    public List<String> noise;

    @Option(names = "--alpha", paramLabel = "A", split = ",", defaultValue = Defaults.ALPHA,
            description = "Tail indices alpha (default: ${DEFAULT-VALUE}).")
    public List<Double> alpha;

    @Option(names = "--scale", paramLabel = "C", split = ",", defaultValue = Defaults.SCALE,
            description = "Noise scales c (mixture: the heavy part) (default: ${DEFAULT-VALUE}).")
    public List<Double> scale;

    @Option(names = "--normal-scale", paramLabel = "C", description = "c_normal of the Gaussian part of mixture noise (default: 1.0).")
    public Double normalScale;

    @Option(names = "--clip", paramLabel = "B|none", split = ",", defaultValue = Defaults.CLIP,
            description = "Truncation thresholds b, or none (default: ${DEFAULT-VALUE}).")
    public List<String> clip;

    @Option(names = "--clip-mode", paramLabel = "MODE", defaultValue = "l2",
            description = "How phi_b truncates: l2 (the whole update's norm), coordinate, none, gradient-only (default: ${DEFAULT-VALUE}).")
    public String clipMode;

    @Option(names = "--project", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Project the iterate onto the landscape's domain (default: on).")
    public boolean project = true;

    @Option(names = "--eta", paramLabel = "E", split = ",", defaultValue = Defaults.ETA,
            description = "Learning rates eta: 0.001, 1e-3 or 1/1000 (default: ${DEFAULT-VALUE}).")
    public List<String> eta;

    @Option(names = "--seeds", paramLabel = "S", split = ",",
            description = "Seeds, one grid axis (default: --seed alone).")
    public List<Long> seeds;

    @Option(names = "--samples", paramLabel = "N", defaultValue = Defaults.SAMPLES,
            description = "exit-times: exit times per cell; rare-event: paths per cell, rounded up to blocks of 1000 (default: ${DEFAULT-VALUE}).")
    public long samples;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = Defaults.MAX_STEPS,
            description = "exit-times: cap on the steps of one run; capped runs are reported as censored (default: ${DEFAULT-VALUE}).")
    public long maxSteps;

    @Option(names = "--steps", paramLabel = "N", defaultValue = Defaults.STEPS,
            description = "simulate: steps per path (default: ${DEFAULT-VALUE}).")
    public long steps;

    @Option(names = "--paths", paramLabel = "N", defaultValue = Defaults.PATHS,
            description = "simulate: paths per cell, one task each on the scalar engine (32 per task on vector) (default: ${DEFAULT-VALUE}).")
    public int paths;

    // no defaultValue on the renamed options: it would overwrite what the old name set (see OldOptionNames)
    @Option(names = "--task-paths", paramLabel = "N",
            description = "rare-event: paths per task, in blocks of 1000 (default: 1e5).")
    public long batch = 100_000;

    @Option(names = "--size", paramLabel = "full|quick|tiny", defaultValue = "full",
            description = "reproduce: the size (--scale) of each target run (default: ${DEFAULT-VALUE}).")
    public String size;

    @Option(names = "--target", paramLabel = "NAME", split = ",",
            description = "reproduce: the reproduce targets to run, one task per target and seed.")
    public List<String> target;

    @Mixin
    public EngineOptions engine;

    @Mixin
    public StartOptions start;

    @Mixin
    public RareEventOptions event;

    @Mixin
    public ResumableRunOptions run;

    /** The seeds of the grid: {@code --seeds}, or {@code --seed} alone. */
    public List<Long> seedList() {
        return seeds == null || seeds.isEmpty() ? List.of(common.seed) : seeds;
    }

    @Override
    public Integer call() throws Exception {
        Iterator<Backend> backends = ServiceLoader.load(Backend.class).iterator();
        List<Backend> found = new ArrayList<>();
        backends.forEachRemaining(found::add);
        if (found.isEmpty()) {
            throw new IllegalStateException("htsgd sweep needs htsgd-app, htsgd-spark and Spark on the class path: "
                    + "run it as './htsgd sweep ...' (which builds them) or with spark-submit --class dev.htsgd.app.SweepApp");
        }
        return found.get(0).run(this);
    }
}
