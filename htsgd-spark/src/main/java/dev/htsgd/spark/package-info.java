/**
 * Scale-out: a sweep of an experiment's grid as independent Spark tasks ({@code htsgd sweep}, {@code SweepApp} for
 * spark-submit), each task computing its cell exactly as the local command does, stored so that {@code --resume}
 * computes only the missing tasks.
 */
package dev.htsgd.spark;
