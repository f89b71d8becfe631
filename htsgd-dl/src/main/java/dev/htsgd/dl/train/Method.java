package dev.htsgd.dl.train;

import dev.htsgd.check.Names;

/**
 * The six training methods of the paper's Table 2 (paper-notes section 6). With g_SB the gradient on a
 * small batch, g_SB* on an independent small batch (Our 1) or the same batch (Our 2), g_LB on a large batch and
 * W a Pareto(alpha) multiplier:
 * <ul>
 * <li>LB: theta -= eta g_LB</li>
 * <li>SB: theta -= eta g_SB</li>
 * <li>SB+Clip: theta -= phi_b(eta g_SB)</li>
 * <li>SB+Noise: theta -= eta (g_SB + c W (g_SB - g_LB)), no truncation, weights clipped to [-1, 1]
 *     (the Our 2 gradient without clipping; the paper needs eta = 0.005 and 100,000 iterations for it)</li>
 * <li>Our 1: theta -= phi_b(eta (g_SB + c W (g_SB* - g_LB))), SB* independent of SB</li>
 * <li>Our 2: theta -= phi_b(eta (g_SB + c W (g_SB - g_LB)))</li>
 * </ul>
 * The noisy methods switch to plain large-batch steps theta -= eta g_LB for the final K_off iterations.
 */
public enum Method {
    /** Large batch. */
    LB,
    /** Small batch, plain SGD: no truncation (the baseline that SB+Clip adds phi_b to). */
    SB,
    /** Small batch with update truncation phi_b. */
    SB_CLIP,
    /** Heavy-tailed noise without truncation (weights kept in [-1, 1]). */
    SB_NOISE,
    /** Heavy-tailed noise from an independent small batch, truncated. */
    OUR1,
    /** Heavy-tailed noise from the same small batch, truncated. */
    OUR2;

    /** @return the command-line name (lb, sb, sb-clip, sb-noise, our1, our2) */
    public String cliName() {
        return Names.of(this);
    }

    /** @return whether the method adds the c W (g_SB* - g_LB) noise (and has the noise-free phase) */
    public boolean noisy() {
        return this == SB_NOISE || this == OUR1 || this == OUR2;
    }

    /** @return whether updates are truncated by phi_b in the first phase */
    public boolean truncated() {
        return this == SB_CLIP || this == OUR1 || this == OUR2;
    }

    /** @return whether g_SB* comes from an independent small batch (Our 1) */
    public boolean independentStar() {
        return this == OUR1;
    }

    /** @return whether the method uses a small batch in its first phase */
    public boolean usesSmallBatch() {
        return this != LB;
    }

    /** @return whether the method ever needs a large-batch gradient */
    public boolean usesLargeBatch() {
        return this == LB || noisy();
    }

    /** Parses a command-line name. */
    public static Method of(String name) {
        return Names.parse("method", values(), name);
    }
}
