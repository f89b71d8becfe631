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
}
