package dev.htsgd.spark;

import dev.htsgd.run.RunMode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What one sweep asks {@link SparkSweep#run} for, in this module's own types: the sweep itself (experiment, grid
 * and settings) and how to run it. A front end (the {@code htsgd sweep} command of htsgd-app, spark-submit, a
 * notebook) builds it from its options; nothing of the command line reaches this module.
 *
 * @param spec the sweep: experiment, grid and shared settings
 * @param out the run directory, or null for a new one under {@code ./htsgd-runs}
 * @param mode what to do with an existing run directory (replace it, or continue its unfinished sibling)
 * @param master the Spark master URL, or null: {@code spark.master} when set (spark-submit), else
 *     {@code local[threads]}, all cores when {@code threads} is 0
 * @param threads local threads when no master is named; 0 = all cores
 * @param partitions Spark partitions (units of scheduling and of checkpointing); 0 = one per task
 * @param quiet no progress bar
 * @param appJar the jar with the htsgd classes that executors of a cluster load ({@code spark.jars} unless that is
 *     set), or null
 * @param spark the driver address, Spark properties and log level
 */
public record SweepRequest(SweepSpec spec, Path out, RunMode mode, String master, int threads, int partitions,
                           boolean quiet, Path appJar, SparkOptions spark) {

    public SweepRequest {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(mode, "mode");
        spark = spark == null ? SparkOptions.DEFAULT : spark;
    }

    /** A request with the default {@link SparkOptions}. */
    public SweepRequest(SweepSpec spec, Path out, RunMode mode, String master, int threads, int partitions,
                        boolean quiet, Path appJar) {
        this(spec, out, mode, master, threads, partitions, quiet, appJar, SparkOptions.DEFAULT);
    }

    /** A fresh sweep of {@code spec} into {@code out} on the default master, quiet, one partition per task. */
    public static SweepRequest of(SweepSpec spec, Path out) {
        return new SweepRequest(spec, out, RunMode.FRESH, null, 0, 0, true, null, SparkOptions.DEFAULT);
    }
}
