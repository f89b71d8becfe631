package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import org.junit.jupiter.api.Test;

class BasinRadiusTest {

    /** f = (x^2 - 1)^2 + y^2: minima (+-1, 0), the field of (1, 0) is x &gt; 0, so r = 1. */
    static Objective doubleWell() {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] x) {
                return (x[0] * x[0] - 1) * (x[0] * x[0] - 1) + x[1] * x[1];
            }

            @Override
            public void gradient(double[] x, double[] grad) {
                grad[0] = 4 * x[0] * (x[0] * x[0] - 1);
                grad[1] = 2 * x[1];
            }

            @Override
            public Domain domain() {
                return Domain.unbounded();
            }

            @Override
            public String name() {
                return "double-well";
            }
        };
    }

    @Test
    void radiusOfTheDoubleWellIsTheDistanceToTheSaddleLine() {
        int n = 64;
        BasinRadius r = BasinRadius.of(doubleWell(), new double[] {0.7, 0.3}, 0.4, n, 3.0, 1L);
        assertThat(r.minimiser()[0]).isCloseTo(1.0, within(1e-6));
        assertThat(r.minimiser()[1]).isCloseTo(0.0, within(1e-6));
        // exact r = 1; sampling directions overestimates a flat boundary by at most 1/cos(pi/n)
        assertThat(r.radius()).isBetween(1.0 - 1e-4, 1 / Math.cos(Math.PI / n) + 1e-4);
        assertThat(r.direction()[0]).isCloseTo(-1.0, within(0.01));
        assertThat(r.jumps()).isEqualTo(3);
        assertThat(BasinRadius.of(doubleWell(), new double[] {0.7, 0.3}, 0.6, n, 3.0, 1L).jumps()).isEqualTo(2);
        assertThat(BasinRadius.of(doubleWell(), new double[] {0.7, 0.3}, Double.POSITIVE_INFINITY, n, 3.0, 1L).jumps()).isEqualTo(1);
        assertThat(r.limits()).isNotEmpty();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> BasinRadius.of(doubleWell(), new double[] {1, 0}, 0, 64, 3, 1)).hasMessage("b must be in (0, inf], got 0.0");
        assertThatThrownBy(() -> BasinRadius.of(doubleWell(), new double[] {1, 0}, 0.5, 2, 3, 1)).hasMessageContaining("directions");
    }
}
