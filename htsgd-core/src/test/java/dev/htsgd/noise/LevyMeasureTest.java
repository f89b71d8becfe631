package dev.htsgd.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LevyMeasureTest {

    @Test
    void massOfIntervalsMatchesTheClosedForm() {
        LevyMeasure nu = LevyMeasure.of(1.5, 0.3);
        // nu[1, 2) = p+ (1 - 2^-1.5)
        assertThat(nu.mass(1, 2)).isCloseTo(0.3 * (1 - Math.pow(2, -1.5)), within(1e-15));
        assertThat(nu.mass(-2, -1)).isCloseTo(0.7 * (1 - Math.pow(2, -1.5)), within(1e-15));
        assertThat(nu.mass(0.5, Double.POSITIVE_INFINITY)).isCloseTo(0.3 * Math.pow(0.5, -1.5), within(1e-15));
        assertThat(nu.mass(-1, 1)).isInfinite();
    }

    @Test
    void densityIntegratesToTheTail() {
        LevyMeasure nu = LevyMeasure.of(1.2, 0.5);
        // midpoint rule on [1, 3] against nu[1,3)
        int n = 200_000;
        double h = 2.0 / n;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += nu.density(1 + (i + 0.5) * h) * h;
        }
        assertThat(s).isCloseTo(nu.mass(1, 3), within(1e-8));
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> LevyMeasure.of(0, 0.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> LevyMeasure.of(1.2, 1.5)).hasMessageContaining("pPlus");
    }
}
