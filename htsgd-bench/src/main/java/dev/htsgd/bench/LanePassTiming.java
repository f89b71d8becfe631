package dev.htsgd.bench;

import dev.htsgd.dynamics.LanePasses;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.theory.Basins;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a step of the vector engine goes (issue 15): the passes of one step of {@code htsgd simulate} on iclr1d
 * with Pareto noise (alpha 1.2, c 0.1), b 0.5, eta 0.001, timed one by one on a block of W lanes in one warm JVM.
 * Each pass is called 200,000 times a round in thread CPU time (a shared machine's stolen time does not count);
 * after 10 warm-up rounds the figure is the minimum over 30 rounds, the least disturbed. The passes are those of
 * {@code LaneBlock} (noise: next, logUniform, expMul, signed; gradient: iclrLog, expMul, iclrExp, iclrPoly,
 * iclrCombine; then update and the occupation counts), so their sum is close to the step of
 * {@code VectorEngineBenchmark}, without its loop.
 *
 * <p>Run (after {@code ./mvnw -q package -pl htsgd-bench -am -DskipTests}): {@code java
 * @htsgd-core/src/main/resources/dev/htsgd/dynamics/vector-engine.options -XX:+UseSerialGC -cp
 * 'htsgd-bench/target/htsgd-bench.jar:htsgd-bench/target/lib/*' dev.htsgd.bench.LanePassTiming [lanes=16]};
 * prints one line a pass and the sum.
 */
public final class LanePassTiming {

    private static final String[] PASSES = {"next", "logUniform", "expMul (noise)", "signed", "iclrLog",
        "expMul (power)", "iclrExp", "iclrPoly", "iclrCombine", "update", "occupation"};

    private LanePassTiming() {
    }

    public static void main(String[] args) {
        int w = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        if (w <= 0 || w % LanePasses.width() != 0) {
            throw new IllegalArgumentException("lanes must be a positive multiple of " + LanePasses.width() + ", got " + w);
        }
        ThreadMXBean tm = ManagementFactory.getThreadMXBean();
        // iclr1d's maxima and minima as the occupation pass gets them, and the default epsilon 0.05
        Basins basins = Basins.of(Iclr1d.of());
        double[] s = basins.maxima();
        double[] m = basins.minima();
        double lo = -Iclr1d.L;
        double hi = Iclr1d.L;
        double[] x = new double[w];
        double[] y = new double[w];
        double[] a = new double[w];
        double[] b = new double[w];
        double[] p = new double[w];
        double[] dp = new double[w];
        double[] g = new double[w];
        double[] t = new double[w];
        double[] z = new double[w];
        double[] cur = new double[w];
        double[] fidx = new double[w];
        double[][] c = new double[7][w];
        long[] s0 = new long[w];
        long[] s1 = new long[w];
        long[] s2 = new long[w];
        long[] s3 = new long[w];
        long[] r = new long[w];
        for (int i = 0; i < w; i++) {
            x[i] = lo + 0.1 + (hi - lo - 0.2) * i / w; // spread over iclr1d's domain: every field, no lane on a maximum
            s0[i] = 0x9E3779B97F4A7C15L * (i + 1);
            s1[i] = i * 31L + 7;
            s2[i] = 12345L + i;
            s3[i] = ~i;
        }
        double[] best = new double[PASSES.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        double sink = 0;
        int calls = 200_000;
        for (int round = 0; round < 40; round++) {
            for (int k = 0; k < PASSES.length; k++) {
                long t0 = tm.getCurrentThreadCpuTime();
                for (int n = 0; n < calls; n++) {
                    switch (k) {
                        case 0 -> LanePasses.next(s0, s1, s2, s3, r, w);
                        case 1 -> LanePasses.logUniform(r, -1 / 1.2, a, w);
                        case 2 -> LanePasses.expMul(a, 1.0, t, w);
                        case 3 -> LanePasses.signed(t, 0, 0.1, r, null, 0.5, 0, z, w);
                        case 4 -> LanePasses.iclrLog(x, a, w);
                        case 5 -> LanePasses.expMul(a, 0.6, b, w);
                        case 6 -> LanePasses.iclrExp(x, a, w);
                        case 7 -> LanePasses.iclrPoly(x, p, dp, w);
                        case 8 -> LanePasses.iclrCombine(x, b, a, p, dp, g, w);
                        case 9 -> LanePasses.update(x, g, z, 0, -0.001, 0.001, 0.5, lo, hi, y, w);
                        default -> LanePasses.occupation(x, s[0], s[1], s[2], m[0], m[1], m[2], m[3], 0.05 * 0.05, c,
                                cur, fidx, w);
                    }
                }
                double ns = (tm.getCurrentThreadCpuTime() - t0) / (double) calls;
                if (round >= 10) {
                    best[k] = Math.min(best[k], ns);
                }
                sink += g[1] + y[w - 1] + z[0];
            }
        }
        double total = 0;
        for (int k = 0; k < PASSES.length; k++) {
            System.out.printf(Locale.ROOT, "%-15s %6.1f ns per %d lanes%n", PASSES[k], best[k], w);
            total += best[k];
        }
        System.out.printf(Locale.ROOT, "%-15s %6.1f ns (%.1f M lane-steps/s; K = %d)%n", "sum", total, w * 1e3 / total,
                LanePasses.width());
        if (sink == 42) {
            System.out.println(); // keeps the results alive
        }
    }
}
