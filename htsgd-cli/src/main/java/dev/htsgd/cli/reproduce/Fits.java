package dev.htsgd.cli.reproduce;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/** Least-squares line fits for log-log slopes, with a t confidence interval on the slope. */
final class Fits {

    private Fits() {
    }

    /** Slope of y on x over points {x, y}; NaN with fewer than two points. */
    static double slope(List<double[]> pts) {
        return fit(pts)[0];
    }

    /** {slope, intercept, half-width of the 95% interval of the slope (NaN with fewer than three points)}. */
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
}
