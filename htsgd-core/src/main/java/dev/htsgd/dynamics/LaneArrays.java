package dev.htsgd.dynamics;

/**
 * The working arrays of the vector engine's lanes (states, streams, scratch of {@link LanePasses}): each padded
 * past its last lane, so that the arrays that blocks on different threads write at every step never share a
 * cache line.
 */
public final class LaneArrays {

    private LaneArrays() {
    }

    /**
     * Elements past the last lane of every working array (128 bytes: a cache line and the neighbour that the
     * adjacent-line prefetcher pulls in). A copying collection packs long-lived objects side by side, so unpadded,
     * the arrays that two threads' blocks write at every step came to share lines: measured, 16 paths on 2
     * threads ran at 1.13x one thread at 1e8 steps (false sharing), padded at 1.3x in a paired run (issue 15).
     */
    private static final int PAD = 16;

    /** A working array of w lanes, padded ({@link #PAD}): what a block's passes write at every step. */
    public static double[] doubles(int w) {
        return new double[w + PAD];
    }

    /** A working array of w lanes of longs (stream states, raw draws), padded. */
    public static long[] longs(int w) {
        return new long[w + PAD];
    }

    /** k working arrays of w lanes, each padded. */
    public static double[][] doubles(int k, int w) {
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = doubles(w);
        }
        return out;
    }

    /** k working arrays of w lanes of longs, each padded. */
    public static long[][] longs(int k, int w) {
        long[][] out = new long[k][];
        for (int i = 0; i < k; i++) {
            out[i] = longs(w);
        }
        return out;
    }
}
