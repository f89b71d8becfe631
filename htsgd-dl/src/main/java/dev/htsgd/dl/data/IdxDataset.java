package dev.htsgd.dl.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loader for the IDX files of MNIST and FashionMNIST (gzip or raw): images with magic 0x00000803
 * (unsigned bytes, 3 dimensions N x 28 x 28), labels with magic 0x00000801 (N). Magic numbers, dimensions,
 * file sizes and label ranges are validated; errors name the file.
 */
public final class IdxDataset {
    /** Magic number of an unsigned-byte, 3-dimensional IDX file (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an unsigned-byte, 1-dimensional IDX file (labels). */
    public static final int LABELS_MAGIC = 0x00000801;

    private IdxDataset() {
    }

    /** File name stems of the four standard files. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    /** Training labels. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    /** Test images. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    /** Test labels. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /**
     * Loads the training or test split from a directory holding the standard file names, with or without
     * {@code .gz}.
     */
    public static ImageSet load(Path dir, String name, boolean train) {
        Path images = resolve(dir, train ? TRAIN_IMAGES : TEST_IMAGES);
        Path labels = resolve(dir, train ? TRAIN_LABELS : TEST_LABELS);
        return read(name + (train ? "/train" : "/test"), images, labels);
    }

    /** Whether {@code dir} holds all four files (raw or gzip). */
    public static boolean present(Path dir) {
        for (String stem : new String[] {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS}) {
            if (!Files.isRegularFile(dir.resolve(stem)) && !Files.isRegularFile(dir.resolve(stem + ".gz"))) {
                return false;
            }
        }
        return true;
    }

    static Path resolve(Path dir, String stem) {
        Path gz = dir.resolve(stem + ".gz");
        return Files.isRegularFile(gz) ? gz : dir.resolve(stem);
    }

    /** Reads an image file and a label file into an {@link ImageSet} of 10 classes, pixels in [-1, 1]. */
    public static ImageSet read(String name, Path imagesFile, Path labelsFile) {
        byte[] img = DataFiles.readMaybeGzip(imagesFile);
        byte[] lab = DataFiles.readMaybeGzip(labelsFile);
        if (img.length < 4) {
            throw new DataFormatException(imagesFile, "too short for an IDX image header (" + img.length + " bytes)");
        }
        int magic = DataFiles.intBE(img, 0);
        if (magic != IMAGES_MAGIC) {
            throw new DataFormatException(imagesFile, String.format(
                    "wrong magic number 0x%08x, expected 0x%08x (IDX images)", magic, IMAGES_MAGIC));
        }
        if (img.length < 16) {
            throw new DataFormatException(imagesFile, "too short for an IDX image header (" + img.length + " bytes, truncated)");
        }
        int n = DataFiles.intBE(img, 4);
        int rows = DataFiles.intBE(img, 8);
        int cols = DataFiles.intBE(img, 12);
        if (n < 0 || rows <= 0 || cols <= 0) {
            throw new DataFormatException(imagesFile, "bad dimensions " + n + " x " + rows + " x " + cols);
        }
        long expected = 16L + (long) n * rows * cols;
        if (img.length != expected) {
            throw new DataFormatException(imagesFile, "size " + img.length + " bytes, expected " + expected
                    + " for " + n + " images of " + rows + "x" + cols + (img.length < expected ? " (truncated)" : ""));
        }
        if (lab.length < 4) {
            throw new DataFormatException(labelsFile, "too short for an IDX label header (" + lab.length + " bytes)");
        }
        int lmagic = DataFiles.intBE(lab, 0);
        if (lmagic != LABELS_MAGIC) {
            throw new DataFormatException(labelsFile, String.format(
                    "wrong magic number 0x%08x, expected 0x%08x (IDX labels)", lmagic, LABELS_MAGIC));
        }
        if (lab.length < 8) {
            throw new DataFormatException(labelsFile, "too short for an IDX label header (" + lab.length + " bytes, truncated)");
        }
        int ln = DataFiles.intBE(lab, 4);
        if (ln != n) {
            throw new DataFormatException(labelsFile, ln + " labels for " + n + " images in " + imagesFile);
        }
        if (lab.length != 8L + n) {
            throw new DataFormatException(labelsFile, "size " + lab.length + " bytes, expected " + (8L + n)
                    + (lab.length < 8L + n ? " (truncated)" : ""));
        }
        float[] px = new float[n * rows * cols];
        for (int i = 0; i < px.length; i++) {
            px[i] = ImageSet.scale(img[16 + i] & 0xff);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = lab[8 + i] & 0xff;
            if (labels[i] > 9) {
                throw new DataFormatException(labelsFile, "label " + labels[i] + " at index " + i + " is outside 0..9");
            }
        }
        return new ImageSet(name, 1, rows, cols, 10, px, labels);
    }
}
