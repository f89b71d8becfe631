package dev.htsgd.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TheoryHelpersTest {

    @Test
    void etasAcceptFractions() {
        assertThat(ReproduceOptions.parseEtaValue("1/200")).isEqualTo(0.005);
        assertThat(ReproduceOptions.parseEtaValue("1e-3")).isEqualTo(0.001);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReproduceOptions.parseEtaValue("0"))
                .hasMessageContaining("--etas");
    }
}
