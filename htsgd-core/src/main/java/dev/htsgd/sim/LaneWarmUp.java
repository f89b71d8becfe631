package dev.htsgd.sim;

/**
 * The JVM's first block of the vector engine warms the JIT compiler alone: a block that starts while the first one
 * has run fewer than {@link #STEPS} steps waits for it (at most {@code maxWaitMillis}, after which the gate stays
 * open). Until C2 has compiled
 * the passes, a step of interpreted Vector API code costs a thousand compiled ones, and on a machine with as many
 * workers as cores every worker would pay that phase at once while the compiler threads wait for a core. One
 * worker pays it, the others start on compiled passes (measured: 16 paths on 2 threads went from 0.9-1.1x to
 * 1.1-1.4x one thread at 1e7 steps). Only the speed changes: every path's result is its own whatever block,
 * thread or moment runs it.
 */
final class LaneWarmUp {

    /** Steps of the first block before the others start: past the passes' C2 compilation (measured below 20,000). */
    static final long STEPS = 1L << 16;

    /** The JVM's gate, which every block of {@link VectorLoops} passes. */
    static final LaneWarmUp JVM = new LaneWarmUp(3000);

    private final long maxWaitMillis;
    private boolean started;
    private volatile boolean open;

    /** A gate whose later blocks wait at most {@code maxWaitMillis} for the first. */
    LaneWarmUp(long maxWaitMillis) {
        this.maxWaitMillis = maxWaitMillis;
    }

    /**
     * Called as a block starts: true for the first block (which then calls {@link #done()} after {@link #STEPS}
     * steps or when it ends, whichever comes first); the others return false, after waiting for it while it warms.
     */
    boolean enter() {
        if (open) {
            return false;
        }
        synchronized (this) {
            if (!started) {
                started = true;
                return true;
            }
            long until = System.currentTimeMillis() + maxWaitMillis;
            long left = maxWaitMillis;
            while (!open && left > 0) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                left = until - System.currentTimeMillis();
            }
            // a first block that never reports (it failed, or runs without a compiler) must not hold up every later
            // block of this JVM by the whole wait: the first wait that runs out opens the gate for good
            open = true;
            notifyAll();
            return false;
        }
    }

    /** The first block has warmed the compiler (or ended): the others go. */
    void done() {
        if (!open) {
            synchronized (this) {
                open = true;
                notifyAll();
            }
        }
    }
}
