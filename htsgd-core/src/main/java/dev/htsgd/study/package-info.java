/**
 * Step 4c of the data flow (noise -> landscape -> dynamics -> sim / theory -> <b>study</b> -> run -> cli / report):
 * one {@link dev.htsgd.run.Study} per experiment, each setting the simulation of {@link dev.htsgd.sim} beside the
 * prediction of {@link dev.htsgd.theory}. A study is an immutable settings record validated in {@code of(...)} with
 * library words, a pure {@code run} split into independent tasks whose streams come from
 * {@link dev.htsgd.sim.Streams#key} (seed, study, setting) and the replication index, and a typed result that
 * already holds its fit, its theory prediction and their ratios. The CLI command, the reproduce target and the
 * Spark task are thin adapters over the same study.
 */
package dev.htsgd.study;
