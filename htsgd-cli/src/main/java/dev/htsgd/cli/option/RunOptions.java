package dev.htsgd.cli.option;

import picocli.CommandLine.Option;

/**
 * Options of commands that write a run directory: {@code --force} to replace an existing one. Mix in with
 * {@code @Mixin RunOptions run;} next to {@code CommonOptions}. Commands whose runs checkpoint mix in
 * {@link ResumableRunOptions} instead, which adds {@code --resume}: a command that cannot continue a killed
 * run must not list an option it would only refuse.
 */
public class RunOptions {

    @Option(names = "--force", description = "Replace the output directory if it exists (otherwise an existing one is an error).")
    public boolean force;

    /**
     * Continue a killed run from its checkpoint. Set on the command line only through
     * {@link ResumableRunOptions}; a plain field here so that {@link RunDirectory} reads one type.
     */
    public boolean resume;

    /** The library's view of these options. */
    public dev.htsgd.run.RunMode mode() {
        return new dev.htsgd.run.RunMode(force, resume);
    }
}
