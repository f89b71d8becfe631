package dev.htsgd.sim.rare;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An estimate of a rare-event probability p with its normal 95% confidence interval
 * [estimate - 1.96 stderr, estimate + 1.96 stderr] (clamped at 0).
 *
 * @param eta learning rate
 * @param b clipping threshold (infinite when unclipped)
 * @param estimate the estimate of p
 * @param stderr its standard error (sample standard deviation of the weights over sqrt(samples))
 * @param ciLow lower end of the 95% interval
 * @param ciHigh upper end of the 95% interval
 * @param samples number of simulated paths
 * @param hits paths on which the event happened
 * @param steps total steps simulated
 * @param method "mc" (plain Monte Carlo) or "is" (large-jump importance sampling)
 * @param largestShare the largest single path weight over the sum of all weights: a diagnostic of the
 *     interval's honesty (above about 0.1 one path dominates and more samples are needed)
 */
public record RareEventEstimate(double eta, double b, double estimate, double stderr, double ciLow, double ciHigh,
        long samples, long hits, long steps, String method, double largestShare) {

    /** z of a two-sided 95% normal interval. */
    public static final double Z95 = 1.959963984540054;

    /** stderr / estimate (infinite when the estimate is 0). */
    public double relativeError() {
        return estimate > 0 ? stderr / estimate : Double.POSITIVE_INFINITY;
    }

    /**
     * The estimate as one JSON point of the CLI contract, keys in this order: eta, b ({@code "none"} when
     * unclipped), estimate, ci_low, ci_high, stderr, relative_error (null when infinite), method, samples, hits,
     * steps, largest_weight_share.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eta", eta);
        m.put("b", Double.isInfinite(b) ? "none" : (Object) b);
        m.put("estimate", estimate);
        m.put("ci_low", ciLow);
        m.put("ci_high", ciHigh);
        m.put("stderr", stderr);
        m.put("relative_error", Double.isFinite(relativeError()) ? relativeError() : null);
        m.put("method", method);
        m.put("samples", samples);
        m.put("hits", hits);
        m.put("steps", steps);
        m.put("largest_weight_share", largestShare);
        return m;
    }

    /** From the sums of the weights and of their squares. */
    public static RareEventEstimate of(double eta, double b, double sum, double sumSq, double max, long samples, long hits,
            long steps, String method) {
        double mean = sum / samples;
        double var = samples > 1 ? Math.max(0, (sumSq - samples * mean * mean) / (samples - 1)) : 0;
        double se = Math.sqrt(var / samples);
        return new RareEventEstimate(eta, b, mean, se, Math.max(0, mean - Z95 * se), mean + Z95 * se, samples, hits,
                steps, method, sum > 0 ? max / sum : 0);
    }
}
