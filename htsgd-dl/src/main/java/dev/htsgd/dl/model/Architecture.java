package dev.htsgd.dl.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import dev.htsgd.check.Names;

/** The model choices of {@code --model}: which block, and which image shapes it fits. */
public enum Architecture {
    /** {@link Models#lenet()}: 1x28x28 images, 10 classes. */
    LENET,
    /** {@link Models#vgg11()}: Cx32x32 images, 10 classes. */
    VGG11,
    /** {@link Models#mlp(int, int...)} with hidden widths 512, 256: any image shape. */
    MLP;

    /** @return the command-line name (lenet, vgg11, mlp) */
    public String cliName() {
        return Names.of(this);
    }

    /** Parses lenet, vgg11 or mlp. */
    public static Architecture of(String name) {
        return Names.parse("model", values(), name);
    }

    /**
     * Checks that this architecture fits images of shape (C, H, W) with {@code classes} classes.
     *
     * @throws IllegalArgumentException naming the model and the data shape otherwise
     */
    public void checkFits(Shape image, int classes, String datasetName) {
        long c = image.get(0);
        long h = image.get(1);
        long w = image.get(2);
        String why = switch (this) {
            case LENET -> c == 1 && h == 28 && w == 28 && classes == 10 ? null
                    : "lenet expects 1x28x28 images and 10 classes (its FC layer has 160 = 10x4x4 inputs)";
            case VGG11 -> h == 32 && w == 32 && classes == 10 ? null
                    : "vgg11 expects 32x32 images and 10 classes (5 pools bring 32x32 to 1x1x512 for its 512-wide classifier)";
            case MLP -> null;
        };
        if (why != null) {
            throw new IllegalArgumentException("model " + cliName() + " does not fit dataset " + datasetName + " ("
                    + c + "x" + h + "x" + w + ", " + classes + " classes): " + why);
        }
    }

    /** A fresh, uninitialised block of this architecture. */
    public Block newBlock(int classes) {
        return switch (this) {
            case LENET -> Models.lenet();
            case VGG11 -> Models.vgg11();
            case MLP -> Models.mlp(classes, 512, 256);
        };
    }
}
