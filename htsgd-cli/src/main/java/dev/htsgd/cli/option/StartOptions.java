package dev.htsgd.cli.option;

import dev.htsgd.study.OccupationStudy;
import picocli.CommandLine.Option;

/**
 * Where a run starts (paper notes section 3: X_0, and the attraction field I_i it is in): {@code --x0} and
 * {@code --basin}, the same two options with the same meaning in simulate, exit-times and sweep. The point is
 * resolved by {@link dev.htsgd.theory.BasinMap#start}, the one resolution of {@code min} for commands, studies
 * and Spark tasks. Mix in with {@code @Mixin StartOptions start;}.
 */
public final class StartOptions {

    @Option(names = "--x0", paramLabel = "X|x,y|min", defaultValue = Defaults.X0,
            description = "Starting point X_0: a number (1-D), x,y (2-D), or min for the minimum of --basin (default: ${DEFAULT-VALUE}).")
    public String x0;

    @Option(names = "--basin", paramLabel = "I", defaultValue = Defaults.BASIN,
            description = "An attraction field, 0-based and aligned with the minima: where --x0 min starts, and in exit-times the field to leave (default: ${DEFAULT-VALUE}, I_2 of iclr1d).")
    public int basin;

    /** {@code --x0} as a point; null for {@code min}. */
    public double[] point() {
        return OccupationStudy.Settings.parseX0(x0);
    }
}
