package dev.htsgd.dl.train;

/**
 * How one step forms the method's gradient g_SB + cW (g_SB* - g_LB) (paper notes, section 6): in one forward and
 * backward pass over the concatenated batches with per-example weights ({@link LossWeights}), or in one pass per
 * batch (SB, SB*, LB) accumulating into the same gradients. By linearity both give the same gradient up to float
 * rounding order, for every model whose output for an example does not depend on the other examples of its batch
 * (htsgd's LeNet, VGG-11 and MLP have no batch normalisation).
 *
 * <p>Why the choice: per-batch passes hold the activations of one batch at a time (the appendix's large batch is
 * 1,024), and on CPU the cost of a pass is not linear in the batch: on the 2-core development machine a scratch
 * measurement found two LeNet passes of 100 and 256 images 1.19x faster than one of 356, while the paired
 * benchmark (htsgd-bench/bench/dl-speed.sh) found them 0.81x as fast, so neither is faster everywhere. The
 * default stays {@link #FUSED} because every stored result was computed that way and a different rounding order
 * changes a run's numbers. Names: {@code fused}, {@code per-batch} ({@link dev.htsgd.check.Names}).
 */
public enum GradientPasses {
    /** One pass over the concatenated batches (the default). */
    FUSED,
    /** One pass per batch, accumulating into the same gradients. */
    PER_BATCH;
}
