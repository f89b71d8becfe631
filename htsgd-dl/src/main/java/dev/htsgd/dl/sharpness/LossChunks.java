package dev.htsgd.dl.sharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of a {@link NetworkLoss} L in chunks of at most {@code batchSize} examples (memory only), with the
 * loss of one chunk so that the chunks sum to L, the mean over all N examples: either the built-in softmax
 * cross-entropy against one-hot targets already scaled by -1/N, or a DJL {@link Loss} (a mean over the examples
 * it is given) weighted by the chunk's share of N. Every tensor is an engine-owned copy attached to the loss's
 * manager, freed with it.
 */
final class LossChunks {

    private final List<NDArray> inputs = new ArrayList<>();
    private final List<NDArray> targets = new ArrayList<>();
    /** With {@link #criterion}: chunk c's share (examples of c) / N of the mean, a scalar tensor. */
    private final List<NDArray> shares = new ArrayList<>();
    /** The DJL loss, or null for the built-in softmax cross-entropy. */
    private final Loss criterion;

    private LossChunks(Loss criterion) {
        this.criterion = criterion;
    }

    /**
     * The built-in loss: class indices {@code y} (checked by the caller) as one-hot targets scaled by -1/N, so the
     * loss needs no scalar operand: DJL's NDArray.div(Number) passes the engine a scalar that aliases a Java buffer
     * it frees right away, while the autograd graph keeps reading it in the backward pass (garbage gradients once
     * the collector has run).
     */
    static LossChunks oneHot(NDArray features, long[] y, int classes, int batchSize, NDManager manager,
            DataType storage, DataType dtype) {
        LossChunks c = new LossChunks(null);
        int examples = y.length;
        for (int from = 0; from < examples; from += batchSize) {
            int to = Math.min(examples, from + batchSize);
            double[] hot = new double[(to - from) * classes];
            for (int i = from; i < to; i++) {
                hot[(i - from) * classes + (int) y[i]] = -1.0 / examples;
            }
            try (NDScope scope = new NDScope()) {
                // duplicate(): toType may return an alias of memory that the caller (or the scope) frees
                NDArray x = features.get(new NDIndex(from + ":" + to)).toType(storage, false).duplicate();
                NDArray t = manager.create(hot, new Shape(to - from, classes)).toType(dtype, false).duplicate();
                c.keep(manager, x, t, null);
            }
        }
        return c;
    }

    /** A DJL loss: labels of any shape with first axis N; floating labels are cast to the model's type. */
    static LossChunks of(Loss criterion, NDArray features, NDArray labels, int batchSize, NDManager manager,
            DataType storage, DataType dtype) {
        LossChunks c = new LossChunks(criterion);
        int examples = Math.toIntExact(features.getShape().get(0));
        for (int from = 0; from < examples; from += batchSize) {
            int to = Math.min(examples, from + batchSize);
            try (NDScope scope = new NDScope()) {
                NDArray x = features.get(new NDIndex(from + ":" + to)).toType(storage, false).duplicate();
                NDArray y = labels.get(new NDIndex(from + ":" + to));
                y = (y.getDataType().isFloating() ? y.toType(dtype, false) : y).duplicate();
                // the share as a tensor the engine owns, for the reason given at oneHot
                NDArray w = manager.create(new double[] {(to - from) / (double) examples}).toType(dtype, false).duplicate();
                c.keep(manager, x, y, w);
            }
        }
        return c;
    }

    private void keep(NDManager manager, NDArray x, NDArray t, NDArray share) {
        NDScope.unregister(x, t);
        x.attach(manager);
        t.attach(manager);
        inputs.add(x);
        targets.add(t);
        if (share != null) {
            NDScope.unregister(share);
            share.attach(manager);
            shares.add(share);
        }
    }

    int size() {
        return inputs.size();
    }

    /** The examples of chunk {@code c}, in the block's parameter type. */
    NDArray input(int c) {
        return inputs.get(c);
    }

    /** Chunk c's term of L from the model's outputs on its examples. */
    NDArray loss(int c, NDArray logits) {
        if (criterion != null) {
            return criterion.evaluate(new NDList(targets.get(c)), new NDList(logits)).mul(shares.get(c)).sum();
        }
        return logits.logSoftmax(1).mul(targets.get(c)).sum();
    }
}
