package dev.htsgd.dynamics;

import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Test noises for the recursion: the symmetric Pareto noise c U W of the library, a constant Z = c (no
 * randomness, alpha = inf) that makes a step exactly predictable, and the Rademacher noise Z = +-c with
 * probability 1/2 each (one bit per draw) whose paths are simple random walks.
 *
 * @param c the value (constant) or the magnitude (Rademacher)
 * @param symmetric true for +-c with probability 1/2 each, false for c with probability 1
 */
public record StandInNoise(double c, boolean symmetric) implements NoiseModel {

    /** Z = c U W, W Pareto type I: the library's {@link ParetoNoise}. */
    public static NoiseModel pareto(double alpha, double c) {
        return ParetoNoise.of(alpha, c);
    }

    /** Z = c with probability 1. */
    public static StandInNoise constant(double c) {
        return new StandInNoise(c, false);
    }

    /** Z = +c or -c with probability 1/2 each. */
    public static StandInNoise rademacher(double c) {
        return new StandInNoise(c, true);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return !symmetric || rng.nextBoolean() ? c : -c;
    }

    @Override
    public double tail(double x) {
        return x < Math.abs(c) ? 1 : 0;
    }

    @Override
    public double cdf(double x) {
        if (symmetric) {
            return x < -c ? 0 : (x < c ? 0.5 : 1);
        }
        return x < c ? 0 : 1;
    }

    @Override
    public double alpha() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double pPlus() {
        return symmetric ? 0.5 : (c > 0 ? 1 : 0);
    }

    @Override
    public String name() {
        return symmetric ? "rademacher" : "constant";
    }

    @Override
    public String describe() {
        return symmetric ? "rademacher c=" + c : "constant Z = " + c;
    }
}
