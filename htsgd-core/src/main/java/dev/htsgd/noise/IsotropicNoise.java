package dev.htsgd.noise;

import dev.htsgd.check.Require;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Isotropic d-dimensional noise Z = R Theta (paper notes, section 1, multi-d; the ICLR 2-D experiment uses
 * Z = 0.75 W with ||W|| Pareto(1.2)): the radius R has the law of |Z_1| for a scalar {@link NoiseModel}
 * Z_1, and Theta is uniform on the unit sphere S^(d-1), independent of R (the limiting angular law S is
 * uniform). Exact radial tail P(||Z|| &gt; x) = H(x) of the scalar model, so lambda is that of the scalar model.
 *
 * @param radial the scalar law whose |Z| is the radius
 * @param dimension d &gt;= 1
 */
public record IsotropicNoise(NoiseModel radial, int dimension) implements VectorNoise {

    public IsotropicNoise {
        Require.given("radial", radial, "noise must be given");
        Require.atLeast("dimension", dimension, 1);
    }

    public static IsotropicNoise of(NoiseModel radial, int dimension) {
        return new IsotropicNoise(radial, dimension);
    }

    @Override
    public void sample(UniformRandomProvider rng, double[] out) {
        Draws.onSphere(rng, out, dimension, Math.abs(radial.sample(rng)));
    }

    @Override
    public double alpha() {
        return radial.alpha();
    }

    @Override
    public double radialTail(double x) {
        return radial.tail(x);
    }

    /** S uniform on the sphere. */
    @Override
    public AngularLaw angularLaw() {
        return AngularLaw.uniform(dimension);
    }

    @Override
    public String name() {
        return "isotropic-" + radial.name();
    }

    @Override
    public String describe() {
        return "isotropic d=" + dimension + ", ||Z|| ~ |" + radial.describe() + "|, direction uniform on the sphere";
    }
}
