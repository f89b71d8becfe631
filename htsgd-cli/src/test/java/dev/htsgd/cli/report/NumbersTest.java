package dev.htsgd.cli.report;

import dev.htsgd.cli.option.OptionChecks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void acceptsScientificNotationForWholeNumbers() {
        assertThat(Numbers.parseLong("1e7")).isEqualTo(10_000_000L);
        assertThat(Numbers.parseLong("5E7")).isEqualTo(50_000_000L);
        assertThat(Numbers.parseLong("1200")).isEqualTo(1200L);
    }

    @Test
    void rejectsFractions() {
        assertThatThrownBy(() -> Numbers.parseLong("1.5")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Numbers.parseLong("abc")).hasMessageContaining("whole number");
    }

    @Test
    void rangeChecksNameTheOptionAndRefuseNaN() {
        assertThat(OptionChecks.positive("--epsilon", 0.1)).isEqualTo(0.1);
        for (double bad : new double[] {Double.NaN, 0, -1, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> OptionChecks.positive("--epsilon", bad))
                    .hasMessage("--epsilon must be in (0, inf), got " + bad);
        }
        assertThat(OptionChecks.atLeast("--thin", 0, 0)).isZero();
        assertThatThrownBy(() -> OptionChecks.atLeast("--thin", -1, 0)).hasMessage("--thin must be >= 0, got -1");
        assertThat(OptionChecks.inRange("--grid", 101, 101, 1000)).isEqualTo(101);
        assertThatThrownBy(() -> OptionChecks.inRange("--grid", 5, 101, 1000)).hasMessage("--grid must be in [101, 1000], got 5");
        assertThatThrownBy(() -> OptionChecks.inRange("--grid", 1001, 101, 1000)).hasMessageContaining("got 1001");
    }
}
