package dev.htsgd.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
}
