package dev.htsgd.cli.command;

import dev.htsgd.cli.option.ClipOptions;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.LandscapeOptions;
import dev.htsgd.cli.option.NoiseOptions;
import dev.htsgd.cli.option.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The options every command on the recursion X &lt;- Proj(X + phi_b(-eta grad f(X) + eta Z)) shares (analyze,
 * simulate, exit-times): the common ones, the landscape f, the noise Z, the truncation phi_b and the run
 * directory. Picocli takes the mixins of a superclass, so each command declares only its own options.
 */
abstract class DynamicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    LandscapeOptions landscape;

    @Mixin
    NoiseOptions noise;

    @Mixin
    ClipOptions clip;

    @Mixin
    RunOptions run;
}
