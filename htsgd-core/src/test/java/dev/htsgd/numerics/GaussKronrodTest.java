package dev.htsgd.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussKronrodTest {

    @Test
    void smoothIntegrandToTheDefaultAccuracy() {
        assertThat(GaussKronrod.integrate(Math::exp, 0, 1)).isCloseTo(Math.E - 1, within(1e-13));
    }

    @Test
    void errorEstimateBoundsTheTrueErrorForAnEndpointSingularity() {
        // int_0^1 x^-1/2 dx = 2; the estimate must cover the actual error
        GaussKronrod.Result r = GaussKronrod.integrate((x, e) -> {
            e[0] = 0;
            return 1 / Math.sqrt(x);
        }, 0, 1, new double[0], 1e-10, 1e-10, 200);
        assertThat(Math.abs(r.value() - 2)).isLessThanOrEqualTo(r.error());
        assertThat(r.error()).isLessThan(1e-6);
    }

    @Test
    void breakpointsHandleAKink() {
        double v = GaussKronrod.integrate((x, e) -> {
            e[0] = 0;
            return Math.abs(x - 0.3);
        }, 0, 1, new double[] {0.3}, 1e-14, 1e-14, 50).value();
        assertThat(v).isCloseTo(0.5 * (0.09 + 0.49), within(1e-14));
    }
}
