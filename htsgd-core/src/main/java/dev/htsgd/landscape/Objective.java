package dev.htsgd.landscape;

/**
 * A loss landscape f: R^d -&gt; R with its gradient (the f of the recursion, paper notes section 2).
 * Gradients are written into a caller buffer so the hot loop allocates nothing.
 */
public interface Objective {

    int dimension();

    /** f(x). */
    double value(double[] x);

    /** Writes grad f(x) into {@code grad} (length {@link #dimension()}). */
    void gradient(double[] x, double[] grad);

    /** Where the iterate lives; {@link Domain#unbounded()} when no projection is used. */
    Domain domain();

    /** Name as used on the command line (iclr1d, ld-quartic, himmelblau2d, expr:...). */
    String name();
}
