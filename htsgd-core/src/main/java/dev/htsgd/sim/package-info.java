/**
 * Step 4a of the data flow: simulation of the recursion, set beside the theory of {@link dev.htsgd.theory}.
 *
 * <p>{@link dev.htsgd.sim.Streams} derives every random stream from (seed, study, setting, replication) by
 * mixing, so results are bit-identical for a seed whatever the thread count; {@link dev.htsgd.sim.ExitTimeExperiment}
 * measures first exit times tau from a basin over a grid of eta (paper notes section 3) and
 * {@link dev.htsgd.sim.LogLogFit} fits the slope of log E tau against log eta; {@link dev.htsgd.sim.OccupationExperiment}
 * measures where paths spend their time and their transitions between basins (section 4); {@link dev.htsgd.theory.BasinMap}
 * and {@link dev.htsgd.sim.Region} classify states into basins.
 */
package dev.htsgd.sim;
