package dev.htsgd.cli.option;

import dev.htsgd.run.RunDirectory;
import picocli.CommandLine.Option;

/**
 * {@link RunOptions} plus {@code --resume}, for the commands whose runs checkpoint into their unfinished
 * directory (train, reproduce, demo, rare-event, sweep). Mix in with {@code @Mixin ResumableRunOptions run;}.
 */
public final class ResumableRunOptions extends RunOptions {

    // A setter, not a second field: RunDirectory and the Spark backend read the inherited field.
    @Option(names = "--resume", description = "Continue a killed run from the checkpoint in its unfinished directory (same options and seed); "
            + "without --out, the newest unfinished run of this command under ./htsgd-runs.")
    void resume(boolean on) {
        resume = on;
    }
}
