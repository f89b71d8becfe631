package dev.htsgd.cli.command;

import dev.htsgd.cli.option.ClipOptions;
import dev.htsgd.cli.option.NoiseOptions;
import picocli.CommandLine.Mixin;

/**
 * The options every command on the recursion X &lt;- Proj(X + phi_b(-eta grad f(X) + eta Z)) shares (analyze,
 * simulate, exit-times): the common ones, the landscape f, the noise Z, the truncation phi_b and the run
 * directory. Picocli takes the mixins of a superclass, so each command declares only its own options.
 */
abstract class DynamicsCommand extends LandscapeCommand {

    @Mixin
    NoiseOptions noise;

    @Mixin
    ClipOptions clip;
}
