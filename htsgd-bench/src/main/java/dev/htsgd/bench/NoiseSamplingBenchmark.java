package dev.htsgd.bench;

import dev.htsgd.noise.GaussianNoise;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.LomaxNoise;
import dev.htsgd.noise.MixtureNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.noise.StableNoise;
import dev.htsgd.noise.StudentNoise;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler;
import org.apache.commons.rng.sampling.distribution.StableSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Noise sampling throughput, samples per second (one op = one draw; 1,024 draws per invocation, summed so
 * nothing is eliminated). The peer for the Pareto-with-sign noise Z = c U W of the ICLR simulations is
 * Commons RNG's {@link InverseTransformParetoSampler} times a random sign from {@code nextBoolean()}; the
 * peers for stable and Gaussian are the Commons RNG {@link StableSampler} and
 * {@link ZigguratSampler.NormalizedGaussian} bound to the same generator (XO_RO_SHI_RO_128_PP, as the engine).
 *
 * <pre>java -jar htsgd-bench/target/htsgd-bench.jar NoiseSamplingBenchmark -f 1 -wi 2 -i 3</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class NoiseSamplingBenchmark {

    static final int N = 1024;

    UniformRandomProvider rng;
    NoiseModel pareto;
    NoiseModel paretoSkewed;
    NoiseModel lomax;
    NoiseModel mixture;
    NoiseModel stable;
    NoiseModel student;
    NoiseModel gaussian;
    IsotropicNoise isotropic2;
    double[] vector;
    ContinuousSampler commonsPareto;
    ContinuousSampler commonsStable;
    ContinuousSampler commonsGaussian;

    @Setup
    public void setup() {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20220201L);
        pareto = ParetoNoise.of(1.2, 0.1);
        paretoSkewed = ParetoNoise.of(1.2, 0.1, 0.3);
        lomax = LomaxNoise.of(1.5, 0.2);
        mixture = MixtureNoise.of(1.5, 0.2, 5.0);
        stable = StableNoise.of(1.5, 1.0);
        student = StudentNoise.of(1.5, 1.0);
        gaussian = GaussianNoise.of(1.0);
        isotropic2 = IsotropicNoise.of(ParetoNoise.of(1.2, 0.75), 2);
        vector = new double[2];
        commonsPareto = InverseTransformParetoSampler.of(rng, 0.1, 1.2);
        commonsStable = StableSampler.of(rng, 1.5, 0.0);
        commonsGaussian = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    private double draw(NoiseModel m) {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += m.sample(rng);
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double paretoWithSign() {
        return draw(pareto);
    }

    /** The peer: Commons RNG Pareto sampler times a random sign. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double commonsParetoWithSign() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            double w = commonsPareto.sample();
            s += rng.nextBoolean() ? w : -w;
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double paretoSkewedWithSign() {
        return draw(paretoSkewed);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double lomaxWithSign() {
        return draw(lomax);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double mixtureLomaxPlusNormal() {
        return draw(mixture);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double stable() {
        return draw(stable);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double commonsStable() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += commonsStable.sample();
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double student() {
        return draw(student);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double gaussian() {
        return draw(gaussian);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double commonsZigguratGaussian() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += commonsGaussian.sample();
        }
        return s;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double isotropicPareto2d() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            isotropic2.sample(rng, vector);
            s += vector[0];
        }
        return s;
    }
}
