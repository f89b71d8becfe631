package dev.htsgd.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar with an ETA on stderr for long runs. It stays silent for the first
 * {@link #QUIET_START_MILLIS} ms (short runs print nothing), when disabled ({@code --quiet}, or JSON output
 * with no terminal), and redraws at most every {@link #REDRAW_MILLIS} ms; on a terminal it redraws one line
 * with {@code \r}; otherwise (a log file, a script reading {@code --format json} from stdout) it prints a plain
 * line (percentage, counts, elapsed, ETA) at most every {@link #PLAIN_MILLIS} ms and one when done, so a long
 * run is never silent for minutes, even while no unit completes (a heartbeat thread prints the same line every
 * {@link #PLAIN_MILLIS} ms between advances, for loops whose units take minutes). {@code --quiet} silences both. {@link #advance(long)} is thread-safe and
 * cheap, so worker threads call it per completed unit. Closing prints a final line with the elapsed time if
 * anything was shown.
 */
public final class Progress implements AutoCloseable {

    static final long QUIET_START_MILLIS = 1_500;
    static final long REDRAW_MILLIS = 250;
    /** Least time between two plain lines off a terminal. */
    static final long PLAIN_MILLIS = 10_000;
    private static final int WIDTH = 30;

    private final String label;
    private final long total;
    private final boolean enabled;
    private final boolean terminal;
    private final PrintStream err;
    private final java.util.function.LongSupplier nanos;
    private final long start;
    private final AtomicLong done = new AtomicLong();
    private volatile long lastDraw;
    private volatile long lastPlain = -PLAIN_MILLIS;
    private volatile boolean finished;
    private volatile boolean shown;
    private volatile Thread heartbeat;

    private Progress(String label, long total, boolean enabled, boolean terminal, PrintStream err,
            java.util.function.LongSupplier nanos) {
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
        this.terminal = terminal;
        this.err = err;
    }

    /** A bar over {@code total} units on stderr; {@code quiet} turns it off. */
    public static Progress start(String label, long total, boolean quiet) {
        Progress p = new Progress(label, total, !quiet, System.console() != null, System.err, System::nanoTime);
        if (p.enabled && !p.terminal) {
            p.startHeartbeat(PLAIN_MILLIS);
        }
        return p;
    }

    /** Off a terminal: a daemon thread that prints the plain line when no advance has for {@code every} ms. */
    void startHeartbeat(long every) {
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(every);
                    beat();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "htsgd-progress-" + label);
        t.setDaemon(true);
        heartbeat = t;
        t.start();
    }

    /** Prints the plain line if the last one is at least {@link #PLAIN_MILLIS} old and the run is not done. */
    void beat() {
        long elapsedMs = (nanos.getAsLong() - start) / 1_000_000;
        long d = done.get();
        if (d >= total || elapsedMs < QUIET_START_MILLIS) {
            return;
        }
        synchronized (this) {
            if (elapsedMs - lastPlain >= PLAIN_MILLIS) {
                lastPlain = elapsedMs;
                err.println(plainLine(d, elapsedMs));
                err.flush();
                shown = true;
            }
        }
    }

    /** A bar that prints nothing. */
    public static Progress none() {
        return new Progress("", 1, false, false, System.err, System::nanoTime);
    }

    /** For tests: explicit stream and terminal mode. */
    static Progress start(String label, long total, boolean enabled, boolean terminal, PrintStream err) {
        return new Progress(label, total, enabled, terminal, err, System::nanoTime);
    }

    /** For tests: explicit stream, terminal mode and clock (nanoseconds). */
    static Progress start(String label, long total, boolean enabled, boolean terminal, PrintStream err,
            java.util.function.LongSupplier nanos) {
        return new Progress(label, total, enabled, terminal, err, nanos);
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
        long now = nanos.getAsLong();
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
        } else if (elapsedMs >= QUIET_START_MILLIS && (elapsedMs - lastPlain >= PLAIN_MILLIS || (d >= total && !finished))) {
            synchronized (this) {
                if (elapsedMs - lastPlain >= PLAIN_MILLIS || (d >= total && !finished)) {
                    lastPlain = elapsedMs;
                    finished |= d >= total;
                    err.println(plainLine(d, elapsedMs));
                    err.flush();
                    shown = true;
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

    /** The line off a terminal: label, percentage, counts, elapsed and ETA, without the bar. */
    String plainLine(long d, long elapsedMs) {
        double f = Math.min(1.0, (double) d / total);
        String eta = d == 0 ? "?" : formatDuration((long) (elapsedMs * (total - d) / (double) d));
        return String.format(Locale.ROOT, "%s: %.0f%% (%d/%d), elapsed %s, ETA %s", label, 100 * f, d, total,
                formatDuration(elapsedMs), eta);
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
        Thread t = heartbeat;
        if (t != null) {
            t.interrupt();
        }
        if (shown) {
            long elapsedMs = (nanos.getAsLong() - start) / 1_000_000;
            if (terminal) {
                err.print("\r" + line(done.get(), elapsedMs));
                err.println();
            }
            err.flush();
        }
    }
}
