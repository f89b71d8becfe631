package dev.htsgd.noise;

/**
 * A noise whose law is symmetric about 0 (p+ = 1/2): the Gaussian, stable and Student families. From the
 * survival function alone, H(x) = P(|Z| &gt; x) = 2 P(Z &gt; x) and P(Z &lt;= x) = P(Z &gt; -x) for x &lt; 0 (exact in
 * the left tail), and E Z = 0 whenever it exists (alpha &gt; 1).
 */
public interface SymmetricNoise extends NoiseModel {

    /** P(Z &gt; x), accurate far in the tail. */
    @Override
    double survival(double x);

    @Override
    default double tail(double x) {
        return x <= 0 ? 1.0 : Math.min(1.0, 2 * survival(x));
    }

    @Override
    default double cdf(double x) {
        return x < 0 ? survival(-x) : 1 - survival(x);
    }

    @Override
    default double pPlus() {
        return 0.5;
    }

    @Override
    default double mean() {
        return alpha() > 1 ? 0.0 : Double.NaN;
    }
}
