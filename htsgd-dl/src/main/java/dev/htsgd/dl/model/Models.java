package dev.htsgd.dl.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * The networks of the paper's Table 2 as DJL blocks (uninitialised; see {@link Network} for seeded
 * initialisation). Layer order follows the ancestor PyTorch code so parameter counts and shapes match.
 */
public final class Models {
    private Models() {
    }

    /** Number of weights of {@link #lenet()} on 1x28x28 inputs. */
    public static final long LENET_WEIGHTS = 11_330;

    /**
     * The paper's LeNet for 1x28x28 images: conv 5x5 1-&gt;10, maxpool 2, ReLU, conv 5x5 10-&gt;10, maxpool 2, ReLU,
     * flatten (160), FC 160-&gt;50, ReLU, FC 50-&gt;10: 260 + 2,510 + 8,050 + 510 = 11,330 weights.
     */
    public static Block lenet() {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(10).build())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(10).build())
                .add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(50).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(10).build());
    }

    /**
     * VGG11 (Simonyan and Zisserman's configuration A) without batch norm for 32x32 images: conv 3x3 (pad 1)
     * + ReLU blocks 64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M (M = maxpool 2), flatten (512), then the
     * classifier 512-&gt;512, ReLU, 512-&gt;512, ReLU, 512-&gt;10.
     */
    public static Block vgg11() {
        int[] cfg = {64, -1, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1};
        SequentialBlock b = new SequentialBlock();
        for (int c : cfg) {
            if (c < 0) {
                b.add(Pool.maxPool2dBlock(new Shape(2, 2)));
            } else {
                b.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(c).build());
                b.add(Activation.reluBlock());
            }
        }
        b.add(Blocks.batchFlattenBlock());
        b.add(Linear.builder().setUnits(512).build()).add(Activation.reluBlock());
        b.add(Linear.builder().setUnits(512).build()).add(Activation.reluBlock());
        b.add(Linear.builder().setUnits(10).build());
        return b;
    }

    /**
     * A multilayer perceptron: flatten, then for each hidden width a fully connected layer and ReLU, then a
     * linear layer to {@code classes} outputs.
     *
     * @param classes number of outputs, &gt;= 2
     * @param hidden  hidden widths, each &gt;= 1
     */
    public static Block mlp(int classes, int... hidden) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be >= 2, got " + classes);
        }
        SequentialBlock b = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("mlp hidden widths must be >= 1, got " + h);
            }
            b.add(Linear.builder().setUnits(h).build()).add(Activation.reluBlock());
        }
        return b.add(Linear.builder().setUnits(classes).build());
    }
}
