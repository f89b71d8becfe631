package dev.htsgd.cli;

import picocli.CommandLine;

/** Entry point of the {@code htsgd} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 failure, 2 bad input). */
    public static int run(String... args) {
        CommandLine cl = newCommandLine();
        try {
            applyConfig(cl, args);
        } catch (IllegalArgumentException e) {
            cl.getErr().println("htsgd: " + e.getMessage());
            cl.getErr().flush();
            return Errors.BAD_INPUT;
        }
        return cl.execute(args);
    }

    /** Installs {@link YamlDefaults} when {@code --config FILE} (or {@code --config=FILE}) is given. */
    static void applyConfig(CommandLine cl, String... args) {
        for (int i = 0; i < args.length; i++) {
            String file = null;
            if (args[i].equals("--config") && i + 1 < args.length) {
                file = args[i + 1];
            } else if (args[i].startsWith("--config=")) {
                file = args[i].substring("--config=".length());
            }
            if (file != null) {
                cl.setDefaultValueProvider(YamlDefaults.read(java.nio.file.Path.of(file), null));
                return;
            }
        }
    }

    /** A configured command line: one-line errors with exit code 2 unless {@code --verbose}. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new HtsgdCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new Errors.ParameterHandler());
        cl.setExecutionExceptionHandler(new Errors.ExecutionHandler());
        cl.setExitCodeExceptionMapper(Errors::exitCode);
        cl.setExecutionStrategy(Errors::preflightThenRun);
        Numbers.register(cl);
        return cl;
    }
}
