package dev.htsgd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogLogFitTest {

    @Test
    void exactPowerLawGivesItsExponent() {
        double[] etas = {0.1, 0.01, 0.001, 0.0001};
        double[] means = new double[4];
        double[] se = new double[4];
        for (int i = 0; i < 4; i++) {
            means[i] = 3.0 * Math.pow(etas[i], -1.4);
            se[i] = 0.1 * means[i];
        }
        LogLogFit f = LogLogFit.of(etas, means, se, 0.95);
        assertThat(f.slope()).isCloseTo(1.4, within(1e-12));
        assertThat(f.intercept()).isCloseTo(Math.log(3), within(1e-12));
        // known variances: Var(log mean) = 0.01 each; Var(slope) = 0.01 / sum (x - mean x)^2
        double[] x = {Math.log(10), Math.log(100), Math.log(1000), Math.log(10000)};
        double mx = (x[0] + x[1] + x[2] + x[3]) / 4;
        double sxx = 0;
        for (double v : x) {
            sxx += (v - mx) * (v - mx);
        }
        assertThat(f.stderr()).isCloseTo(Math.sqrt(0.01 / sxx), within(1e-12));
        assertThat(f.ciHigh() - f.slope()).isCloseTo(1.959964 * f.stderr(), within(1e-6));
    }

    @Test
    void pointsWithoutAMeanAreSkipped() {
        LogLogFit f = LogLogFit.of(new double[] {0.1, 0.01, 0.001}, new double[] {10, 100, Double.NaN},
                new double[] {1, 10, Double.NaN}, 0.95);
        assertThat(f.points()).isEqualTo(2);
        assertThat(f.slope()).isCloseTo(1.0, within(1e-12));
        assertThat(LogLogFit.of(new double[] {0.1}, new double[] {5}, new double[] {1}, 0.95)).isNull();
    }

    /**
     * Regression (issue 12): a point with standard error 0 (all its exit times equal) cannot carry a weight (it
     * would be infinite). The fit is then unweighted; with two points it has no interval and says why, with three
     * the standard error comes from the residuals.
     */
    @Test
    void aZeroStandardErrorGivesAnUnweightedFitThatSaysWhy() {
        LogLogFit two = LogLogFit.of(new double[] {0.1, 0.05}, new double[] {3, 4}, new double[] {0, 1}, 0.95);
        assertThat(two.points()).isEqualTo(2);
        assertThat(two.slope()).isCloseTo(Math.log(4.0 / 3) / Math.log(2), within(1e-12));
        assertThat(two.hasInterval()).isFalse();
        assertThat(two.note()).contains("eta = 0.1 has standard error 0").contains("no interval");
        // three points on the line log m = 1.4 log(1/eta) + 2 except a residual +-d: se from the residuals
        double[] etas = {0.1, 0.01, 0.001};
        double d = 0.05;
        double[] means = new double[3];
        for (int i = 0; i < 3; i++) {
            means[i] = Math.exp(2 + 1.4 * Math.log(1 / etas[i]) + (i == 1 ? d : 0));
        }
        LogLogFit three = LogLogFit.of(etas, means, new double[] {0, 0.1 * means[1], 0.1 * means[2]}, 0.95);
        assertThat(three.hasInterval()).isTrue();
        assertThat(three.note()).contains("unweighted").contains("eta = 0.1 has standard error 0");
        // residuals of a middle-point bump d on equally spaced x (spacing h = ln 10): d/3 * (-1, 2, -1);
        // rss = (2/3) d^2, sxx = 2 h^2, se = sqrt(rss / (n - 2) / sxx) = d / (sqrt(3) h)
        assertThat(three.stderr()).isCloseTo(d / (Math.sqrt(3) * Math.log(10)), within(1e-12));
        // a weighted fit has nothing to explain
        assertThat(LogLogFit.of(etas, means, new double[] {1, 1, 1}, 0.95).note()).isNull();
    }

    /** Regression (issue 12, moved from the reproduce target's own fit): one distinct eta gives no slope, not 0/0. */
    @Test
    void repeatedEtasGiveNoSlope() {
        assertThat(LogLogFit.of(new double[] {0.1, 0.1}, new double[] {3, 5}, new double[] {1, 1}, 0.95)).isNull();
        assertThat(LogLogFit.of(new double[] {0.1, 0.1}, new double[] {3, 5}, new double[] {Double.NaN, 0}, 0.95)).isNull();
    }
}
