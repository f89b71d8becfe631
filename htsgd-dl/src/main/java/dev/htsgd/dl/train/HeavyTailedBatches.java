package dev.htsgd.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;

/**
 * Combines DJL batches into the one batch whose {@link HeavyTailedLoss} gradient is a method's step direction:
 * the data concatenated [SB, SB* (Our 1 only), LB], the labels (class indices) turned into weighted one-hot rows
 * with the {@link LossWeights} of the phase. So a DJL user's {@code EasyTrain.trainBatch(trainer, combined)} forms
 * g_SB + c W (g_SB* - g_LB) with one forward and one backward pass, and {@link HeavyTailedStep#update} applies it.
 */
public final class HeavyTailedBatches {
    private final int classes;

    /** @param classes the number of classes C of the labels */
    public HeavyTailedBatches(int classes) {
        if (classes < 2) {
            throw dev.htsgd.check.Require.fail("classes", "must be >= 2, got " + classes);
        }
        this.classes = classes;
    }

    /**
     * The combined batch of one step, on {@code manager} (the caller closes it).
     *
     * @param small the small batch SB, or null for a large-batch step
     * @param star  an independent small batch SB* (Our 1), or null (then SB* = SB)
     * @param large the large batch LB, or null for a plain small-batch step
     * @param cw    c W of the step (ignored without a large batch and a small one)
     */
    public Batch combine(NDManager manager, Batch small, Batch star, Batch large, double cw) {
        LossWeights.Phase phase;
        if (small == null && large == null) {
            throw dev.htsgd.check.Require.fail("small", "a step needs a small or a large batch, got neither");
        } else if (small == null) {
            phase = LossWeights.Phase.LARGE;
        } else if (large == null) {
            phase = LossWeights.Phase.SMALL;
        } else {
            phase = star == null ? LossWeights.Phase.NOISY_SAME : LossWeights.Phase.NOISY_INDEPENDENT;
        }
        int ns = small == null ? 0 : small.getSize();
        int nl = large == null ? 0 : large.getSize();
        NDList data = new NDList();
        NDList labels = new NDList();
        for (Batch b : phase == LossWeights.Phase.NOISY_INDEPENDENT ? new Batch[] {small, star, large}
                : new Batch[] {small, large}) {
            if (b != null) {
                data.add(b.getData().singletonOrThrow());
                labels.add(b.getLabels().singletonOrThrow());
            }
        }
        int n = phase.size(ns, nl);
        float[] w = new float[n];
        LossWeights.fill(phase, ns, nl, cw, w);
        NDArray x = data.size() == 1 ? data.get(0).duplicate() : NDArrays.concat(data);
        NDArray y = labels.size() == 1 ? labels.get(0) : NDArrays.concat(labels);
        NDArray targets = y.reshape(n).toType(ai.djl.ndarray.types.DataType.INT64, false).oneHot(classes)
                .mul(manager.create(w).reshape(n, 1));
        x.attach(manager);
        targets.attach(manager);
        return new Batch(manager, new NDList(x), new NDList(targets), n, null, null, 0, 0);
    }
}
