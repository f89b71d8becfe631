package dev.htsgd.dynamics;

import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Test noises for the recursion: the symmetric Pareto noise c U W of the library, and a constant Z = c (no
 * randomness, alpha = inf) that makes a step exactly predictable.
 */
public record StandInNoise(double c) implements NoiseModel {

    /** Z = c U W, W Pareto type I: the library's {@link ParetoNoise}. */
    public static NoiseModel pareto(double alpha, double c) {
        return ParetoNoise.of(alpha, c);
    }

    /** Z = c with probability 1. */
    public static StandInNoise constant(double c) {
        return new StandInNoise(c);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        return c;
    }

    @Override
    public double tail(double x) {
        return x < Math.abs(c) ? 1 : 0;
    }

    @Override
    public double cdf(double x) {
        return x < c ? 0 : 1;
    }

    @Override
    public double alpha() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double pPlus() {
        return c > 0 ? 1 : 0;
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public String describe() {
        return "constant Z = " + c;
    }
}
