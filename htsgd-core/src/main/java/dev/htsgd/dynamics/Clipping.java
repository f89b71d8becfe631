package dev.htsgd.dynamics;

import dev.htsgd.check.Names;

/**
 * The truncation operator phi_b of the recursion (paper notes section 2) and where it applies.
 *
 * <ul>
 *   <li>{@link #L2} (default): phi_b(w) = w min(1, b / ||w||) on the whole update w = -eta grad f + eta sigma Z,
 *       keeping its direction; in 1-D this is clamp to [-b, b].</li>
 *   <li>{@link #COORDINATE}: each coordinate of the whole update clamped to [-b, b] (same as L2 in 1-D).</li>
 *   <li>{@link #NONE}: no truncation, the plain heavy-tailed SGD (b = infinity).</li>
 *   <li>{@link #GRADIENT_ONLY}: for comparison, only the gradient step -eta grad f is truncated (L2) and the
 *       noise eta sigma Z is added untruncated.</li>
 * </ul>
 */
public enum Clipping {
    L2, COORDINATE, NONE, GRADIENT_ONLY;

    /** Name as used by {@code --clip-mode}: l2, coordinate, none, gradient-only. */
    public String cliName() {
        return Names.of(this);
    }

    /** Parses {@code l2 | coordinate | none | gradient-only}. */
    public static Clipping parse(String s) {
        return Names.parse("clipping", values(), s);
    }

    /** 1-D phi_b: clamp w to [-b, b] (b may be +inf). */
    public static double clamp(double w, double b) {
        return w > b ? b : (w < -b ? -b : w);
    }

    /** Scales w in place onto the L2 ball of radius b when it lies outside; returns the pre-clip norm. */
    public static double clipL2(double[] w, double b) {
        double s = 0;
        for (double v : w) {
            s += v * v;
        }
        double norm = Math.sqrt(s);
        if (norm > b) {
            double f = b / norm;
            for (int k = 0; k < w.length; k++) {
                w[k] *= f;
            }
        }
        return norm;
    }

    /** Clamps each coordinate of w to [-b, b] in place. */
    public static void clipCoordinates(double[] w, double b) {
        for (int k = 0; k < w.length; k++) {
            w[k] = clamp(w[k], b);
        }
    }
}
