package dev.htsgd.sim;

import java.util.List;

/**
 * What one path of an occupation run counts (paper notes section 4): its steps, the steps spent in each attraction
 * field I_i, within epsilon of each minimum m_i, and the transitions between minima. Paths of the experiment and of
 * the study both count this, and {@link Totals#of} sums them in index order, once for both.
 */
public interface OccupationCounts {

    /** Steps taken. */
    long steps();

    /** Steps in each field, aligned with the minima. */
    long[] inField();

    /** Steps within epsilon of each minimum. */
    long[] nearMinimum();

    /** Transition counts between minima, n x n. */
    long[][] transitions();

    /** The sequence of visited minima, starting with the field of X_0. */
    int[] visits();

    /** Each count over {@code total} (0 when total is 0): fractions of steps. */
    static double[] fractions(long[] counts, long total) {
        double[] f = new double[counts.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return f;
    }

    /** The counts of several paths added up. */
    record Totals(long steps, long[] inField, long[] nearMinimum, long[][] transitions) {

        /** Sums {@code paths} (n minima each) in index order. */
        public static Totals of(int n, List<? extends OccupationCounts> paths) {
            long total = 0;
            long[] in = new long[n];
            long[] near = new long[n];
            long[][] tr = new long[n][n];
            for (OccupationCounts p : paths) {
                total += p.steps();
                for (int i = 0; i < n; i++) {
                    in[i] += p.inField()[i];
                    near[i] += p.nearMinimum()[i];
                    for (int k = 0; k < n; k++) {
                        tr[i][k] += p.transitions()[i][k];
                    }
                }
            }
            return new Totals(total, in, near, tr);
        }
    }
}
