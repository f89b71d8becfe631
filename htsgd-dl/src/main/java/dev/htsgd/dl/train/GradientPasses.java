package dev.htsgd.dl.train;

import dev.htsgd.check.Names;

/**
 * How one step forms the method's gradient g_SB + cW (g_SB* - g_LB) (paper notes, section 6): in one forward and
 * backward pass over the concatenated batches with per-example weights ({@link LossWeights}), or in one pass per
 * batch (SB, SB*, LB) accumulating into the same gradients. By linearity both give the same gradient up to float
 * rounding order, for every model whose output for an example does not depend on the other examples of its batch
 * (htsgd's LeNet, VGG-11 and MLP have no batch normalisation).
 *
 * <p>Why the choice: on CPU the cost of a pass is not linear in the batch; on the 2-core machine of the benchmark
 * two LeNet passes of 100 and 256 images took less time than one of 356 (htsgd-bench/bench/dl-speed.sh). The
 * default stays {@link #FUSED} because every stored result was computed that way and a different rounding order
 * changes a run's numbers.
 */
public enum GradientPasses {
    /** One pass over the concatenated batches (the default). */
    FUSED,
    /** One pass per batch, accumulating into the same gradients. */
    PER_BATCH;

    /** @return the command-line name (fused, per-batch) */
    public String cliName() {
        return Names.of(this);
    }

    /** Parses fused or per-batch. */
    public static GradientPasses of(String name) {
        return Names.parse("passes", values(), name);
    }
}
