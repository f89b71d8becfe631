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
import java.util.function.DoubleSupplier;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Noise sampling throughput, samples per second (one op = one draw; 1,024 draws per invocation, summed so
 * nothing is eliminated), one benchmark over the parameter {@code law}: htsgd's noise models and their Commons RNG
 * peers. The peer for the Pareto-with-sign noise Z = c U W of the ICLR simulations is Commons RNG's
 * {@link InverseTransformParetoSampler} times a random sign from {@code nextBoolean()}; the peers for stable and
 * Gaussian are the Commons RNG {@link StableSampler} and {@link ZigguratSampler.NormalizedGaussian} bound to the
 * same generator (XO_RO_SHI_RO_128_PP, as the engine). Each law runs in its own fork, so the draw is monomorphic.
 *
 * <pre>java -jar htsgd-bench/target/htsgd-bench.jar NoiseSamplingBenchmark -f 1 -wi 2 -i 3 [-p law=stable,commons-stable]</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class NoiseSamplingBenchmark {

    static final int N = 1024;

    @Param({"pareto-with-sign", "commons-pareto-with-sign", "pareto-skewed-with-sign", "lomax-with-sign",
        "mixture-lomax-plus-normal", "stable", "commons-stable", "student", "gaussian", "commons-ziggurat-gaussian",
        "isotropic-pareto-2d"})
    String law;

    DoubleSupplier draw;

    @Setup
    public void setup() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20220201L);
        draw = switch (law) {
            case "pareto-with-sign" -> of(ParetoNoise.of(1.2, 0.1), rng);
            case "commons-pareto-with-sign" -> {
                ContinuousSampler w = InverseTransformParetoSampler.of(rng, 0.1, 1.2);
                yield () -> {
                    double x = w.sample();
                    return rng.nextBoolean() ? x : -x;
                };
            }
            case "pareto-skewed-with-sign" -> of(ParetoNoise.of(1.2, 0.1, 0.3), rng);
            case "lomax-with-sign" -> of(LomaxNoise.of(1.5, 0.2), rng);
            case "mixture-lomax-plus-normal" -> of(MixtureNoise.of(1.5, 0.2, 5.0), rng);
            case "stable" -> of(StableNoise.of(1.5, 1.0), rng);
            case "commons-stable" -> StableSampler.of(rng, 1.5, 0.0)::sample;
            case "student" -> of(StudentNoise.of(1.5, 1.0), rng);
            case "gaussian" -> of(GaussianNoise.of(1.0), rng);
            case "commons-ziggurat-gaussian" -> ZigguratSampler.NormalizedGaussian.of(rng)::sample;
            case "isotropic-pareto-2d" -> {
                IsotropicNoise isotropic = IsotropicNoise.of(ParetoNoise.of(1.2, 0.75), 2);
                double[] v = new double[2];
                yield () -> {
                    isotropic.sample(rng, v);
                    return v[0];
                };
            }
            default -> throw new IllegalArgumentException("unknown law " + law);
        };
    }

    private static DoubleSupplier of(NoiseModel m, UniformRandomProvider rng) {
        return () -> m.sample(rng);
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double sample() {
        double s = 0;
        for (int i = 0; i < N; i++) {
            s += draw.getAsDouble();
        }
        return s;
    }
}
