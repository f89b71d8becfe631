package dev.htsgd.dl.sharpness;

import dev.htsgd.sim.Streams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The trace tr(H) of the Hessian through Hessian-vector products.
 *
 * <p>{@link #hutchinson}: Hutchinson's estimator, the mean of z' H z over seeded Rademacher vectors z (each an
 * unbiased estimate; variance 2 (|H|_F^2 - sum_i H_ii^2)), with a Student-t confidence interval from the sample
 * variance. Sample i uses stream {@code Streams.provider(seed, i)}. {@link #exact}: the sum of e_i' H e_i over the
 * d unit vectors (d products; small models and layers only).
 */
public final class HessianTrace {

    private HessianTrace() {
    }

    /**
     * A trace estimate.
     *
     * @param trace         the estimate
     * @param standardError its standard error (0 when exact)
     * @param ciLow         lower end of the confidence interval
     * @param ciHigh        upper end
     * @param confidence    the interval's level (1 when exact)
     * @param samples       Hessian-vector products used
     */
    public record Estimate(double trace, double standardError, double ciLow, double ciHigh, double confidence, int samples) {
    }

    /** Hutchinson's estimate from {@code samples} (&gt;= 2) Rademacher vectors, with a {@code confidence} interval. */
    public static Estimate hutchinson(HessianOperator op, int samples, double confidence, long seed) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2 (for a confidence interval), got " + samples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        int d = op.dimension();
        double[] z = new double[d];
        double[] hz = new double[d];
        double mean = 0;
        double m2 = 0;
        for (int s = 0; s < samples; s++) {
            UniformRandomProvider rng = Streams.provider(seed, s);
            for (int i = 0; i < d; i++) {
                z[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
            op.apply(z, hz);
            double x = Lanczos.dot(z, hz);
            double dx = x - mean;
            mean += dx / (s + 1);
            m2 += dx * (x - mean);
        }
        double se = Math.sqrt(m2 / (samples - 1) / samples);
        double t = TDistribution.of(samples - 1).inverseCumulativeProbability(0.5 + confidence / 2);
        return new Estimate(mean, se, mean - t * se, mean + t * se, confidence, samples);
    }

    /** The exact trace, sum_i e_i' H e_i (d products). */
    public static Estimate exact(HessianOperator op) {
        int d = op.dimension();
        double[] e = new double[d];
        double[] col = new double[d];
        double s = 0;
        for (int i = 0; i < d; i++) {
            e[i] = 1;
            op.apply(e, col);
            e[i] = 0;
            s += col[i];
        }
        return new Estimate(s, 0, s, s, 1, d);
    }
}
