package dev.htsgd.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressAndCheckpointTest {

    /** A progress off a terminal on a clock the test sets (nanoseconds in now[0]), printing into a buffer. */
    private static final class OffTerminal {
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final long[] now = {0};
        final Progress progress;

        OffTerminal(String name, long total) {
            progress = Progress.start(name, total, true, false, new PrintStream(buf, true, StandardCharsets.UTF_8),
                    () -> now[0]);
        }

        /** Closes the progress and returns the lines it printed. */
        String[] closedLines() {
            progress.close();
            return buf.toString(StandardCharsets.UTF_8).split("\n");
        }
    }

    @TempDir
    Path tmp;

    @Test
    void progressLineShowsPercentageAndEta() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = Progress.start("run", 200, true, false, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertThat(p.line(50, 10_000)).contains(" 25%").contains("50/200").contains("elapsed 0:10").contains("ETA 0:30");
        assertThat(Progress.formatDuration(3_723_000)).isEqualTo("1:02:03");
        p.advance(200); // finishing before the quiet start prints nothing
        p.close();
        assertThat(buf.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /** Off a terminal (a log, a script reading JSON): a plain line at most every 10 s, and one when done. */
    @Test
    void offATerminalAPlainLineAtMostEveryTenSeconds() {
        OffTerminal c = new OffTerminal("train", 100);
        long[] at = {1_000, 2_000, 5_000, 11_900, 12_500, 30_000, 31_000};
        for (long ms : at) {
            c.now[0] = ms * 1_000_000L;
            c.progress.advance(ms == 31_000 ? 100 - 6 : 1);
        }
        String[] lines = c.closedLines();
        // 2 s (first after the quiet start), 12.5 s, 30 s (10 s apart at least), 31 s (done)
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("train: 2% (2/100), elapsed 0:02, ETA 1:38");
        assertThat(lines[3]).startsWith("train: 100% (100/100), elapsed 0:31");
    }

    /** A unit that takes minutes still gets a line every 10 s: the heartbeat prints between advances. */
    @Test
    void offATerminalTheHeartbeatPrintsWhileNoUnitCompletes() {
        OffTerminal c = new OffTerminal("sharpness", 4);
        c.progress.advance(1);
        for (long ms : new long[] {1_000, 5_000, 12_000, 15_000, 22_500}) {
            c.now[0] = ms * 1_000_000L;
            c.progress.beat(); // what the heartbeat thread does every 10 s
        }
        String[] lines = c.closedLines();
        // 5 s (the first after the quiet start) and 15 s (10 s later); none at 1 s, 12 s or 22.5 s
        assertThat(lines).containsExactly("sharpness: 25% (1/4), elapsed 0:05, ETA 0:15",
                "sharpness: 25% (1/4), elapsed 0:15, ETA 0:45");
    }

    @Test
    void checkpointRoundTripsDoublesExactly() {
        Checkpoint c = Checkpoint.open(tmp, "f", 0);
        double v = Math.nextUp(1.0 / 3.0);
        c.put("k", v);
        Checkpoint d = Checkpoint.open(tmp, "f");
        assertThat(d.get("k", Double.class)).isEqualTo(v);
        assertThat(d.size()).isEqualTo(1);
        assertThat(Checkpoint.open(tmp, "g").fingerprintMatches()).isFalse();
    }
}
