package dev.htsgd.dynamics;

import dev.htsgd.noise.NoiseModel;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Test-local stand-in for the noise helper's models: Z = c U W with W Pareto type I (P(W &gt; w) = w^-alpha)
 * and a random sign U, or (alpha = inf) a constant Z = c.
 */
public record StandInNoise(double alpha, double c) implements NoiseModel {

    public static StandInNoise pareto(double alpha, double c) {
        return new StandInNoise(alpha, c);
    }

    public static StandInNoise constant(double c) {
        return new StandInNoise(Double.POSITIVE_INFINITY, c);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        if (Double.isInfinite(alpha)) {
            return c;
        }
        long bits = rng.nextLong();
        double u = ((bits >>> 11) + 1) * 0x1.0p-53;
        double w = Math.pow(u, -1 / alpha);
        return (bits & 1) == 0 ? c * w : -c * w;
    }

    @Override
    public double tail(double x) {
        return x < c ? 1 : Math.pow(x / c, -alpha);
    }

    @Override
    public double cdf(double x) {
        return x >= 0 ? 1 - 0.5 * tail(x) : 0.5 * tail(-x);
    }

    @Override
    public double pPlus() {
        return 0.5;
    }

    @Override
    public String name() {
        return "pareto";
    }

    @Override
    public String describe() {
        return "stand-in pareto alpha=" + alpha + " c=" + c;
    }
}
