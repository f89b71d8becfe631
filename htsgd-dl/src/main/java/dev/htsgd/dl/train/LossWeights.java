package dev.htsgd.dl.train;

/**
 * Per-example loss weights that make one backward pass give a method's whole gradient. The concatenated
 * batch is [SB (n_s), SB* (n_s, Our 1 only), LB (n_L)], and with per-example cross-entropies l_i
 * <pre>
 *   g_SB + cW (g_SB* - g_LB) = grad( sum_SB l_i/n_s + cW sum_SB* l_i/n_s - cW sum_LB l_i/n_L ),
 * </pre>
 * so for Our 2 (SB* = SB) the SB examples carry (1 + cW)/n_s and the LB examples -cW/n_L; plain SB and LB
 * steps carry 1/n. Linearity of the gradient makes this exact (up to float rounding order).
 */
public final class LossWeights {
    private LossWeights() {
    }

    /**
     * Fills {@code w} (length n_s + [n_s] + n_L) for one step.
     *
     * @param phase how the step combines gradients
     * @param ns    small batch size (0 when unused)
     * @param nl    large batch size (0 when unused)
     * @param cw    c W of this step
     */
    public static void fill(Phase phase, int ns, int nl, double cw, float[] w) {
        switch (phase) {
            case SMALL -> java.util.Arrays.fill(w, 0, ns, (float) (1.0 / ns));
            case LARGE -> java.util.Arrays.fill(w, 0, nl, (float) (1.0 / nl));
            case NOISY_SAME -> {
                java.util.Arrays.fill(w, 0, ns, (float) ((1.0 + cw) / ns));
                java.util.Arrays.fill(w, ns, ns + nl, (float) (-cw / nl));
            }
            case NOISY_INDEPENDENT -> {
                java.util.Arrays.fill(w, 0, ns, (float) (1.0 / ns));
                java.util.Arrays.fill(w, ns, 2 * ns, (float) (cw / ns));
                java.util.Arrays.fill(w, 2 * ns, 2 * ns + nl, (float) (-cw / nl));
            }
            default -> throw new IllegalStateException();
        }
    }

    /** Batch composition of a step. */
    public enum Phase {
        /** g_SB only. */
        SMALL,
        /** g_LB only. */
        LARGE,
        /** g_SB + cW (g_SB - g_LB) (Our 2, SB+Noise). */
        NOISY_SAME,
        /** g_SB + cW (g_SB* - g_LB) (Our 1). */
        NOISY_INDEPENDENT;

        /**
         * The phase of iteration {@code i} of {@code m}: large-batch steps for LB and from {@code noiseFreeFrom} on
         * (the noisy methods' last K_off iterations), small-batch steps for SB and SB+Clip, else the noisy combination.
         */
        public static Phase of(Method m, long i, long noiseFreeFrom) {
            if (m == Method.LB || i >= noiseFreeFrom) {
                return LARGE;
            }
            if (!m.noisy()) {
                return SMALL;
            }
            return m.independentStar() ? NOISY_INDEPENDENT : NOISY_SAME;
        }

        /** Whether the step draws c W. */
        public boolean noisy() {
            return this == NOISY_SAME || this == NOISY_INDEPENDENT;
        }

        /** The sizes of the batches that make up the concatenated batch, in its order: SB, [SB*,] LB. */
        public int[] parts(int ns, int nl) {
            return switch (this) {
                case SMALL -> new int[] {ns};
                case LARGE -> new int[] {nl};
                case NOISY_SAME -> new int[] {ns, nl};
                case NOISY_INDEPENDENT -> new int[] {ns, ns, nl};
            };
        }

        /** Examples in the concatenated batch. */
        public int size(int ns, int nl) {
            return switch (this) {
                case SMALL -> ns;
                case LARGE -> nl;
                case NOISY_SAME -> ns + nl;
                case NOISY_INDEPENDENT -> 2 * ns + nl;
            };
        }
    }
}
