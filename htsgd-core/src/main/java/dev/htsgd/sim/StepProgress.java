package dev.htsgd.sim;

import java.util.function.LongConsumer;

/**
 * Hands a path's step count to a progress sink in chunks of 2^20 steps, so that a loop of billions of steps
 * calls the (thread-shared, maybe contended) sink rarely, and the remainder when the path ends.
 */
final class StepProgress {

    private static final long CHUNK = 1L << 20;

    private final LongConsumer sink;
    private long reported;

    StepProgress(LongConsumer sink) {
        this.sink = sink;
    }

    /** Called after step {@code n}: reports a chunk when n completes one. */
    void at(long n) {
        if ((n & (CHUNK - 1)) == 0) {
            done(n);
        }
    }

    /** Reports the steps up to {@code n} not yet reported. */
    void done(long n) {
        if (sink != null && n > reported) {
            sink.accept(n - reported);
        }
        reported = n;
    }
}
