package dev.htsgd.dl.data;

import dev.htsgd.check.Names;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The image datasets of the paper's Table 2 (and MNIST), with their on-disk formats and where htsgd looks
 * for them: a directory given by the caller ({@code --data DIR}) and nowhere else, or else {@code $HTSGD_DATA},
 * then {@code /usr/share/datasets/NAME} (the Debian package {@code dataset-fashion-mnist} installs
 * FashionMNIST there). In each root both {@code ROOT} and {@code ROOT/NAME} are tried.
 */
public enum Dataset {
    /** FashionMNIST, IDX files (gzip or raw), 60,000 + 10,000 images 1x28x28. */
    FASHION_MNIST("apt-get install dataset-fashion-mnist (Debian/Ubuntu), or DatasetDownload.ensure"),
    /** MNIST, IDX files (gzip or raw). */
    MNIST("DatasetDownload.ensure"),
    /** CIFAR-10 binary version: data_batch_1..5.bin and test_batch.bin (optionally in cifar-10-batches-bin/). */
    CIFAR10("DatasetDownload.ensure"),
    /** SVHN cropped digits: train_32x32.mat and test_32x32.mat (MATLAB v5). */
    SVHN("DatasetDownload.ensure");

    /** Environment variable naming a data root. */
    public static final String ENV = "HTSGD_DATA";
    /** System-wide data root (Debian's dataset packages). */
    public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");

    private final String howToGet;

    Dataset(String howToGet) {
        this.howToGet = howToGet;
    }

    /** @return the name used on the command line and in directories (fashion-mnist, mnist, cifar10, svhn) */
    public String cliName() {
        return Names.of(this);
    }

    /** Parses a command-line name (fashion-mnist, mnist, cifar10, svhn). */
    public static Dataset of(String name) {
        return Names.parse("dataset", values(), name);
    }

    /** Whether {@code dir} holds this dataset's files. */
    public boolean presentIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        return switch (this) {
            case FASHION_MNIST, MNIST -> IdxDataset.present(dir);
            case CIFAR10 -> Cifar10Binary.present(dir);
            case SVHN -> SvhnMat.present(dir);
        };
    }

    /**
     * Candidate directories in lookup order: only under {@code dataOption} when it is given (a directory named
     * explicitly that does not hold the set is an error, not a reason to train on another copy found elsewhere),
     * else under {@code $HTSGD_DATA} and then the system root.
     */
    public List<Path> candidates(Path dataOption, Map<String, String> env) {
        List<Path> roots = new ArrayList<>();
        if (dataOption != null) {
            roots.add(dataOption);
        } else {
            String e = env.get(ENV);
            if (e != null && !e.isBlank()) {
                roots.add(Path.of(e));
            }
            roots.add(SYSTEM_ROOT);
        }
        List<Path> out = new ArrayList<>();
        for (Path r : roots) {
            out.add(r.resolve(cliName()));
            if (this == CIFAR10) {
                out.add(r.resolve(cliName()).resolve("cifar-10-batches-bin"));
                out.add(r.resolve("cifar-10-batches-bin"));
            }
            if (!r.equals(SYSTEM_ROOT)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Finds the directory holding this dataset ({@link #candidates}: only under {@code dataOption} when given).
     *
     * @throws DatasetNotFoundException naming every place looked at and how to get the data
     */
    public Path locate(Path dataOption, Map<String, String> env) {
        List<Path> c = candidates(dataOption, env);
        for (Path p : c) {
            if (presentIn(p)) {
                return p;
            }
        }
        if (dataOption != null) {
            throw new DatasetNotFoundException(cliName() + " not found in the data directory " + dataOption + ": looked in "
                    + c + " for " + Arrays.toString(files()));
        }
        throw new DatasetNotFoundException(cliName() + " not found; looked in " + c + " for " + Arrays.toString(files())
                + ". Get it with: " + howToGet + ", or give a directory holding those files (the data directory, or $" + ENV + ")");
    }

    /** The file names looked for. */
    public String[] files() {
        return switch (this) {
            case FASHION_MNIST, MNIST -> new String[] {IdxDataset.TRAIN_IMAGES + "[.gz]", IdxDataset.TRAIN_LABELS + "[.gz]",
                IdxDataset.TEST_IMAGES + "[.gz]", IdxDataset.TEST_LABELS + "[.gz]"};
            case CIFAR10 -> Cifar10Binary.FILES.toArray(String[]::new);
            case SVHN -> new String[] {SvhnMat.TRAIN, SvhnMat.TEST};
        };
    }

    /** Loads the training ({@code train = true}) or test split from {@code dir}. */
    public ImageSet load(Path dir, boolean train) {
        return switch (this) {
            case FASHION_MNIST, MNIST -> IdxDataset.load(dir, cliName(), train);
            case CIFAR10 -> Cifar10Binary.load(dir, train);
            case SVHN -> SvhnMat.load(dir, train);
        };
    }
}
