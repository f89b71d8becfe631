package dev.htsgd.cli.report;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar with an ETA on stderr for long runs. It stays silent for the first
 * {@link #QUIET_START_MILLIS} ms (short runs print nothing), when disabled ({@code --quiet}, or JSON output
 * with no terminal), and redraws at most every {@link #REDRAW_MILLIS} ms; on a terminal it redraws one line
 * with {@code \r}, otherwise (a log file) it prints a line every 10%. {@link #advance(long)} is thread-safe and
 * cheap, so worker threads call it per completed unit. Closing prints a final line with the elapsed time if
 * anything was shown.
 */
public final class Progress implements AutoCloseable {

    static final long QUIET_START_MILLIS = 1_500;
    static final long REDRAW_MILLIS = 250;
    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final boolean enabled;
    private final boolean terminal;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDraw;
    private volatile int lastDecile = -1;
    private volatile boolean shown;

    private Progress(String label, long total, boolean enabled, boolean terminal, PrintStream err) {
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
        this.terminal = terminal;
        this.err = err;
    }

    /** A bar over {@code total} units on stderr; {@code quiet} turns it off. */
    public static Progress start(String label, long total, boolean quiet) {
        return new Progress(label, total, !quiet, System.console() != null, System.err);
    }

    /** A bar that prints nothing. */
    public static Progress none() {
        return new Progress("", 1, false, false, System.err);
    }

    /** For tests: explicit stream and terminal mode. */
    static Progress start(String label, long total, boolean enabled, boolean terminal, PrintStream err) {
        return new Progress(label, total, enabled, terminal, err);
    }

    /** Units done so far. */
    public long done() {
        return done.get();
    }

    public long total() {
        return total;
    }

    /** Marks {@code n} more units done (thread-safe). */
    public void advance(long n) {
        long d = done.addAndGet(n);
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        long elapsedMs = (now - start) / 1_000_000;
        if (elapsedMs < QUIET_START_MILLIS && d < total) {
            return;
        }
        if (terminal) {
            if (elapsedMs - lastDraw >= REDRAW_MILLIS || d >= total) {
                synchronized (this) {
                    lastDraw = elapsedMs;
                    err.print("\r" + line(d, elapsedMs));
                    err.flush();
                    shown = true;
                }
            }
        } else {
            int decile = (int) Math.min(10, 10 * d / total);
            if (decile > lastDecile) {
                synchronized (this) {
                    if (decile > lastDecile) {
                        lastDecile = decile;
                        if (elapsedMs >= QUIET_START_MILLIS) {
                            err.println(line(d, elapsedMs));
                            err.flush();
                            shown = true;
                        }
                    }
                }
            }
        }
    }

    /** Marks one more unit done. */
    public void step() {
        advance(1);
    }

    /** The rendered bar: label, bar, percentage, counts, elapsed and ETA. */
    String line(long d, long elapsedMs) {
        double f = Math.min(1.0, (double) d / total);
        int full = (int) Math.round(f * WIDTH);
        String bar = "#".repeat(full) + " ".repeat(WIDTH - full);
        String eta = d == 0 ? "?" : formatDuration((long) (elapsedMs * (total - d) / (double) d));
        return String.format(Locale.ROOT, "%s [%s] %3.0f%% %d/%d elapsed %s ETA %s   ",
                label, bar, 100 * f, d, total, formatDuration(elapsedMs), eta);
    }

    /** 0:05, 1:23, 1:02:03. */
    static String formatDuration(long ms) {
        long s = Math.max(0, ms / 1000);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    @Override
    public synchronized void close() {
        if (shown) {
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            if (terminal) {
                err.print("\r" + line(done.get(), elapsedMs));
                err.println();
            }
            err.flush();
        }
    }
}
