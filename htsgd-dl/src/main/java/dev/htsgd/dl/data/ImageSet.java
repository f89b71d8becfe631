package dev.htsgd.dl.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * An in-memory labelled image set in NCHW layout, pixels already scaled to [-1, 1] (the paper's
 * {@code Normalize(0.5, 0.5)} after {@code ToTensor}): the training or test set of one experiment.
 *
 * <p>Arrays are owned by this object and never exposed for writing; batches are copied into DJL arrays.
 *
 * @param name     dataset name, for messages ("fashion-mnist/train")
 * @param channels C
 * @param height   H
 * @param width    W
 * @param classes  number of classes (labels lie in 0..classes-1)
 * @param pixels   N*C*H*W floats, image-major
 * @param labels   N labels
 */
public record ImageSet(String name, int channels, int height, int width, int classes, float[] pixels, int[] labels) {

    /** Validates sizes and labels. */
    public ImageSet {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "x" + height + "x" + width);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        long per = (long) channels * height * width;
        if (pixels.length != per * labels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixels do not make " + labels.length
                    + " images of " + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of image " + i
                        + " is outside 0.." + (classes - 1));
            }
        }
    }

    /** @return number of images N */
    public int size() {
        return labels.length;
    }

    /** @return C*H*W */
    public int imageSize() {
        return channels * height * width;
    }

    /** @return the DJL shape of one image, (C, H, W) */
    public Shape imageShape() {
        return new Shape(channels, height, width);
    }

    /** @return label of image i */
    public int label(int i) {
        return labels[i];
    }

    /** @return a copy of the labels */
    public int[] labelsCopy() {
        return labels.clone();
    }

    /** Copies image i's pixels into {@code dst} at {@code offset}. */
    public void copyImage(int i, float[] dst, int offset) {
        int per = imageSize();
        System.arraycopy(pixels, i * per, dst, offset, per);
    }

    /**
     * The images of {@code indices} as an (n, C, H, W) float32 array on {@code manager}.
     */
    public NDArray images(NDManager manager, int[] indices, int from, int count) {
        int per = imageSize();
        FloatBuffer buf = FloatBuffer.allocate(count * per);
        for (int k = 0; k < count; k++) {
            buf.put(pixels, indices[from + k] * per, per);
        }
        buf.flip();
        return owned(manager.create(buf, new Shape(count, channels, height, width)));
    }

    /**
     * An engine-owned copy of {@code alias}, which is closed. DJL's {@code create(Buffer)} returns a tensor that
     * aliases a direct buffer the garbage collector may free while the engine still reads it (for instance when
     * autograd saved it for the backward pass); every array built from Java data goes through this.
     */
    public static NDArray owned(NDArray alias) {
        try (alias) {
            NDArray copy = alias.duplicate();
            copy.attach(alias.getManager());
            return copy;
        }
    }

    /** All images, (N, C, H, W). */
    public NDArray allImages(NDManager manager, int from, int count) {
        int per = imageSize();
        return owned(manager.create(FloatBuffer.wrap(pixels, from * per, count * per).slice(),
                new Shape(count, channels, height, width)));
    }

    /**
     * The paper's subset recipe: the first {@code n + k} images; the last {@code k} of them get labels drawn
     * uniformly from 0..classes-1 with {@code rng} (so a corrupted label may equal the true one, as in the
     * ancestor code).
     *
     * @param n   clean images, >= 1
     * @param k   corrupted images, >= 0
     * @param rng source of the random labels (the run's label stream)
     * @return a new set of n + k images
     */
    public ImageSet subset(int n, int k, UniformRandomProvider rng) {
        if (n < 1) {
            throw new IllegalArgumentException("subset must be >= 1, got " + n);
        }
        if (k < 0) {
            throw new IllegalArgumentException("corrupt must be >= 0, got " + k);
        }
        if ((long) n + k > size()) {
            throw new IllegalArgumentException("subset " + n + " plus corrupt " + k + " exceeds the "
                    + size() + " images of " + name);
        }
        int m = n + k;
        float[] px = Arrays.copyOf(pixels, m * imageSize());
        int[] lb = Arrays.copyOf(labels, m);
        for (int i = n; i < m; i++) {
            lb[i] = rng.nextInt(classes);
        }
        return new ImageSet(name + "[" + n + "+" + k + " corrupted]", channels, height, width, classes, px, lb);
    }

    /** Scales raw 0..255 bytes to [-1, 1]: (x / 255 - 0.5) / 0.5. */
    static float scale(int unsignedByte) {
        return (unsignedByte / 255f - 0.5f) / 0.5f;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images " + channels + "x" + height + "x" + width + ", " + classes + " classes)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSet s && s.name.equals(name) && s.channels == channels && s.height == height
                && s.width == width && s.classes == classes && Arrays.equals(s.pixels, pixels)
                && Arrays.equals(s.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(labels);
    }
}
