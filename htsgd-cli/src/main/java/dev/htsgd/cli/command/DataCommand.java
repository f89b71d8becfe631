package dev.htsgd.cli.command;

import dev.htsgd.cli.dl.DlRun;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.option.DataOptions;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    DataOptions set;

    /** Checks a {@code --weights} file exists, before anything is read. */
    static void requireWeightsFile(Path weights) {
        if (weights != null && !Files.isRegularFile(weights)) {
            throw new IllegalArgumentException("--weights: no such file " + weights);
        }
    }

    /** The training set as {@code htsgd train} built it: loaded, checked against the recipe and subset. */
    ImageSet trainingSet() {
        DlRun.Data d = DlRun.load(Dataset.of(set.dataset), set.data);
        DlRun.checkSubset(d.train(), set.subset, set.corrupt);
        return DlRun.subset(d.train(), set.subset, set.corrupt, common.seed);
    }
}
