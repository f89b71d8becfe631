package dev.htsgd.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * The weighted objective whose gradient is a method's whole step direction, as a DJL {@link Loss}: with the
 * label a matrix T of per-example weighted one-hot rows (T_ij = w_i [y_i = j], {@link HeavyTailedBatches}
 * builds it from a small and a large batch with {@link LossWeights}), the loss is
 * -sum_ij T_ij log softmax(z_i)_j, so one {@code EasyTrain.trainBatch} gives g_SB + c W (g_SB* - g_LB).
 * Plain steps (weights 1/n) make it the mean cross-entropy.
 */
public final class HeavyTailedLoss extends Loss {

    /** A loss named "HeavyTailedLoss". */
    public HeavyTailedLoss() {
        super("HeavyTailedLoss");
    }

    /** -sum(T * log softmax(logits)) for logits (n, C) and weighted one-hot targets T (n, C). */
    public static NDArray weightedCrossEntropy(NDArray logits, NDArray targets) {
        return logits.logSoftmax(1).mul(targets).sum().neg();
    }

    /** {@inheritDoc} The label is the weighted one-hot target matrix, the prediction the logits. */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return weightedCrossEntropy(predictions.singletonOrThrow(), labels.singletonOrThrow());
    }
}
