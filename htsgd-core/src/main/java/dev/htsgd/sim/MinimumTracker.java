package dev.htsgd.sim;

import java.util.Arrays;

/**
 * One path's occupation counts as it runs (paper notes section 5.B): steps per attraction field, steps within
 * epsilon of each minimum, and the minimum the path is at, which changes to m_j (one transition i -&gt; j, j
 * appended to the visits) only when the path comes within epsilon of m_j, so that flickering across a maximum
 * is not a move. The visit sequence is kept up to {@code maxVisits} entries and flagged when cut.
 */
final class MinimumTracker {

    final long[] inField;
    final long[] nearMinimum;
    final long[][] transitions;
    private final int maxVisits;
    private int[] visits;
    private int visitCount;
    private boolean visitsTruncated;
    private int current;

    MinimumTracker(int minima, int startField, int maxVisits) {
        this.inField = new long[minima];
        this.nearMinimum = new long[minima];
        this.transitions = new long[minima][minima];
        this.maxVisits = maxVisits;
        this.visits = new int[Math.min(maxVisits, 1024)];
        this.visits[visitCount++] = startField;
        this.current = startField;
    }

    /** Counts one step in field f, {@code near} when within epsilon of m_f. */
    void count(int f, boolean near) {
        inField[f]++;
        if (near) {
            nearMinimum[f]++;
            if (f != current) {
                moveTo(f);
            }
        }
    }

    private void moveTo(int f) {
        transitions[current][f]++;
        current = f;
        if (visitCount == maxVisits) {
            visitsTruncated = true;
            return;
        }
        if (visitCount == visits.length) {
            visits = Arrays.copyOf(visits, Math.min(maxVisits, visits.length * 2));
        }
        visits[visitCount++] = f;
    }

    int[] visits() {
        return Arrays.copyOf(visits, visitCount);
    }

    boolean visitsTruncated() {
        return visitsTruncated;
    }
}
