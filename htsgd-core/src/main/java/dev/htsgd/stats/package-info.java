/**
 * Statistics on samples: estimators of the tail index alpha of a heavy-tailed sample (the block estimator of
 * the tail-index papers, Hill) with their standard errors, and the readers of sample files (text, CSV column,
 * numpy .npy) they take. Used by {@code htsgd tail-index} and to check the noise models of {@link dev.htsgd.noise}.
 */
package dev.htsgd.stats;
