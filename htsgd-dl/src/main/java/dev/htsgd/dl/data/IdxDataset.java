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
    /** An IDX header of {@code kind} ("image", "label"): the magic number, then {@code length} bytes in all. */
    private static void checkHeader(byte[] b, Path file, int magic, int length, String kind) {
        if (b.length < 4) {
            throw new DataFormatException(file, "too short for an IDX " + kind + " header (" + b.length + " bytes)");
        }
        int m = DataFiles.intBE(b, 0);
        if (m != magic) {
            throw new DataFormatException(file, String.format(
                    "wrong magic number 0x%08x, expected 0x%08x (IDX %ss)", m, magic, kind));
        }
        if (b.length < length) {
            throw new DataFormatException(file, "too short for an IDX " + kind + " header (" + b.length
                    + " bytes, truncated)");
        }
    }

    public static ImageSet read(String name, Path imagesFile, Path labelsFile) {
        byte[] img = DataFiles.readMaybeGzip(imagesFile);
        byte[] lab = DataFiles.readMaybeGzip(labelsFile);
        checkHeader(img, imagesFile, IMAGES_MAGIC, 16, "image");
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
        checkHeader(lab, labelsFile, LABELS_MAGIC, 8, "label");
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
