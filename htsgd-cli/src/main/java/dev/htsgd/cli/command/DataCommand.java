package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.RunOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options of the commands that measure a network on its training set (sharpness, noise-index): the model, the
 * data set and the subset recipe of {@code htsgd train} (same {@code --seed}, {@code --subset}, {@code --corrupt}
 * rebuild the same training set).
 */
abstract class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    RunOptions run;

    @Option(names = "--model", defaultValue = "lenet", description = "lenet | vgg11 | mlp (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--dataset", defaultValue = "fashion-mnist", description = "fashion-mnist | mnist | cifar10 | svhn (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR", description = "Dataset directory (else $HTSGD_DATA, else /usr/share/datasets/NAME).")
    Path data;

    @Option(names = "--subset", defaultValue = "1000", description = "Clean training images, as in training (default: ${DEFAULT-VALUE}).")
    int subset;

    @Option(names = "--corrupt", defaultValue = "200", description = "Randomly labelled images, as in training (default: ${DEFAULT-VALUE}).")
    int corrupt;
}
