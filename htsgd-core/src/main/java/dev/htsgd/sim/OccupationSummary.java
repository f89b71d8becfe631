package dev.htsgd.sim;

import java.util.List;

/**
 * The occupation counts of a whole run, its paths summed in index order (paper notes section 4): the fraction of
 * steps in each attraction field I_i and within epsilon of each minimum m_i, and which minima were visited. The
 * experiment's and the study's results both are one.
 */
public interface OccupationSummary {

    /** The paths, in index order. */
    List<? extends OccupationCounts> paths();

    /** Steps over all paths. */
    long totalSteps();

    /** Steps in each field, all paths together. */
    long[] inField();

    /** Steps within epsilon of each minimum, all paths together. */
    long[] nearMinimum();

    /** Fraction of all steps in each field. */
    default double[] fractions() {
        return OccupationCounts.fractions(inField(), totalSteps());
    }

    /** Fraction of all steps within epsilon of each minimum. */
    default double[] nearMinimumFractions() {
        return OccupationCounts.fractions(nearMinimum(), totalSteps());
    }

    /** Minima visited by any path. */
    default boolean[] visited() {
        boolean[] v = new boolean[inField().length];
        for (OccupationCounts p : paths()) {
            for (int i : p.visits()) {
                v[i] = true;
            }
        }
        return v;
    }
}
