package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {


    @Test
    void helpListsUsageAndExitsZero() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("Usage: htsgd").contains("help");
    }

    @Test
    void versionPrintsProjectVersion() {
        String[] r = run("--version");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).startsWith("htsgd ").doesNotContain("${");
    }

    @Test
    void unknownOptionIsOneLineWithExitCodeTwo() {
        String[] r = run("--no-such-option");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("--no-such-option");
    }
}
