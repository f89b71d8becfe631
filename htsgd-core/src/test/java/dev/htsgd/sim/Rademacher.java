package dev.htsgd.sim;

import dev.htsgd.noise.NoiseModel;
import org.apache.commons.rng.UniformRandomProvider;

/** Test-local noise Z = +-c with probability 1/2 each (one bit per draw). */
record Rademacher(double c) implements NoiseModel {

    @Override
    public double sample(UniformRandomProvider rng) {
        return rng.nextBoolean() ? c : -c;
    }

    @Override
    public double tail(double x) {
        return x < c ? 1 : 0;
    }

    @Override
    public double cdf(double x) {
        return x < -c ? 0 : (x < c ? 0.5 : 1);
    }

    @Override
    public double alpha() {
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public double pPlus() {
        return 0.5;
    }

    @Override
    public String name() {
        return "rademacher";
    }

    @Override
    public String describe() {
        return "rademacher c=" + c;
    }
}
