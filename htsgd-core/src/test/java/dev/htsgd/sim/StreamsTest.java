package dev.htsgd.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamsTest {

    @Test
    void sameSeedAndIndexGiveTheSameStream() {
        assertThat(Streams.forReplication(7, 3).nextLong()).isEqualTo(Streams.forReplication(7, 3).nextLong());
    }

    @Test
    void streamsDifferAcrossIndicesAndSeeds() {
        Set<Long> first = new HashSet<>();
        for (long s = 0; s < 20; s++) {
            for (long i = 0; i < 500; i++) {
                first.add(Streams.forReplication(s, i).nextLong());
            }
        }
        assertThat(first).hasSize(20 * 500);
    }

    @Test
    void neighbouringStreamsAreUncorrelated() {
        // correlation of 100,000 uniforms of streams 0 and 1: |r| < 5 / sqrt(n) = 0.016 (5 standard errors)
        var a = Streams.forReplication(42, 0);
        var b = Streams.forReplication(42, 1);
        int n = 100_000;
        double sab = 0;
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            double u = a.nextDouble();
            double v = b.nextDouble();
            sab += u * v;
            sa += u;
            sb += v;
            saa += u * u;
            sbb += v * v;
        }
        double cov = sab / n - sa / n * sb / n;
        double r = cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
        assertThat(Math.abs(r)).isLessThan(5 / Math.sqrt(n));
    }

    /** The collision of additive offsets (seed s, setting 1 = seed s + 7919, setting 0) cannot happen with keys. */
    @Test
    void keyedSettingsNeverReuseAnotherSeedsStreams() {
        assertThat(Streams.key(5, "global-dynamics", 1)).isNotEqualTo(Streams.key(5 + 7919, "global-dynamics", 0));
        assertThat(Streams.key(5, "two-d", 0)).isNotEqualTo(Streams.key(5, "global-dynamics", 0));
        assertThat(Streams.key(5, "two-d", 3)).isEqualTo(Streams.key(5, "two-d", 3));
        Set<Long> keys = new HashSet<>();
        for (long s = 0; s < 200; s++) {
            for (long k = 0; k < 50; k++) {
                keys.add(Streams.key(s, "rare-event", k));
                keys.add(Streams.key(s, "two-d", k));
            }
        }
        assertThat(keys).hasSize(2 * 200 * 50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Streams.key(1, "", 0)).hasMessageContaining("study");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Streams.key(1, "x", -1)).hasMessageContaining("setting");
    }
}
