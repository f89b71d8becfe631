package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.LandscapeOptions;
import dev.htsgd.cli.option.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The options of every command on a landscape f (control, and through {@link DynamicsCommand} analyze, simulate,
 * exit-times): the common ones, the landscape and the run directory. Picocli takes the mixins of a superclass,
 * so each command declares only its own options.
 */
abstract class LandscapeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    LandscapeOptions landscape;

    @Mixin
    RunOptions run;
}
