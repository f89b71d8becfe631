package dev.htsgd.landscape;

/**
 * A one-dimensional landscape f: R -&gt; R. The 1-D theory (attraction fields I_i, radii r_i, jump numbers
 * l*_i) and the fast scalar recursion work on this view.
 */
public interface Objective1D extends Objective {

    /** f(x). */
    double value(double x);

    /** f'(x). */
    double derivative(double x);

    @Override
    default int dimension() {
        return 1;
    }

    @Override
    default double value(double[] x) {
        return value(x[0]);
    }

    @Override
    default void gradient(double[] x, double[] grad) {
        grad[0] = derivative(x[0]);
    }
}
