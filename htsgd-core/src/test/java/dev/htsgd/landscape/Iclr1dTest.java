package dev.htsgd.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Iclr1dTest {

    private final Iclr1d f = Iclr1d.of();

    @Test
    void analyticDerivativeMatchesRichardsonFiniteDifferences() {
        // Richardson central differences have error O(h^4); compare within 1e-6 relative plus their own error estimate
        for (double x = -1.6; x <= 1.6; x += 0.0137) {
            FiniteDifferences.Estimate e = FiniteDifferences.derivative(f::value, x, 1e-4);
            double d = f.derivative(x);
            assertThat(d).as("f'(%s)", x).isCloseTo(e.value(), within(1e-6 * (1 + Math.abs(d)) + 10 * e.error()));
        }
    }

    @Test
    void valueIsZeroAtTheMaximaAndTheBounds() {
        for (double s : new double[] {-1.6, -1.3, 0.2, 0.7, 1.6}) {
            assertThat(f.value(s)).isCloseTo(0.0, within(1e-12));
        }
        assertThat(f.value(0.0)).isLessThan(0);
    }

    @Test
    void criticalPointsFromTheFormula() {
        // located by the shared finder of the theory package
        dev.htsgd.theory.Basins c = dev.htsgd.theory.Basins.of(f);
        assertThat(c.size()).isEqualTo(4);
        assertThat(c.maxima()).containsExactly(new double[] {-1.3, 0.2, 0.7}, within(1e-9));
        // minima independently located with numpy (np.gradient on a 1e-5 grid): -1.5115, -0.6993, 0.4962, 1.3221
        assertThat(c.minima()).containsExactly(new double[] {-1.5115, -0.6993, 0.4962, 1.3221}, within(2e-4));
        for (double m : c.minima()) {
            assertThat(f.derivative(m)).isCloseTo(0.0, within(1e-9));
        }
    }
}
