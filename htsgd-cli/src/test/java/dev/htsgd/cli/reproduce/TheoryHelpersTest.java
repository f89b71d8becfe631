package dev.htsgd.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TheoryHelpersTest {

    @Test
    void etasAcceptFractions() {
        assertThat(ReproduceOptions.parseEtaValue("1/200")).isEqualTo(0.005);
        assertThat(ReproduceOptions.parseEtaValue("1e-3")).isEqualTo(0.001);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReproduceOptions.parseEtaValue("0"))
                .hasMessageStartingWith("eta must be in (0, inf)");
        // the command line names the option as typed
        String[] r = dev.htsgd.cli.CliRun.run("reproduce", "exit-times", "--etas", "0.1,1/0", "--out", "unused-never-created");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).isEqualTo("htsgd reproduce: --etas must be in (0, inf), got 1/0");
        assertThat(java.nio.file.Path.of("unused-never-created")).doesNotExist();
    }
}
