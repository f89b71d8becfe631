package dev.htsgd.landscape;

import java.util.function.DoubleUnaryOperator;

/**
 * Numerically controlled derivatives: Richardson-extrapolated central differences with an error estimate.
 * With D(h) = (g(u+h) - g(u-h)) / 2h, the estimate is R = (4 D(h/2) - D(h)) / 3 (error O(h^4)) and the
 * error estimate is |R - D(h/2)| (the error of the less accurate of the two, an upper bound in practice).
 */
public final class FiniteDifferences {

    /** A derivative estimate and its estimated absolute error. */
    public record Estimate(double value, double error) {
    }

    private FiniteDifferences() {
    }

    /** Default step: 1e-3 max(1, |u|). */
    public static double defaultStep(double u) {
        return 1e-3 * Math.max(1.0, Math.abs(u));
    }

    /** Richardson-extrapolated central difference of g at u with the default step. */
    public static Estimate derivative(DoubleUnaryOperator g, double u) {
        return derivative(g, u, defaultStep(u));
    }

    /** Richardson-extrapolated central difference of g at u with step h &gt; 0. */
    public static Estimate derivative(DoubleUnaryOperator g, double u, double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("h must be in (0, inf), got " + h);
        }
        double d1 = (g.applyAsDouble(u + h) - g.applyAsDouble(u - h)) / (2 * h);
        double h2 = h / 2;
        double d2 = (g.applyAsDouble(u + h2) - g.applyAsDouble(u - h2)) / (2 * h2);
        double r = (4 * d2 - d1) / 3;
        return new Estimate(r, Math.abs(r - d2));
    }

    /**
     * The partial derivative d f / d x_k of an objective at x (x is not changed), with step h &gt; 0: the
     * independent check of an {@link Objective#gradient}.
     */
    public static Estimate partial(Objective f, double[] x, int k, double h) {
        double[] q = x.clone();
        return derivative(t -> {
            q[k] = t;
            return f.value(q);
        }, x[k], h);
    }
}
