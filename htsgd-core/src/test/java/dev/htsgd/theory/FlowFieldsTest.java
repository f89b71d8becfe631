package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.ExpressionObjective;
import dev.htsgd.landscape.Himmelblau2d;
import org.junit.jupiter.api.Test;

/** Fields, radii and the bad-input reports of {@link FlowFields} (issue 14). */
class FlowFieldsTest {

    /** himmelblau2d's fields are the quadrants: radii 2.6 and 1.2 exactly, within the stated tolerance. */
    @Test
    void himmelblauRadiiAndDistances() {
        FlowFields f = FlowFields.of(Himmelblau2d.of());
        assertThat(f.size()).isEqualTo(4);
        double tol = 2 * f.tolerance();
        assertThat(f.radii()).containsExactly(new double[] {2.6, 2.6, 1.2, 1.2}, within(tol));
        // from the narrow (1.2, 2.6) to the other narrow field {x > 0, y < 0}: 2.6; to the far wide one: |(1.2, 2.6)|
        assertThat(f.distance(3, 2)).isCloseTo(2.6, within(tol));
        assertThat(f.distance(3, 0)).isCloseTo(Math.hypot(1.2, 2.6), within(1e-3));
        for (int i = 0; i < 4; i++) {
            assertThat(f.drift(i).holds()).isTrue();
        }
        assertThat(f.warnings()).isEmpty();
    }

    /** A ring of minimisers is one set that is not a point, and it is reported. */
    @Test
    void nonPointMinimiserSetIsReported() {
        FlowFields f = reported("(x^2+y^2-1)^2", -2, 2, 1, "is not a point");
        assertThat(f.sets().get(0).isPoint()).isFalse();
        assertThatThrownBy(f::requireExits).hasMessageContaining("single minimiser set");
    }

    @Test
    void boundaryMinimiserIsReported() {
        FlowFields f = reported("x + (y^2-1)^2", -1, 1, 2, "lies on the domain's boundary");
        assertThat(f.sets().get(0).onBoundary()).isTrue();
    }

    /** The fields of f on [x0, x1] x [-2, 2]: n of them, with a warning containing {@code warning}. */
    private static FlowFields reported(String f, double x0, double x1, int n, String warning) {
        FlowFields fields = FlowFields.of(ExpressionObjective.parse(f, Domain.box(new double[] {x0, -2}, new double[] {x1, 2})));
        assertThat(fields.size()).isEqualTo(n);
        assertThat(String.join("\n", fields.warnings())).contains(warning);
        return fields;
    }

    @Test
    void flowThatDoesNotSettleIsAnError() {
        assertThatThrownBy(() -> FlowFields.of(ExpressionObjective.parse("x^2-y^2", Domain.unbounded())))
                .hasMessageContaining("settles at no minimum");
    }
}
