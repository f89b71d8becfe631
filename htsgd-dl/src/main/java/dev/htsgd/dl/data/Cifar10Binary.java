package dev.htsgd.dl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loader for the binary version of CIFAR-10: each record is 1 label byte (0..9) and 3,072 pixel bytes
 * (1,024 red, 1,024 green, 1,024 blue, row-major 32x32), i.e. already CHW. Training = data_batch_1..5.bin
 * (10,000 records each in the official files), test = test_batch.bin.
 */
public final class Cifar10Binary {
    /** Bytes per record. */
    public static final int RECORD = 1 + 3 * 32 * 32;
    /** The training files in order. */
    public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    /** The test file. */
    public static final String TEST_FILE = "test_batch.bin";
    /** All files. */
    public static final List<String> FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");

    private Cifar10Binary() {
    }

    static boolean present(Path dir) {
        return FILES.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** Loads the training or test split from a directory of the binary files. */
    public static ImageSet load(Path dir, boolean train) {
        List<String> names = train ? TRAIN_FILES : List.of(TEST_FILE);
        byte[][] parts = new byte[names.size()][];
        int n = 0;
        for (int f = 0; f < names.size(); f++) {
            Path file = dir.resolve(names.get(f));
            parts[f] = DataFiles.readMaybeGzip(file);
            if (parts[f].length == 0 || parts[f].length % RECORD != 0) {
                throw new DataFormatException(file, "size " + parts[f].length + " bytes is not a positive multiple of the "
                        + RECORD + "-byte CIFAR-10 record (truncated or not the binary version)");
            }
            n += parts[f].length / RECORD;
        }
        float[] px = new float[n * 3072];
        int[] labels = new int[n];
        int i = 0;
        for (int f = 0; f < parts.length; f++) {
            byte[] b = parts[f];
            for (int r = 0; r < b.length / RECORD; r++, i++) {
                int off = r * RECORD;
                int lab = b[off] & 0xff;
                if (lab > 9) {
                    throw new DataFormatException(dir.resolve(names.get(f)), "label " + lab + " in record " + r
                            + " is outside 0..9 (not the CIFAR-10 binary format)");
                }
                labels[i] = lab;
                for (int p = 0; p < 3072; p++) {
                    px[i * 3072 + p] = ImageSet.scale(b[off + 1 + p] & 0xff);
                }
            }
        }
        return new ImageSet("cifar10/" + (train ? "train" : "test"), 3, 32, 32, 10, px, labels);
    }
}
