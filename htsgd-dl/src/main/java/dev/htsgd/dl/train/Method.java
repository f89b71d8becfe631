package dev.htsgd.dl.train;

import java.util.Locale;

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
    LB("lb", false, false, false),
    /** Small batch, plain SGD: no truncation (the baseline that SB+Clip adds phi_b to). */
    SB("sb", false, false, false),
    /** Small batch with update truncation phi_b. */
    SB_CLIP("sb-clip", false, true, false),
    /** Heavy-tailed noise without truncation (weights kept in [-1, 1]). */
    SB_NOISE("sb-noise", true, false, false),
    /** Heavy-tailed noise from an independent small batch, truncated. */
    OUR1("our1", true, true, true),
    /** Heavy-tailed noise from the same small batch, truncated. */
    OUR2("our2", true, true, false);

    private final String cliName;
    private final boolean noisy;
    private final boolean truncated;
    private final boolean independentStar;

    Method(String cliName, boolean noisy, boolean truncated, boolean independentStar) {
        this.cliName = cliName;
        this.noisy = noisy;
        this.truncated = truncated;
        this.independentStar = independentStar;
    }

    /** @return the command-line name (lb, sb, sb-clip, sb-noise, our1, our2) */
    public String cliName() {
        return cliName;
    }

    /** @return whether the method adds the c W (g_SB* - g_LB) noise (and has the noise-free phase) */
    public boolean noisy() {
        return noisy;
    }

    /** @return whether updates are truncated by phi_b in the first phase */
    public boolean truncated() {
        return truncated;
    }

    /** @return whether g_SB* comes from an independent small batch (Our 1) */
    public boolean independentStar() {
        return independentStar;
    }

    /** @return whether the method uses a small batch in its first phase */
    public boolean usesSmallBatch() {
        return this != LB;
    }

    /** @return whether the method ever needs a large-batch gradient */
    public boolean usesLargeBatch() {
        return this == LB || noisy;
    }

    /** Parses a command-line name. */
    public static Method of(String name) {
        for (Method m : values()) {
            if (m.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("method must be one of lb, sb, sb-clip, sb-noise, our1, our2, got " + name);
    }
}
