package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import dev.htsgd.cli.command.SweepCommand;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The sweep command's options and help live in htsgd-cli; its runner (htsgd-spark) is not on this class path. */
class SweepCommandTest {


    @Test
    void helpWorksWithoutSpark() {
        String[] r = run("sweep", "--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("Usage: htsgd sweep").contains("--master").contains("--experiment")
                .contains("--seeds").contains("--resume").contains("spark-submit");
        assertThat(run("--help")[1]).contains("sweep");
    }

    @Test
    void withoutTheSparkRunnerItSaysHowToGetIt() {
        String[] r = run("sweep", "--eta", "0.1,0.01");
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("htsgd-spark").contains("./htsgd sweep");
    }

    @Test
    void gridOptionsTakeListsAndFormulasKeepTheirCommas() {
        CommandLine cl = Main.newCommandLine();
        CommandLine.ParseResult pr = cl.parseArgs("sweep", "--landscape", "iclr1d,expr:min(x^2, 1-x)",
                "--clip", "0.5,none", "--eta", "1e-2,1/1000", "--seeds", "1,2,3", "--samples", "1e3");
        SweepCommand s = (SweepCommand) pr.subcommand().commandSpec().userObject();
        assertThat(s.landscape).containsExactly("iclr1d", "expr:min(x^2, 1-x)");
        assertThat(s.clip).containsExactly("0.5", "none");
        assertThat(s.eta).containsExactly("1e-2", "1/1000");
        assertThat(s.seedList()).containsExactly(1L, 2L, 3L);
        assertThat(s.samples).isEqualTo(1000);
    }
}
