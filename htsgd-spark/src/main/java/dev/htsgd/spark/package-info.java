/**
 * Scale-out: a sweep of an experiment's grid as independent Spark tasks, each task computing its cell exactly as
 * the local command does, stored so that a resumed sweep computes only the missing tasks. The entry point is
 * {@link dev.htsgd.spark.SparkSweep#run(dev.htsgd.spark.SweepRequest)}; this module depends on htsgd-core only,
 * and htsgd-app joins it to the command line ({@code htsgd sweep}, {@code dev.htsgd.app.SweepApp} for spark-submit).
 */
package dev.htsgd.spark;
