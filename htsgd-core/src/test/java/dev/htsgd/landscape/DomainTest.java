package dev.htsgd.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DomainTest {

    @Test
    void intervalClampsToItsBounds() {
        Domain d = Domain.interval(-1.6, 1.6);
        assertThat(d.project(2.0)).isEqualTo(1.6);
        assertThat(d.project(-3.0)).isEqualTo(-1.6);
        assertThat(d.project(0.25)).isEqualTo(0.25);
    }

    @Test
    void ballProjectsRadially() {
        Domain d = Domain.ball(new double[] {0, 0}, 4.2);
        double[] x = {3, 4};
        d.project(x);
        assertThat(Math.hypot(x[0], x[1])).isCloseTo(4.2, within(1e-12));
        assertThat(x[1] / x[0]).isCloseTo(4.0 / 3.0, within(1e-12));
    }

    @Test
    void rejectsEmptyInterval() {
        assertThatThrownBy(() -> Domain.interval(1, 1)).hasMessageContaining("lo < hi");
    }
}
