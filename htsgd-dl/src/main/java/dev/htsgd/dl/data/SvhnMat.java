package dev.htsgd.dl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Loader for SVHN cropped digits ({@code train_32x32.mat}, {@code test_32x32.mat}, MATLAB v5): {@code X} is
 * uint8 32 x 32 x 3 x N (column-major: row, column, channel, image), {@code y} is N x 1 with labels 1..10 where
 * 10 stands for the digit 0 (mapped to label 0 here).
 */
public final class SvhnMat {
    /** Training file. */
    public static final String TRAIN = "train_32x32.mat";
    /** Test file. */
    public static final String TEST = "test_32x32.mat";

    private SvhnMat() {
    }

    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(TRAIN)) && Files.isRegularFile(dir.resolve(TEST));
    }

    /** Loads the training or test split from a directory holding the two .mat files. */
    public static ImageSet load(Path dir, boolean train) {
        return read(dir.resolve(train ? TRAIN : TEST), "svhn/" + (train ? "train" : "test"));
    }

    /** Reads one SVHN .mat file. */
    public static ImageSet read(Path file, String name) {
        Map<String, MatV5Reader.MatArray> vars = MatV5Reader.read(file);
        MatV5Reader.MatArray x = vars.get("X");
        MatV5Reader.MatArray y = vars.get("y");
        if (x == null || y == null) {
            throw new DataFormatException(file, "expected variables X and y, found " + vars.keySet());
        }
        int[] d = x.dims();
        if (d.length != 4 || d[2] != 3 || d[0] < 1 || d[1] < 1) {
            throw new DataFormatException(file, "X has dimensions " + Arrays.toString(d) + ", expected H x W x 3 x N");
        }
        int h = d[0];
        int w = d[1];
        int n = d[3];
        if (y.numel() != n) {
            throw new DataFormatException(file, "y has " + y.numel() + " labels for " + n + " images");
        }
        float[] px = new float[n * 3 * h * w];
        int per = 3 * h * w;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                for (int r = 0; r < h; r++) {
                    for (int col = 0; col < w; col++) {
                        long src = r + (long) h * (col + (long) w * (c + 3L * i));
                        px[i * per + (c * h + r) * w + col] = ImageSet.scale(x.getUnsignedByte(src));
                    }
                }
            }
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double v = y.get(i);
            if (v != Math.rint(v) || v < 0 || v > 10) {
                throw new DataFormatException(file, "label " + v + " of image " + i + " is outside 1..10");
            }
            labels[i] = (int) v % 10;
        }
        return new ImageSet(name, 3, h, w, 10, px, labels);
    }
}
