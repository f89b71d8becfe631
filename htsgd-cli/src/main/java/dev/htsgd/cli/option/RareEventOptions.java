package dev.htsgd.cli.option;

import picocli.CommandLine.Option;

/**
 * The rare event and its estimator (paper notes section 5, LD Table 2.1: P(the recursion reaches the level within
 * the horizon)): {@code --level}, {@code --horizon} and {@code --estimator}, the same three options in rare-event
 * and sweep. Mix in with {@code @Mixin RareEventOptions event;}.
 */
public final class RareEventOptions {

    @Option(names = "--level", paramLabel = "L", defaultValue = "0",
            description = "The level to reach, from above when --x0 > L (default: ${DEFAULT-VALUE}).")
    public double level;

    @Option(names = "--horizon", paramLabel = "N", defaultValue = "0",
            description = "Steps within which the level must be reached; 0 = floor(1/eta) (default: ${DEFAULT-VALUE}).")
    public long horizon;

    // no defaultValue: it would overwrite what the old name set (see OldOptionNames)
    @Option(names = "--estimator", paramLabel = "is|mc",
            description = "is: large-jump importance sampling; mc: plain Monte Carlo (default: is).")
    public String method = "is";
}
