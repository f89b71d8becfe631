package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FiniteHorizonOccupationTest {

    /**
     * Two-state chain, rates a (0 -> 1) and c (1 -> 0), started in 0: the mean occupation of 0 over [0, T] is
     * c/(a+c) + a (1 - exp(-(a+c) T)) / ((a+c)^2 T).
     */
    @Test
    void twoStatesMatchTheClosedForm() {
        double a = 2;
        double c = 0.5;
        for (double t : new double[] {1e-3, 3, 1e6}) {
            double[] occ = FiniteHorizonOccupation.meanOccupation(new double[] {1, 0}, new double[][] {{-a, a}, {c, -c}}, t);
            double s = a + c;
            double exact = c / s + a * (1 - Math.exp(-s * t)) / (s * s * t);
            assertThat(occ[0]).as("T = " + t).isCloseTo(exact, within(1e-10));
            assertThat(occ[0] + occ[1]).isCloseTo(1, within(1e-10));
        }
    }

    /** Three states with killing: against a direct RK4 integration of p' = p Q and of its running integral. */
    @Test
    void threeStatesMatchADirectIntegration() {
        double[][] q = {{-3, 1, 1.5}, {0.2, -0.7, 0.5}, {2, 0.1, -2.1}};
        double[] p0 = {0.2, 0.5, 0.3};
        double t = 4;
        int n = 40_000;
        double h = t / n;
        // state (p, integral of p): y' = (p Q, p)
        double[] y = new double[6];
        System.arraycopy(p0, 0, y, 0, 3);
        for (int k = 0; k < n; k++) {
            double[] k1 = rhs(q, y);
            double[] k2 = rhs(q, axpy(y, k1, h / 2));
            double[] k3 = rhs(q, axpy(y, k2, h / 2));
            double[] k4 = rhs(q, axpy(y, k3, h));
            for (int i = 0; i < 6; i++) {
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        double[] occ = FiniteHorizonOccupation.meanOccupation(p0, q, t);
        for (int j = 0; j < 3; j++) {
            assertThat(occ[j]).isCloseTo(y[3 + j] / t, within(1e-11));
        }
    }

    private static double[] rhs(double[][] q, double[] y) {
        double[] d = new double[6];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 3; i++) {
                d[j] += y[i] * q[i][j];
            }
            d[3 + j] = y[j];
        }
        return d;
    }

    private static double[] axpy(double[] y, double[] k, double h) {
        double[] z = y.clone();
        for (int i = 0; i < z.length; i++) {
            z[i] += h * k[i];
        }
        return z;
    }

    @Test
    void refusesABadHorizon() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> FiniteHorizonOccupation.meanOccupation(new double[] {1}, new double[][] {{0}}, 0))
                .isInstanceOf(dev.htsgd.check.InvalidParameterException.class).hasMessageContaining("t must be");
    }
}
