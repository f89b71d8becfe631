package dev.htsgd.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The global L2 norm sqrt(sum_i ||d_i||^2) over a model's parameter arrays, read from the device with ONE host
 * synchronisation: the per-array sums of squares stay on the device, are stacked and copied back together
 * (PyTorch's {@code clip_grad_norm_} does the same), instead of one {@code getFloat()} per parameter. The sums
 * are then added in double precision in parameter order, so the value equals the per-parameter loop's bit for bit.
 */
public final class GlobalNorm {
    private GlobalNorm() {
    }

    /** sqrt(sum_i ||d_i||^2), the arrays on one manager's device. */
    public static double of(NDArray[] d) {
        NDList sums = new NDList(d.length);
        for (NDArray a : d) {
            sums.add(a.square().sum());
        }
        float[] host;
        try (NDArray stacked = NDArrays.stack(sums)) {
            host = stacked.toFloatArray(); // the one synchronisation
        } finally {
            sums.close();
        }
        double sq = 0;
        for (float v : host) {
            sq += v;
        }
        return Math.sqrt(sq);
    }
}
