package dev.htsgd.cli;

import dev.htsgd.run.RunTarget;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.cli.option.RunOptions;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The CLI error contract: bad input is one line on stderr naming the option and the allowed range, exit
 * code 2, and no stack trace unless {@code --verbose} is on the command line.
 */
public final class Errors {

    /** Exit code for bad input (options, files, formulas). */
    public static final int BAD_INPUT = 2;
    /** Exit code for a run that failed for another reason (I/O, divergence). */
    public static final int FAILURE = 1;

    private Errors() {
    }

    static int exitCode(Throwable t) {
        return isBadInput(t) ? BAD_INPUT : FAILURE;
    }

    static boolean isBadInput(Throwable t) {
        return t instanceof IllegalArgumentException || t instanceof ParameterException;
    }

    static boolean verbose(String[] args) {
        return args != null && Arrays.asList(args).contains("--verbose");
    }

    /**
     * Checks, before a command runs, what can be checked without running it: today its {@code --out}
     * ({@link RunDirectory#checkTarget}), so that an existing, unwritable or forbidden output directory is
     * refused before any work and before results are printed.
     */
    static int preflightThenRun(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        CommonOptions common = null;
        RunOptions run = null;
        for (CommandSpec mixin : last.commandSpec().mixins().values()) {
            Object o = mixin.userObject();
            if (o instanceof CommonOptions c) {
                common = c;
            } else if (o instanceof RunOptions r) {
                run = r;
            }
        }
        boolean help = last.isUsageHelpRequested() || last.isVersionHelpRequested()
                || parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
        if (!help && common != null && common.out != null) {
            try {
                RunTarget.checkTarget(common.out, run.mode());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(last.commandSpec().commandLine(), OptionNames.message(e, last.commandSpec()), e);
            }
        }
        // only the runs this command opens may be discarded if it fails on bad input
        RunDirectory.keepUnfinished();
        return new CommandLine.RunLast().execute(parsed);
    }

    /** One line for a parse error, with a pointer to --help. */
    static final class ParameterHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("htsgd: " + ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            if (verbose(args)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return BAD_INPUT;
        }
    }

    /** One line for an exception thrown while a command runs. */
    static final class ExecutionHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
            PrintWriter err = cl.getErr();
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName()
                    : OptionNames.message(ex, cl.getCommandSpec());
            err.println(cl.getCommandSpec().qualifiedName() + ": " + (isBadInput(ex) ? "" : "error: ") + msg);
            if (isBadInput(ex)) {
                // resuming cannot fix bad input: leave no NAME.partial that invites a --resume
                RunDirectory.discardUnfinished(msg);
            } else {
                RunDirectory.keepUnfinished();
            }
            if (verbose(parsed.originalArgs().toArray(new String[0]))) {
                ex.printStackTrace(err);
            }
            err.flush();
            return exitCode(ex);
        }
    }
}
