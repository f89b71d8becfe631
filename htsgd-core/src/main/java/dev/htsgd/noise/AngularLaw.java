package dev.htsgd.noise;

import dev.htsgd.check.Require;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The limiting angular law S of a d-dimensional heavy-tailed noise (paper notes, section 1, multi-d): the law
 * of the direction Z / ||Z|| given that ||Z|| is large. With it the d-dimensional Levy measure is
 * nu_alpha(dw) = alpha r^(-alpha-1) dr S(dtheta) for w = r theta ({@link VectorLevyMeasure}).
 *
 * <ul>
 *   <li>{@link Uniform}: S uniform on the unit sphere S^(d-1), the law of {@link IsotropicNoise};</li>
 *   <li>{@link Axes}: S on the 2d points +-e_k, S(+e_k) = p+ / d and S(-e_k) = p- / d, the law of
 *       {@link IndependentNoise} with heavy-tailed coordinates: a big jump moves one coordinate at a time, and
 *       P(||Z|| &gt; x) ~ d H(x) shares its mass equally among the coordinates.</li>
 * </ul>
 */
public sealed interface AngularLaw permits AngularLaw.Uniform, AngularLaw.Axes {

    /** Dimension d of the sphere's ambient space. */
    int dimension();

    /** Writes one direction theta ~ S (a unit vector) into {@code out}. */
    void sample(UniformRandomProvider rng, double[] out);

    /** In words, for reports. */
    String describe();

    /** The uniform law on the sphere. */
    static Uniform uniform(int dimension) {
        return new Uniform(dimension);
    }

    /** The law on the axes with tail weights p+ and p- = 1 - p+ of each coordinate. */
    static Axes axes(int dimension, double pPlus) {
        return new Axes(dimension, pPlus);
    }

    /** S uniform on S^(d-1). */
    record Uniform(int dimension) implements AngularLaw {
        public Uniform {
            Require.atLeast("dimension", dimension, 1);
        }

        @Override
        public void sample(UniformRandomProvider rng, double[] out) {
            Draws.onSphere(rng, out, dimension, 1.0);
        }

        @Override
        public String describe() {
            return "uniform on the sphere S^" + (dimension - 1);
        }
    }

    /**
     * S on the axes: mass p+ / d at each +e_k and p- / d at each -e_k.
     *
     * @param pPlus the coordinates' tail weight p+ in [0, 1]
     */
    record Axes(int dimension, double pPlus) implements AngularLaw {
        public Axes {
            Require.atLeast("dimension", dimension, 1);
            Require.closed("pPlus", pPlus, 0, 1);
        }

        /** The number of atoms, 2d: +e_0, -e_0, +e_1, ... */
        public int atoms() {
            return 2 * dimension;
        }

        /** Writes atom a (+e_{a/2} for even a, -e_{a/2} for odd a) into {@code out} and returns its mass S(atom). */
        public double atom(int a, double[] out) {
            java.util.Arrays.fill(out, 0);
            out[a / 2] = a % 2 == 0 ? 1 : -1;
            return (a % 2 == 0 ? pPlus : 1 - pPlus) / dimension;
        }

        @Override
        public void sample(UniformRandomProvider rng, double[] out) {
            java.util.Arrays.fill(out, 0);
            out[rng.nextInt(dimension)] = rng.nextDouble() < pPlus ? 1 : -1;
        }

        @Override
        public String describe() {
            return "on the coordinate axes, S(+e_k) = p+/d = " + pPlus / dimension + ", S(-e_k) = p-/d = "
                    + (1 - pPlus) / dimension;
        }
    }
}
