package dev.htsgd.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequireTest {

    @Test
    void valuesInRangeAreReturned() {
        assertThat(Require.positive("eta", 0.1)).isEqualTo(0.1);
        assertThat(Require.positiveOrInfinite("b", Double.POSITIVE_INFINITY)).isInfinite();
        assertThat(Require.nonNegative("normalScale", 0)).isZero();
        assertThat(Require.closed("pPlus", 1, 0, 1)).isEqualTo(1);
        assertThat(Require.open("toward", 0.5, 0, 1)).isEqualTo(0.5);
        assertThat(Require.openClosed("tailRatio", 1, 0, 1)).isEqualTo(1);
        assertThat(Require.atLeast("threads", 1, 1)).isEqualTo(1);
        assertThat(Require.positive("samples", 3L)).isEqualTo(3);
        assertThat(Require.closed("basin", 2, 0, 2)).isEqualTo(2);
        assertThat(Require.oneOf("noise", "lomax", List.of("pareto", "lomax"))).isEqualTo("lomax");
        assertThat(Require.finite("samples", new double[] {1, 2})).containsExactly(1, 2);
    }

    @Test
    void outOfRangeNamesTheParameterTheRangeAndTheValue() {
        assertThatThrownBy(() -> Require.positive("eta", 0.0)).isInstanceOf(InvalidParameterException.class)
                .hasMessage("eta must be in (0, inf), got 0.0")
                .satisfies(e -> assertThat(((InvalidParameterException) e).parameter()).isEqualTo("eta"));
        assertThatThrownBy(() -> Require.positive("eta", Double.NaN)).hasMessage("eta must be in (0, inf), got NaN");
        assertThatThrownBy(() -> Require.positive("eta", Double.POSITIVE_INFINITY)).hasMessage("eta must be in (0, inf), got Infinity");
        assertThatThrownBy(() -> Require.positiveOrInfinite("b", -1)).hasMessage("b must be in (0, inf], got -1.0");
        assertThatThrownBy(() -> Require.nonNegative("normalScale", -1)).hasMessage("normalScale must be in [0, inf), got -1.0");
        assertThatThrownBy(() -> Require.finite("level", Double.NaN)).hasMessage("level must be finite, got NaN");
        assertThatThrownBy(() -> Require.closed("pPlus", 1.5, 0, 1)).hasMessage("pPlus must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> Require.open("alpha", 1, 1, Double.POSITIVE_INFINITY)).hasMessage("alpha must be in (1, inf), got 1.0");
        assertThatThrownBy(() -> Require.openClosed("tailRatio", 0, 0, 1)).hasMessage("tailRatio must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> Require.open("toward", 0.5, 0, 0.25)).hasMessage("toward must be in (0, 0.25), got 0.5");
        assertThatThrownBy(() -> Require.atLeast("threads", 0, 1)).hasMessage("threads must be >= 1, got 0");
        assertThatThrownBy(() -> Require.positive("steps", 0L)).hasMessage("steps must be > 0, got 0");
        assertThatThrownBy(() -> Require.closed("basin", 9, 0, 3)).hasMessage("basin must be in [0, 3], got 9");
        assertThatThrownBy(() -> Require.oneOf("noise", "x", List.of("pareto", "lomax")))
                .hasMessage("noise must be one of pareto | lomax, got 'x'");
        assertThatThrownBy(() -> Require.finite("samples", new double[0])).hasMessage("samples must not be empty");
        assertThatThrownBy(() -> Require.finite("samples", new double[] {1, Double.NaN}))
                .hasMessage("samples entry 2 is not finite: NaN");
        assertThat(Require.fail("domain", ": an interval is for 1-D landscapes").getMessage())
                .isEqualTo("domain: an interval is for 1-D landscapes");
    }
}
