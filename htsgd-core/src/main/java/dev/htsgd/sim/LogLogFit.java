package dev.htsgd.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Weighted least-squares fit of log(mean exit time) against log(1/eta) (paper notes section 3: the slope is
 * 1 + l* (alpha - 1)). Each point's weight is 1 / Var(log mean) with Var(log mean) ~ (stderr / mean)^2 (delta
 * method); the slope's standard error follows from the known variances, and the interval is slope +- z se with
 * z the normal quantile of the level. When some point has no usable standard error (zero: all its exit times
 * equal, which would be an infinite weight; NaN: a single exit) the fit is unweighted and the standard error
 * comes from the residuals, which needs at least three points; with two there is no interval. {@link #note()}
 * says which of these happened and why.
 *
 * @param slope fitted slope
 * @param intercept fitted intercept (log scale)
 * @param stderr standard error of the slope (NaN when it cannot be estimated; see {@code note})
 * @param ciLow lower end of the interval (NaN without one)
 * @param ciHigh upper end of the interval (NaN without one)
 * @param points number of points used
 * @param note why the fit is unweighted and, if so, why it has no interval; null for a weighted fit
 */
public record LogLogFit(double slope, double intercept, double stderr, double ciLow, double ciHigh, int points,
                        String note) {

    /** True when the fit has a finite confidence interval. */
    public boolean hasInterval() {
        return Double.isFinite(ciLow) && Double.isFinite(ciHigh);
    }

    /**
     * Fits the points with finite positive means; returns null with fewer than two, or when all of them share
     * one eta (no slope is defined).
     *
     * @param etas learning rates
     * @param means mean exit times
     * @param stderrs their standard errors (may be NaN or 0: such a point gives no weight)
     * @param level confidence level, e.g. 0.95
     */
    public static LogLogFit of(double[] etas, double[] means, double[] stderrs, double level) {
        int n = 0;
        double[] x = new double[etas.length];
        double[] y = new double[etas.length];
        double[] w = new double[etas.length];
        List<String> unweighted = new ArrayList<>();
        for (int i = 0; i < etas.length; i++) {
            if (means[i] > 0 && Double.isFinite(means[i]) && etas[i] > 0) {
                x[n] = Math.log(1 / etas[i]);
                y[n] = Math.log(means[i]);
                double rel = stderrs[i] / means[i];
                if (rel > 0 && Double.isFinite(rel)) {
                    w[n] = 1 / (rel * rel);
                } else {
                    unweighted.add(String.format(Locale.ROOT, "eta = %s has %s", etas[i], stderrs[i] == 0
                            ? "standard error 0 (its exit times are all equal)" : "no standard error (" + stderrs[i] + ")"));
                }
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        // one point without a usable variance makes the weights of the others meaningless relative to it
        // (a zero standard error would be an infinite weight): fall back to ordinary least squares
        boolean weighted = unweighted.isEmpty();
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
        String note = null;
        if (weighted) {
            se = Math.sqrt(1 / sxx);
        } else if (n > 2) {
            double rss = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] - icpt - slope * x[i];
                rss += r * r;
            }
            se = Math.sqrt(rss / (n - 2) / sxx);
            note = "unweighted fit, standard error from the residuals: " + String.join(", ", unweighted);
        } else {
            se = Double.NaN;
            note = "no interval: " + String.join(", ", unweighted)
                    + ", so the fit is unweighted, and two points leave no residuals to estimate its error from";
        }
        double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseCumulativeProbability(0.5 + level / 2);
        return new LogLogFit(slope, icpt, se, slope - z * se, slope + z * se, n, note);
    }
}
