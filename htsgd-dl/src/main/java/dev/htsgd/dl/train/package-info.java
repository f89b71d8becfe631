/**
 * Heavy-tailed training with truncation (paper notes section 6, Table 1): the methods LB, SB, SB+Clip,
 * SB+Noise, Our 1 and Our 2 ({@link dev.htsgd.dl.train.Method}), the heavy-tailed step of the paper
 * ({@link dev.htsgd.dl.train.HeavyTailedStep}: the SB gradient plus Pareto-weighted large-batch noise, truncated
 * at b) and the training loop with metrics and checkpoints ({@link dev.htsgd.dl.train.HeavyTailedTraining}).
 */
package dev.htsgd.dl.train;
