package dev.htsgd.cli;

import dev.htsgd.cli.option.OldOptionNames;
import dev.htsgd.cli.report.Numbers;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/** Entry point of the {@code htsgd} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 bad input). */
    public static int run(String... args) {
        return run(newCommandLine(), args);
    }

    /**
     * Runs {@code args} on {@code cl}, a {@link #newCommandLine()} (tests give it other output streams),
     * with {@code --config} applied and lists of single-valued options run once per value ({@link ValueLists}).
     */
    public static int run(CommandLine cl, String... given) {
        String[] args = given.clone();
        try {
            Integer expanded = ValueLists.runExpanded(cl, args);
            if (expanded != null) {
                return expanded;
            }
        } catch (IllegalArgumentException e) {
            cl.getErr().println("htsgd: " + e.getMessage());
            cl.getErr().flush();
            return Errors.BAD_INPUT;
        }
        try {
            applyConfig(cl, args);
        } catch (IllegalArgumentException e) {
            cl.getErr().println("htsgd: " + e.getMessage());
            cl.getErr().flush();
            return Errors.BAD_INPUT;
        }
        return cl.execute(args);
    }

    /**
     * Installs {@link YamlDefaults} when {@code --config FILE} (or {@code --config=FILE}) is given: its values
     * become the defaults of the options, its keys are checked against the options of the command the line
     * chooses, and a value of the file that an option refuses is reported with the file's line.
     *
     * @return the file's defaults, or null without {@code --config}
     */
    static YamlDefaults applyConfig(CommandLine cl, String... args) {
        for (int i = 0; i < args.length; i++) {
            String file = null;
            if (args[i].equals("--config") && i + 1 < args.length) {
                file = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                file = args[i].substring("--config=".length());
            }
            if (file != null) {
                YamlDefaults config = YamlDefaults.read(Path.of(file), null);
                cl.setDefaultValueProvider(config);
                IExecutionStrategy run = cl.getExecutionStrategy();
                cl.setExecutionStrategy(parsed -> {
                    List<CommandLine> chain = parsed.asCommandLineList();
                    CommandLine command = chain.get(chain.size() - 1);
                    // without a command the root says so; with --help the help is what was asked for
                    if (chain.size() > 1 && !command.isUsageHelpRequested() && !command.isVersionHelpRequested()) {
                        try {
                            config.checkKeys(command.getCommandSpec());
                        } catch (IllegalArgumentException e) {
                            throw new ParameterException(command, e.getMessage());
                        }
                    }
                    return run.execute(parsed);
                });
                IParameterExceptionHandler handler = cl.getParameterExceptionHandler();
                cl.setParameterExceptionHandler((ex, a) -> handler.handleParseException(config.explain(ex, a), a));
                return config;
            }
        }
        return null;
    }

    /**
     * A configured command line: one-line errors with exit code 2 unless {@code --verbose}, the project's number
     * converters, and the old names of renamed options.
     */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new HtsgdCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new Errors.ParameterHandler());
        cl.setExecutionExceptionHandler(new Errors.ExecutionHandler());
        cl.setExitCodeExceptionMapper(Errors::exitCode);
        cl.setExecutionStrategy(Errors::preflightThenRun);
        Numbers.register(cl);
        OldOptionNames.install(cl);
        return cl;
    }
}
