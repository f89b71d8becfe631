package dev.htsgd.dynamics;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The noise scale sigma(x) of the recursion (paper notes section 2): the noise enters as eta sigma(X_j) Z_{j+1}.
 * Default: the constant 1.
 */
public interface Sigma {

    /** sigma(x) in 1-D. */
    double at(double x);

    /** sigma(x) in d-D; by default sigma of the first coordinate. */
    default double at(double[] x) {
        return at(x[0]);
    }

    /** The constant value, or NaN when sigma depends on the state. */
    default double constant() {
        return Double.NaN;
    }

    /** sigma(x) = c for all x, c &gt; 0. */
    static Sigma constant(double c) {
        return new Constant(c);
    }

    /** A state-dependent sigma in 1-D. */
    static Sigma of(DoubleUnaryOperator f) {
        return f::applyAsDouble;
    }

    /** A state-dependent sigma in d-D. */
    static Sigma ofVector(ToDoubleFunction<double[]> f) {
        return new Sigma() {
            @Override
            public double at(double x) {
                return f.applyAsDouble(new double[] {x});
            }

            @Override
            public double at(double[] x) {
                return f.applyAsDouble(x);
            }
        };
    }

    /** sigma = c. */
    record Constant(double c) implements Sigma {
        public Constant {
            if (!(c > 0) || !Double.isFinite(c)) {
                throw new IllegalArgumentException("sigma must be in (0, inf), got " + c);
            }
        }

        @Override
        public double at(double x) {
            return c;
        }

        @Override
        public double at(double[] x) {
            return c;
        }

        @Override
        public double constant() {
            return c;
        }
    }
}
