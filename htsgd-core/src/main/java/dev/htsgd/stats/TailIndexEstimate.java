package dev.htsgd.stats;

/**
 * One estimate of the tail index alpha (paper notes, section 7) with its uncertainty.
 *
 * @param method "block", "hill", "hill-adaptive" ({@link AdaptiveHill}) or "stable" ({@link StableQuantileFit})
 * @param alpha the estimate alpha_hat
 * @param standardError its asymptotic standard error
 * @param low lower end of the 95% interval
 * @param high upper end of the 95% interval
 * @param n number of samples used
 * @param parameter the tuning value used: the median block size m (block), k (hill, hill-adaptive), 0 (stable)
 */
public record TailIndexEstimate(String method, double alpha, double standardError, double low, double high,
        int n, int parameter) {

    /** z quantile of the two-sided 95% normal interval. */
    public static final double Z95 = 1.959963984540054;
}
