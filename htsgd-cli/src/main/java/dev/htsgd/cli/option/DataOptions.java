package dev.htsgd.cli.option;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The network and its training set (paper notes section 6: LeNet on 1,000 clean + 200 randomly labelled
 * FashionMNIST images): {@code --model}, {@code --dataset}, {@code --data}, {@code --subset}, {@code --corrupt}.
 * The same {@code --seed}, {@code --subset} and {@code --corrupt} rebuild the same training set in every command
 * that has them (train, sharpness, noise-index). Mix in with {@code @Mixin DataOptions set;}.
 */
public final class DataOptions {

    @Option(names = "--model", paramLabel = "lenet|vgg11|mlp", defaultValue = "lenet", description = "lenet | vgg11 | mlp (default: ${DEFAULT-VALUE}).")
    public String model;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist", description = "fashion-mnist | mnist | cifar10 | svhn (default: ${DEFAULT-VALUE}).")
    public String dataset;

    @Option(names = "--data", paramLabel = "DIR", description = "Dataset directory (else $HTSGD_DATA, else /usr/share/datasets/NAME).")
    public Path data;

    @Option(names = "--subset", paramLabel = "N", defaultValue = "1000",
            description = "Clean training images (the first N); 0 with --corrupt 0 = the whole set (default: ${DEFAULT-VALUE}).")
    public int subset;

    @Option(names = "--corrupt", paramLabel = "N", defaultValue = "200",
            description = "Images after the first N given uniform random labels from the seed (default: ${DEFAULT-VALUE}).")
    public int corrupt;
}
