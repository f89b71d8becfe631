package dev.htsgd.sim;

/**
 * The JVM's first block of the vector engine warms the JIT compiler alone: a block that starts while the first one
 * has run fewer than {@link #STEPS} steps waits for it (at most {@link #MAX_WAIT_MILLIS}). Until C2 has compiled
 * the passes, a step of interpreted Vector API code costs a thousand compiled ones, and on a machine with as many
 * workers as cores every worker would pay that phase at once while the compiler threads wait for a core. One
 * worker pays it, the others start on compiled passes. Only the speed changes: every path's result is its own
 * whatever block, thread or moment runs it.
 */
final class LaneWarmUp {

    /** Steps of the first block before the others start: past the passes' C2 compilation (about 70,000, measured). */
    static final long STEPS = 1L << 16;
    static final long MAX_WAIT_MILLIS = 3000;

    private static final Object LOCK = new Object();
    private static boolean started;
    private static volatile boolean open;

    private LaneWarmUp() {
    }

    /**
     * Called as a block starts: true for the JVM's first block (which then calls {@link #done()} after
     * {@link #STEPS} steps or when it ends); the others return false, after waiting for it while it warms.
     */
    static boolean enter() {
        if (open) {
            return false;
        }
        synchronized (LOCK) {
            if (!started) {
                started = true;
                return true;
            }
            long until = System.currentTimeMillis() + MAX_WAIT_MILLIS;
            long left = MAX_WAIT_MILLIS;
            while (!open && left > 0) {
                try {
                    LOCK.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                left = until - System.currentTimeMillis();
            }
            return false;
        }
    }

    /** The first block has warmed the compiler (or ended): the others go. */
    static void done() {
        if (!open) {
            synchronized (LOCK) {
                open = true;
                LOCK.notifyAll();
            }
        }
    }
}
