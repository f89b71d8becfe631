package dev.htsgd.cli.option;

import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.Noises;
import dev.htsgd.noise.VectorNoise;
import picocli.CommandLine.Option;

/**
 * The noise options shared by the commands (architecture.md): {@code --noise --alpha --scale --normal-scale
 * --p-plus}. Mix in with {@code @Mixin NoiseOptions noise;} and call {@link #model()}; commands that rely on
 * the theory call {@code model().requireFiniteMean()} (alpha &gt; 1).
 */
public final class NoiseOptions {

    @Option(names = "--noise", paramLabel = "FAMILY", defaultValue = Defaults.NOISE,
            description = "Noise family: pareto | lomax | stable | student | gaussian | mixture (default: ${DEFAULT-VALUE}).")
    public String family = "pareto";

    @Option(names = "--alpha", paramLabel = "A", defaultValue = Defaults.ALPHA,
            description = "Tail index alpha (stable: in (0, 2]; student: degrees of freedom; ignored for gaussian) (default: ${DEFAULT-VALUE}).")
    public double alpha = 1.2;

    @Option(names = "--scale", paramLabel = "C", defaultValue = Defaults.SCALE,
            description = "Scale c of the noise (mixture: c_pareto of the heavy part; gaussian: standard deviation) (default: ${DEFAULT-VALUE}).")
    public double scale = 0.1;

    @Option(names = "--normal-scale", paramLabel = "C", defaultValue = "1.0",
            description = "c_normal of the Gaussian part of mixture noise (default: ${DEFAULT-VALUE}).")
    public double normalScale = 1.0;

    @Option(names = "--p-plus", paramLabel = "P", defaultValue = "0.5",
            description = "Weight p+ of the positive tail (pareto, lomax, mixture; the law is then centred to mean zero) (default: ${DEFAULT-VALUE}).")
    public double pPlus = 0.5;

    /** The scalar noise law; one-line errors naming the option for bad values. */
    public NoiseModel model() {
        return Noises.of(family, alpha, scale, normalScale, pPlus);
    }

    /** Isotropic d-dimensional noise whose radius has the law of |Z| for {@link #model()}. */
    public VectorNoise isotropic(int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dim);
        }
        return IsotropicNoise.of(model(), dim);
    }
}
