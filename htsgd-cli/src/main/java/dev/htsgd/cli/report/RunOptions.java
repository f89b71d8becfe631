package dev.htsgd.cli.report;

import picocli.CommandLine.Option;

/**
 * Options of commands that write a run directory: {@code --force} to replace an existing one and
 * {@code --resume} to continue a killed run from its checkpoint. Mix in with {@code @Mixin RunOptions run;}
 * next to {@code CommonOptions}.
 */
public final class RunOptions {

    @Option(names = "--force", description = "Replace the output directory if it exists (otherwise an existing one is an error).")
    public boolean force;

    @Option(names = "--resume", description = "Continue a killed run from the checkpoint in its unfinished directory (same options and seed); "
            + "without --out, the newest unfinished run of this command under ./htsgd-runs.")
    public boolean resume;
}
