package dev.htsgd.dl.sharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.SplittableRandom;

/** Small DJL networks and random data for the curvature tests (stand-ins until the dl package's models land). */
final class TinyNets {

    private TinyNets() {
    }

    /** A 4-5-3 tanh MLP (43 parameters). */
    static SequentialBlock mlp(NDManager manager, DataType type) {
        SequentialBlock b = new SequentialBlock()
                .add(Linear.builder().setUnits(5).build())
                .add(Activation::tanh)
                .add(Linear.builder().setUnits(3).build());
        b.initialize(manager, type, new Shape(1, 4));
        return seeded(b, 11);
    }

    /** A LeNet in miniature: conv 3x3 1->2, maxpool 2, ReLU, flatten, linear -> 3 (47 parameters) on 6x6 images. */
    static SequentialBlock convnet(NDManager manager, DataType type) {
        SequentialBlock features = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(2).build())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Activation::relu);
        return classified(features, manager, type, 6, 12);
    }

    /**
     * Two convolutions of 10 channels (conv 3x3 1->10, ReLU, conv 3x3 10->10, ReLU, flatten, linear -> 3; 1,223
     * parameters) on 8x8 images: the second convolution's input gradient, which a product needs, sums over 10
     * output channels, not a multiple of the SIMD block, like LeNet's.
     */
    static SequentialBlock twoConvs(NDManager manager, DataType type) {
        SequentialBlock features = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(10).build())
                .add(Activation::relu)
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(10).build())
                .add(Activation::relu);
        return classified(features, manager, type, 8, 13);
    }

    /**
     * {@code features} with a flatten and linear -> 3 classifier head, initialised for 1 x side x side images and
     * seeded with {@code seed}.
     */
    private static SequentialBlock classified(SequentialBlock features, NDManager manager, DataType type, int side,
                                              long seed) {
        features.add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(3).build());
        features.initialize(manager, type, new Shape(1, 1, side, side));
        return seeded(features, seed);
    }

    /** Overwrites DJL's (unseeded) initial weights with seeded uniform values on [-0.6, 0.6]. */
    static SequentialBlock seeded(SequentialBlock b, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (var p : b.getParameters()) {
            NDArray a = p.getValue().getArray();
            double[] v = new double[Math.toIntExact(a.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = 1.2 * r.nextDouble() - 0.6;
            }
            if (a.getDataType() == DataType.FLOAT64) {
                a.set(v);
            } else {
                float[] f = new float[v.length];
                for (int i = 0; i < v.length; i++) {
                    f[i] = (float) v[i];
                }
                a.set(f);
            }
        }
        return b;
    }

    static NDArray features(NDManager manager, long seed, int n, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        long size = n;
        for (long s : shape) {
            size *= s;
        }
        float[] x = new float[Math.toIntExact(size)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * r.nextDouble() - 1);
        }
        long[] full = new long[shape.length + 1];
        full[0] = n;
        System.arraycopy(shape, 0, full, 1, shape.length);
        return manager.create(x, new Shape(full));
    }

    static NDArray labels(NDManager manager, long seed, int n, int classes) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return manager.create(y);
    }
}
