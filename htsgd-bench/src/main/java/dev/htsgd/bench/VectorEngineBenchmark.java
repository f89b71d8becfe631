package dev.htsgd.bench;

import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.noise.Noises;
import dev.htsgd.sim.OccupationExperiment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state lane-steps per second of the vector engine (issue 15) on blocks of 16 or 8 lanes: {@code htsgd simulate
 * --paths 16 --threads 1 --engine vector} without the JVM start and the JIT warm-up, on iclr1d, on the expr:
 * landscape x^4/10 - x^2 (the lane tape) and with the noises the lanes sample (Pareto alpha 1.2 c 0.1; mixture
 * 0.1 W + 0.1 N; stable alpha 1.5 s 0.1; Student-t nu 1.5 s 0.1), b = 0.5, eta = 0.001, X_0 = 0.3. One operation is one lane-step (16 lanes: one block; 8: two blocks one after the other). Run
 * with {@code -prof gc}: gc.alloc.rate.norm per lane-step is the hot loop's allocation (the block's arrays and
 * results, allocated once per 100,000 steps, amortise to a fraction of a byte). The fork runs with the launcher's
 * flags for the vector engine (the serial collector, the passes of LanePasses compiled one by one). Measured
 * 2026-12-02: 0.05 B for every setting; without the dontinline option 24 B for mixture and stable, 65 B for
 * Student-t (C2 runs past NodeCountInliningCutoff where their passes are inlined into one compiled method, and
 * VectorMath's functions then take and return boxed vectors).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC", "-XX:CompileCommand=quiet",
        "-XX:CompileCommand=dontinline,dev.htsgd.dynamics.LanePasses::*"})
public class VectorEngineBenchmark {

    static final int STEPS = 100_000;

    /** Lanes of the block: 16 = one thread's share of --paths 16 on one thread, 8 = on two threads. */
    @Param({"16", "8"})
    public int lanes;

    @Param({"iclr1d:pareto", "expr:x^4/10-x^2:pareto", "iclr1d:mixture", "iclr1d:stable", "iclr1d:student"})
    public String setting;

    OccupationExperiment occupation;

    @Setup
    public void setup() {
        int cut = setting.lastIndexOf(':');
        String noise = setting.substring(cut + 1);
        ClippedSgd sgd = ClippedSgd.builder().objective(Landscapes.of(setting.substring(0, cut)))
                .noise(noise.equals("pareto") ? Noises.of("pareto", 1.2, 0.1, 0)
                        : noise.equals("mixture") ? Noises.of("mixture", 1.2, 0.1, 0.1)
                        : noise.equals("student") ? Noises.of("student", 1.5, 0.1, 0) : Noises.of("stable", 1.5, 0.1, 0))
                .eta(0.001).clip(0.5).x0(0.3).build();
        occupation = OccupationExperiment.builder().sgd(sgd).steps(STEPS).paths(lanes).seed(20220201L)
                .engine(Engine.VECTOR).build();
    }

    @Benchmark
    @OperationsPerInvocation(16 * STEPS)
    public long block() {
        long sum = 0;
        for (int done = 0; done < 16; done += lanes) {
            sum += occupation.runBlock(0, lanes).get(0).inField()[0];
        }
        return sum;
    }
}
