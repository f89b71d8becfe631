package dev.htsgd.noise;

import dev.htsgd.check.Require;

/**
 * A noise Z = c U W with W &gt;= 0 and an independent sign U = +1 with probability p+, -1 otherwise (paper notes,
 * section 1: the Pareto and Lomax families). Its whole law follows from the unit tail P(W &gt; w): H(x) =
 * P(W &gt; x / c), P(Z &gt; x) = p+ P(W &gt; x / c) for x &gt;= 0 and P(Z &lt;= x) = p- P(W &gt; -x / c) for x &lt; 0,
 * written here once and exact far in both tails (no 1 - cdf cancellation on the tail side).
 */
public interface SignedNoise extends NoiseModel {

    /**
     * Checks the parameters of c U W with W ~ a law of tail index alpha, naming each: alpha and c in (0, inf),
     * p+ in [0, 1].
     */
    static void check(double alpha, double scale, double pPlus) {
        Require.positive("alpha", alpha);
        Require.positive("scale", scale);
        Require.closed("pPlus", pPlus, 0, 1);
    }

    /** c, the scale of W. */
    double scale();

    /** P(W &gt; w) of the unscaled W, for w &gt;= 0 (1 below its support). */
    double unitTail(double w);

    @Override
    default double tail(double x) {
        return x <= 0 ? 1.0 : unitTail(x / scale());
    }

    @Override
    default double survival(double x) {
        return x >= 0 ? pPlus() * unitTail(x / scale()) : 1.0 - pMinus() * unitTail(-x / scale());
    }

    @Override
    default double cdf(double x) {
        return x >= 0 ? 1.0 - pPlus() * unitTail(x / scale()) : pMinus() * unitTail(-x / scale());
    }
}
