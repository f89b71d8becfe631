package dev.htsgd.bench;

import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.GaussianNoise;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.sim.OccupationExperiment;
import dev.htsgd.sim.Streams;
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
 * Steps per second of the truncated recursion on the configuration of the ICLR Fig. 2 run (iclr1d, Pareto
 * alpha = 1.2, c = 0.1, b = 0.5, eta = 0.001, X_0 = 0.3). One operation is one step: the scores are steps per
 * second on one thread. {@code recursion} is the bare ClippedSgd loop (the peer of bench/iclr_sgd.c),
 * {@code occupation} adds the bookkeeping of {@code htsgd simulate} (basin, near-minimum, transitions).
 * Run with {@code -prof gc}: gc.alloc.rate.norm is the allocation per step (0 B: nothing is allocated).
 * Whole-process comparisons against C and numpy: bench/engine-bench.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EngineBenchmark {

    static final int STEPS = 1_000_000;

    @Param({"pareto"})
    public String noise;

    ClippedSgd sgd;
    OccupationExperiment occupation;
    long round;

    @Setup
    public void setup() {
        sgd = ClippedSgd.builder().objective(Iclr1d.of())
                .noise(noise.equals("gaussian") ? GaussianNoise.of(0.1) : ParetoNoise.of(1.2, 0.1))
                .eta(0.001).clip(0.5).x0(0.3).build();
        occupation = OccupationExperiment.builder().sgd(sgd).steps(STEPS).paths(1).seed(20220201L).build();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double recursion() {
        return sgd.run(0.3, STEPS, Streams.forReplication(20220201L, round++));
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long occupation() {
        return occupation.runPath(0).inField()[1];
    }
}
