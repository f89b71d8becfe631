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
        return newCommandLine().execute(args);
    }

    /** A configured command line: one-line errors with exit code 2 unless {@code --verbose}. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new HtsgdCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new Errors.ParameterHandler());
        cl.setExecutionExceptionHandler(new Errors.ExecutionHandler());
        cl.setExitCodeExceptionMapper(Errors::exitCode);
        return cl;
    }
}
