package dev.htsgd.sim.rare;

import dev.htsgd.check.Require;

/**
 * The large-jump importance sampler of {@link RareEventExperiment}: a defensive mixture on the heavy part of
 * each step's noise. At every step, with probability theta = {@code expectedJumps} / n (n the horizon),
 * |W| is drawn from a proposal law g above a "large" update, |eta c W| &gt; {@code threshold}, whose tail
 * index is {@code tailRatio} times alpha (heavier than W's own), with the sign pointing towards the event with
 * probability {@code toward}; otherwise W is drawn from its own law f. The per-step likelihood ratio is
 * f/q = 1 / ((1 - theta) + theta (q_sign / p_sign) g/f) above the threshold and 1 / (1 - theta) below, so
 * every path weight is at most (1 - theta)^-n (about e^{expectedJumps}): the estimator is unbiased for any
 * choice of the parameters, its weights are bounded, and the normal confidence interval is valid. Weights
 * fall smoothly with the jump size, so paths that use one moderately large jump instead of a huge one are
 * not singled out.
 *
 * <p>The theory picks the scale of the parameters: the event needs l* = ceil(distance / b) clipped jumps
 * (one without clipping), and the defaults propose a few more than l* jumps per path.
 *
 * @param threshold update size counted as a large jump, in (0, inf)
 * @param expectedJumps mean number of proposed large jumps per path, in (0, horizon)
 * @param toward probability that a proposed large jump points towards the event, in (0, 1)
 * @param tailRatio tail index of the proposal over alpha, in (0, 1] (1: W conditioned on the threshold)
 */
public record ImportanceSampling(double threshold, double expectedJumps, double toward, double tailRatio) {

    public ImportanceSampling {
        Require.positive("threshold", threshold);
        Require.positive("expectedJumps", expectedJumps);
        Require.open("toward", toward, 0, 1);
        Require.openClosed("tailRatio", tailRatio, 0, 1);
    }

    public static ImportanceSampling of(double threshold, double expectedJumps, double toward, double tailRatio) {
        return new ImportanceSampling(threshold, expectedJumps, toward, tailRatio);
    }

    /**
     * Defaults from the jump count l* = ceil(distance / b) (1 when b is infinite): l* + 2 proposed jumps per
     * path, threshold min(b, distance) / 30, 0.8 of them towards the event, proposal tail index alpha / 5.
     * The low threshold and the heavy proposal tail matter: after one clipped jump lands near the level, the
     * rest of the way is often covered by moderate jumps, and paths doing so must not get a weight that
     * dwarfs the others (checked on LD Table 2.1 over several seeds; see the rare-event report).
     */
    public static ImportanceSampling defaults(double distance, double b) {
        return new ImportanceSampling(Math.min(b, distance) / 30, jumpsNeeded(distance, b) + 2, 0.8, 0.2);
    }

    /** l* = ceil(distance / b) large jumps to cover {@code distance} with updates clipped at b (1 when b is infinite). */
    public static int jumpsNeeded(double distance, double b) {
        Require.positive("distance", distance);
        return Double.isInfinite(b) ? 1 : (int) Math.min(Integer.MAX_VALUE, Math.ceil(distance / b));
    }
}
