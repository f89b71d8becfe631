/**
 * Step 4a of the data flow, rare events: the probability that the recursion reaches a level within a horizon
 * (paper notes section 5, the LD tables), by plain Monte Carlo or by large-jump importance sampling
 * ({@link dev.htsgd.sim.rare.ImportanceSampling}), with confidence intervals ({@link dev.htsgd.sim.rare.RareEventEstimate}).
 */
package dev.htsgd.sim.rare;
