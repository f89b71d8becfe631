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
    void printsNumbersToTheirMeaningfulDigits() {
        assertThat(Numbers.exact(0.19999999999999996)).isEqualTo("0.2");
        assertThat(Numbers.exact(-1.3)).isEqualTo("-1.3");
        assertThat(Numbers.exact(3.0)).isEqualTo("3");
        assertThat(Numbers.exact(1e-4)).isEqualTo("1e-4");
        assertThat(Numbers.exact(5e7)).isEqualTo("5e7");
        assertThat(Numbers.sig(1497.25, 6)).isEqualTo("1497.25");
        assertThat(Numbers.sig(1.23456789)).isEqualTo("1.235");
        assertThat(Numbers.sig(6.61e-7)).isEqualTo("6.61e-7");
        assertThat(Numbers.sig(-3.631e-33)).isEqualTo("-3.631e-33");
        assertThat(Numbers.sig(0.101125, 3)).isEqualTo("0.101");
        assertThat(Numbers.sig(Double.NaN)).isEqualTo("n/a");
        assertThat(Numbers.sig(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Numbers.relative(-3.631e-33, 1.0, 4)).isEqualTo("0");
        assertThat(Numbers.relative(-3.631e-3, 1.0, 4)).isEqualTo("-0.003631");
        assertThat(Numbers.vector(new double[] {0.25, 1.0 / 3}, 3)).isEqualTo("[0.25, 0.333]");
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
