package dev.htsgd.cli;

import dev.htsgd.cli.command.AnalyzeCommand;
import dev.htsgd.cli.command.ControlCommand;
import dev.htsgd.cli.command.DemoCommand;
import dev.htsgd.cli.command.ExitTimesCommand;
import dev.htsgd.cli.command.NoiseIndexCommand;
import dev.htsgd.cli.command.RareEventCommand;
import dev.htsgd.cli.command.ReproduceCommand;
import dev.htsgd.cli.command.SharpnessCommand;
import dev.htsgd.cli.command.SimulateCommand;
import dev.htsgd.cli.command.SweepCommand;
import dev.htsgd.cli.command.TailIndexCommand;
import dev.htsgd.cli.command.TrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code htsgd} command. Subcommands are listed here, one line each (keep the order of the
 * data flow: noise, landscape and theory, simulation, training, reports).
 */
@Command(name = "htsgd",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Heavy-tailed SGD with truncation: characterise landscapes, simulate the clipped recursion, "
                + "train networks with truncated heavy-tailed noise, and set simulation beside theory.",
            "",
            "Run 'htsgd COMMAND --help' for the options of a command."},
        subcommands = {
            picocli.CommandLine.HelpCommand.class,
            TailIndexCommand.class,
            AnalyzeCommand.class,
            ControlCommand.class,
            SimulateCommand.class,
            ExitTimesCommand.class,
            SweepCommand.class,
            TrainCommand.class,
            SharpnessCommand.class,
            NoiseIndexCommand.class,
            ReproduceCommand.class,
            DemoCommand.class,
            RareEventCommand.class,
        })
public final class HtsgdCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: run 'htsgd --help' to list them");
    }
}
