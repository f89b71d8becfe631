package dev.htsgd.bench;

import dev.htsgd.dynamics.Engine;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.study.RareEventStudy;
import java.util.Arrays;
import java.util.Locale;

/**
 * Steady-state speed of the rare-event study on the vector engine against its peer, the scalar engine (issue 15):
 * LD Table 2.1 at eta 1/1000, b 1.5, importance sampling, one thread, in one JVM. Rounds alternate the engines
 * (scalar, vector), each on a fresh seed; the first {@code warm} rounds are dropped (the JIT compiler's warm-up,
 * which a short command pays, is measured separately by {@code bench/engine-bench.sh}); the figure is the median
 * over the remaining rounds of the per-round ratio of path-steps per second, vector / scalar.
 *
 * <p>Run (after {@code ./mvnw -q package -pl htsgd-bench -am -DskipTests}): {@code java --add-modules
 * jdk.incubator.vector -cp 'htsgd-bench/target/htsgd-bench.jar:htsgd-bench/target/lib/*'
 * dev.htsgd.bench.RareEventEngineTiming [rounds=5] [paths=50000] [warm=1]}; prints one JSON line.
 */
public final class RareEventEngineTiming {

    private RareEventEngineTiming() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long paths = args.length > 1 ? Long.parseLong(args[1]) : 50_000;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        JumpNoise ld = JumpNoise.ldMixture(1.5, 0.2, 5);
        RareEventStudy study = new RareEventStudy();
        double[] ratio = new double[rounds - warm];
        double[][] rate = new double[2][rounds - warm];
        for (int r = 0; r < rounds; r++) {
            double[] sps = new double[2];
            Engine[] engines = {Engine.SCALAR, Engine.VECTOR};
            for (int k = 0; k < 2; k++) {
                RareEventStudy.Settings s = RareEventStudy.Settings.of("ld-quartic", ld, 1.5, 0.001, 2.5, 0, 0,
                        RareEventStudy.Method.IS, null, paths, RareEventStudy.BATCH, engines[k]);
                long t0 = System.nanoTime();
                RareEventEstimate e = StudyRunner.of(1).run(study, s, 100 + r).estimate();
                sps[k] = e.steps() / ((System.nanoTime() - t0) * 1e-9);
            }
            if (r >= warm) {
                ratio[r - warm] = sps[1] / sps[0];
                rate[0][r - warm] = sps[0];
                rate[1][r - warm] = sps[1];
            }
        }
        double[] q = ratio.clone();
        Arrays.sort(q);
        System.out.printf(Locale.ROOT, "{\"paths\": %d, \"rounds\": %d, \"scalar_steps_per_second\": %s, "
                + "\"vector_steps_per_second\": %s, \"vector_vs_scalar\": {\"median\": %.3f, \"min\": %.3f, \"max\": %.3f}}%n",
                paths, q.length, Arrays.toString(rate[0]), Arrays.toString(rate[1]), q[q.length / 2], q[0],
                q[q.length - 1]);
    }
}
