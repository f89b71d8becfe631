/**
 * The assembled application: the command line (htsgd-cli) joined to the Spark runner (htsgd-spark), which depend
 * only on htsgd-core (and htsgd-dl) and not on each other. {@link dev.htsgd.app.SparkSweepBackend} turns a parsed
 * {@code htsgd sweep} into a {@link dev.htsgd.spark.SweepRequest}; {@link dev.htsgd.app.ReproduceKind} runs
 * {@code htsgd reproduce} targets as sweep tasks; {@link dev.htsgd.app.SweepApp} is the entry point for
 * spark-submit.
 */
package dev.htsgd.app;
