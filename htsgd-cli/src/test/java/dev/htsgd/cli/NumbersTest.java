package dev.htsgd.cli;

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
}
