package dev.htsgd.landscape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.check.InvalidParameterException;
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

    @Test
    void parsesAnIntervalOrABallRadiusOrNothing() {
        assertThat(Domain.parse(" -2, 3.5 ", null)).isEqualTo(Domain.interval(-2, 3.5));
        assertThat(Domain.parse(null, 4.2)).isInstanceOfSatisfying(Domain.Ball.class, b -> {
            assertThat(b.radius()).isEqualTo(4.2);
            assertThat(b.center()).containsExactly(0, 0);
        });
        assertThat(Domain.parse(null, null)).isNull();
    }

    @Test
    void parseRefusesMalformedInputNamingTheParameter() {
        for (String[] bad : new String[][] {{"1", "domain must be a,b with a < b, got '1'"},
            {"a,b", "domain must be a,b with a < b (numbers), got 'a,b'"},
            {"2,1", "domain must be a,b with finite a < b, got '2,1'"},
            {"-Infinity,2", "domain must be a,b with finite a < b, got '-Infinity,2'"}}) {
            assertThatThrownBy(() -> Domain.parse(bad[0], null)).isInstanceOfSatisfying(InvalidParameterException.class,
                    e -> assertThat(e.parameter()).isEqualTo("domain")).hasMessage(bad[1]);
        }
        assertThatThrownBy(() -> Domain.parse(null, Double.NaN)).hasMessage("ball must be in (0, inf), got NaN");
        assertThatThrownBy(() -> Domain.parse("0,1", 2.0)).hasMessageStartingWith("domain and `ball` exclude each other");
        assertThatThrownBy(() -> Domain.parseInterval("window", "3,3")).hasMessageStartingWith("window must be a,b");
    }
}
