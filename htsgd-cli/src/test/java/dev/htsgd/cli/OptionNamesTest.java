package dev.htsgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.check.Require;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class OptionNamesTest {

    private static CommandSpec spec(String command) {
        return Main.newCommandLine().getSubcommands().get(command).getCommandSpec();
    }

    @Test
    void libraryParameterNamesBecomeTheOptionsOfTheCommand() {
        assertThat(OptionNames.translate("gridPoints must be in [101, 1e8], got 0", spec("analyze")))
                .isEqualTo("--grid must be in [101, 1e8], got 0");
        assertThat(OptionNames.translate("model vgg11 does not fit dataset x", spec("train")))
                .isEqualTo("--model vgg11 does not fit dataset x");
        assertThat(OptionNames.translate("weightDecay must be in [0, inf), got -1.0", spec("train")))
                .isEqualTo("--weight-decay must be in [0, inf), got -1.0");
        assertThat(OptionNames.translate("eta must be in (0, inf), got 0", spec("rare-event")))
                .isEqualTo("--etas must be in (0, inf), got 0");
    }

    @Test
    void otherMessagesAndOptionsTheCommandLacksAreLeftAlone() {
        assertThat(OptionNames.translate("gridPoints must be >= 1", spec("train"))).isEqualTo("gridPoints must be >= 1");
        assertThat(OptionNames.translate("landscape f has no minimum", spec("analyze"))).isEqualTo("landscape f has no minimum");
        assertThat(OptionNames.translate("--eta must be in (0, inf)", spec("simulate"))).isEqualTo("--eta must be in (0, inf)");
        assertThat(OptionNames.translate(null, spec("simulate"))).isNull();
        assertThat(CommandLine.class).isNotNull();
    }

    @Test
    void anInvalidParameterExceptionIsTranslatedByItsParameter() {
        InvalidParameterException landscape = Require.fail("landscape", "must be one of iclr1d, got 'x'");
        assertThat(OptionNames.message(landscape, spec("simulate"))).isEqualTo("--landscape must be one of iclr1d, got 'x'");
        // the same first word in an ordinary message is a sentence, not a parameter
        assertThat(OptionNames.message(new IllegalArgumentException("landscape f has no minimum"), spec("analyze")))
                .isEqualTo("landscape f has no minimum");
        // the naming rule, and a colon after the name
        assertThat(OptionNames.message(Require.fail("normalScale", "must be in (0, inf), got 0.0"), spec("simulate")))
                .isEqualTo("--normal-scale must be in (0, inf), got 0.0");
        assertThat(OptionNames.message(Require.fail("domain", ": an interval is for 1-D landscapes"), spec("simulate")))
                .isEqualTo("--domain: an interval is for 1-D landscapes");
        // no such option: the library's words stay
        assertThat(OptionNames.message(Require.fail("maxVisits", "must be >= 1, got 0"), spec("simulate")))
                .isEqualTo("maxVisits must be >= 1, got 0");
        assertThat(OptionNames.kebab("expectedJumps")).isEqualTo("--expected-jumps");
    }

    @Test
    void theOptionGivenOnTheCommandLineWinsAmongThoseCarryingAParameter() {
        CommandLine cl = Main.newCommandLine();
        cl.parseArgs("simulate", "--landscape", "iclr1d", "--ball", "2");
        CommandSpec simulate = cl.getSubcommands().get("simulate").getCommandSpec();
        assertThat(OptionNames.message(Require.fail("domain", ": a ball or a box is for 2-D landscapes"), simulate))
                .isEqualTo("--ball: a ball or a box is for 2-D landscapes");
    }
}
