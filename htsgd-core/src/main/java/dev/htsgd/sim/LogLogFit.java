package dev.htsgd.sim;

/**
 * Weighted least-squares fit of log(mean exit time) against log(1/eta) (paper notes section 3: the slope is
 * 1 + l* (alpha - 1)). Each point's weight is 1 / Var(log mean) with Var(log mean) ~ (stderr / mean)^2 (delta
 * method); the slope's standard error follows from the known variances, and the interval is slope +- z se with
 * z the normal quantile of the level. With all stderr zero or unknown the fit is unweighted and the standard
 * error comes from the residuals.
 *
 * @param slope fitted slope
 * @param intercept fitted intercept (log scale)
 * @param stderr standard error of the slope (NaN with fewer than 3 points and no usable weights)
 * @param ciLow lower end of the interval
 * @param ciHigh upper end of the interval
 * @param points number of points used
 */
public record LogLogFit(double slope, double intercept, double stderr, double ciLow, double ciHigh, int points) {

    /**
     * Fits the points with finite positive means; returns null with fewer than two.
     *
     * @param etas learning rates
     * @param means mean exit times
     * @param stderrs their standard errors (may be NaN)
     * @param level confidence level, e.g. 0.95
     */
    public static LogLogFit of(double[] etas, double[] means, double[] stderrs, double level) {
        int n = 0;
        double[] x = new double[etas.length];
        double[] y = new double[etas.length];
        double[] w = new double[etas.length];
        boolean weighted = true;
        for (int i = 0; i < etas.length; i++) {
            if (means[i] > 0 && Double.isFinite(means[i]) && etas[i] > 0) {
                x[n] = Math.log(1 / etas[i]);
                y[n] = Math.log(means[i]);
                double rel = stderrs[i] / means[i];
                if (rel > 0 && Double.isFinite(rel)) {
                    w[n] = 1 / (rel * rel);
                } else {
                    weighted = false;
                }
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        if (!weighted) {
            for (int i = 0; i < n; i++) {
                w[i] = 1;
            }
        }
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += w[i] * (x[i] - mx) * (x[i] - mx);
            sxy += w[i] * (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            return null;
        }
        double slope = sxy / sxx;
        double icpt = my - slope * mx;
        double se;
        if (weighted) {
            se = Math.sqrt(1 / sxx);
        } else if (n > 2) {
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - icpt - slope * x[i];
                rss += r * r;
            }
            se = Math.sqrt(rss / (n - 2) / sxx);
        } else {
            se = Double.NaN;
        }
        double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseCumulativeProbability(0.5 + level / 2);
        return new LogLogFit(slope, icpt, se, slope - z * se, slope + z * se, n);
    }
}
