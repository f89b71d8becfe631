package dev.htsgd.cli.reproduce;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/** Least-squares line fits for log-log slopes, with a t confidence interval on the slope. */
final class Fits {

    private Fits() {
    }

    /** Slope of y on x over points {x, y}; NaN with fewer than two points or fewer than two distinct x. */
    static double slope(List<double[]> pts) {
        return fit(pts)[0];
    }

    /**
     * {slope, intercept, half-width of the 95% interval of the slope (NaN with fewer than three points)}; all NaN
     * when no slope is defined (see {@link #slope}); {@link #note} says why a value is missing.
     */
    static double[] fit(List<double[]> pts) {
        int n = pts.size();
        if (n < 2) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double mx = 0;
        double my = 0;
        for (double[] p : pts) {
            mx += p[0];
            my += p[1];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : pts) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        if (!(sxx > 0)) {
            // every point at one x (repeated etas): no slope is defined, and 0/0 must not pass for one
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        double slope = sxy / sxx;
        double icpt = my - slope * mx;
        double half = Double.NaN;
        if (n > 2) {
            double sse = 0;
            for (double[] p : pts) {
                double r = p[1] - icpt - slope * p[0];
                sse += r * r;
            }
            double se = Math.sqrt(sse / (n - 2) / sxx);
            half = TDistribution.of(n - 2).inverseCumulativeProbability(0.975) * se;
        }
        return new double[] {slope, icpt, half};
    }

    /** Why {@link #fit} of these points has no slope or no interval; null when it has both. */
    static String note(List<double[]> pts) {
        long distinct = pts.stream().mapToDouble(p -> p[0]).distinct().count();
        if (distinct < 2) {
            return pts.size() + " point(s) at " + distinct + " distinct eta(s): no slope";
        }
        if (pts.size() < 3) {
            return "two points: the slope has no residuals to estimate an interval from";
        }
        return null;
    }
}
