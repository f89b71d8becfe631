package dev.htsgd.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LandscapesTest {

    @Test
    void namesResolve() {
        assertThat(Landscapes.of("iclr1d", null)).isInstanceOf(Iclr1d.class);
        assertThat(Landscapes.of("ld-quartic", null)).isInstanceOf(LdQuartic.class);
        assertThat(Landscapes.of("himmelblau2d", null)).isInstanceOf(Himmelblau2d.class);
        assertThat(Landscapes.of("expr:x^2", null)).isInstanceOf(Objective1D.class);
        assertThat(Landscapes.of("expr:x^2+y^2", null).dimension()).isEqualTo(2);
        assertThat(Landscapes.of("iclr1d", Domain.interval(-1, 1)).domain()).isEqualTo(Domain.interval(-1, 1));
        assertThat(Landscapes.of("himmelblau2d", null).domain()).isInstanceOf(Domain.Ball.class);
    }

    @Test
    void unknownNamesAndBadFormulasNameTheParameter() {
        assertThatThrownBy(() -> Landscapes.of("nope", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("landscape ").hasMessageContaining("nope");
        assertThatThrownBy(() -> Landscapes.of("expr:x^", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("landscape ");
        assertThatThrownBy(() -> Landscapes.of("expr:w*x", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("landscape ").hasMessageContaining("w");
        assertThat(Landscapes.of("expr:z*x", null).dimension()).isEqualTo(3); // x, y, z: the highest decides
        assertThatThrownBy(() -> Landscapes.of("expr:foo(x)", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("landscape ");
        assertThatThrownBy(() -> Landscapes.of("expr:", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("landscape ");
        assertThatThrownBy(() -> Landscapes.of("iclr1d", Domain.ball(new double[] {0, 0}, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("domain: a ball or a box is for 2-D");
    }

    @Test
    void himmelblau2dHasTheDocumentedGeometry() {
        Himmelblau2d h = Himmelblau2d.of();
        double[] g = new double[2];
        double[][] mins = Himmelblau2d.minimizers();
        for (double[] m : mins) {
            h.gradient(m, g);
            assertThat(g).containsExactly(new double[] {0, 0}, within(1e-12));
            assertThat(h.domain().contains(m)).isTrue();
        }
        assertThat(h.value(mins[0])).isCloseTo(-9.374, within(1e-3));
        assertThat(h.value(mins[2])).isCloseTo(-6.173, within(1e-3));
        double[] r = Himmelblau2d.radii();
        // b = 2.15: wide basins need 2 jumps, narrow ones 1
        assertThat(Math.ceil(r[0] / Himmelblau2d.B)).isEqualTo(2);
        assertThat(Math.ceil(r[2] / Himmelblau2d.B)).isEqualTo(1);
        // gradient vs finite differences
        for (double[] p : new double[][] {{0.3, -1.7}, {-3.1, 2.2}, {2.5, 0.4}}) {
            h.gradient(p, g);
            for (int k = 0; k < 2; k++) {
                FiniteDifferences.Estimate e = FiniteDifferences.partial(h, p, k, FiniteDifferences.defaultStep(p[k]));
                assertThat(g[k]).isCloseTo(e.value(), within(1e-8));
            }
        }
    }
}
