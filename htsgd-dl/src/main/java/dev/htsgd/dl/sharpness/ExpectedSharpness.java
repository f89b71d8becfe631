package dev.htsgd.dl.sharpness;

import dev.htsgd.sim.Streams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The paper's flatness metric (paper notes section 6): the expected sharpness
 *
 * <pre>  S_delta(theta) = E | L(theta + v) - L(theta) |,   v ~ N(0, delta^2 I),</pre>
 *
 * estimated by the mean over {@code draws} independent perturbations, with its standard error (sample standard
 * deviation / sqrt(draws)). The paper uses delta = 0.01, 100 draws and L = the training loss. The result also
 * carries the mean signed change E[L(theta + v)] - L(theta), which is delta^2 tr(H) / 2 + O(delta^4) near a
 * critical point: a cross-check against {@link HessianTrace}.
 *
 * <p>Draw i uses the perturbations of stream {@link Streams#provider(long, long) Streams.provider(seed, 0)} in
 * order, so the estimate is a pure function of (theta, delta, draws, seed).
 *
 * @param delta  standard deviation of each coordinate of v, &gt; 0
 * @param draws  number of perturbations, &gt;= 2
 * @param seed   seed of the perturbations
 */
public record ExpectedSharpness(double delta, int draws, long seed) {

    /** The paper's delta. */
    public static final double DEFAULT_DELTA = 0.01;
    /** The paper's number of draws. */
    public static final int DEFAULT_DRAWS = 100;

    public ExpectedSharpness {
        if (!(delta > 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("delta must be in (0, inf), got " + delta);
        }
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be >= 2 (for a standard error), got " + draws);
        }
    }

    /** Validating factory. */
    public static ExpectedSharpness of(double delta, int draws, long seed) {
        return new ExpectedSharpness(delta, draws, seed);
    }

    /** The paper's setting: delta 0.01, 100 draws. */
    public static ExpectedSharpness paper(long seed) {
        return new ExpectedSharpness(DEFAULT_DELTA, DEFAULT_DRAWS, seed);
    }

    /**
     * The estimate.
     *
     * @param value         mean of |L(theta + v) - L(theta)| over the draws: the expected sharpness
     * @param standardError sample standard deviation of the draws / sqrt(draws)
     * @param meanChange    mean of L(theta + v) - L(theta) (about delta^2 tr(H) / 2)
     * @param baseLoss      L(theta)
     * @param delta         the perturbation scale
     * @param draws         the number of draws
     */
    public record Result(double value, double standardError, double meanChange, double baseLoss, double delta, int draws) {
    }

    /** Estimates S_delta(theta) for {@code loss}; costs draws + 1 loss evaluations. */
    public Result estimate(LossFunction loss, double[] theta) {
        int d = loss.dimension();
        if (theta.length != d) {
            throw new IllegalArgumentException("theta must have length " + d + ", got " + theta.length);
        }
        UniformRandomProvider rng = Streams.provider(seed, 0);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double base = loss.value(theta);
        if (!Double.isFinite(base)) {
            throw new IllegalArgumentException("the loss at theta is not finite: " + base);
        }
        double[] point = new double[d];
        double mean = 0;
        double m2 = 0;
        double signed = 0;
        for (int i = 0; i < draws; i++) {
            for (int j = 0; j < d; j++) {
                point[j] = theta[j] + delta * gauss.sample();
            }
            double change = loss.value(point) - base;
            signed += change;
            double x = Math.abs(change);
            double dx = x - mean;
            mean += dx / (i + 1);
            m2 += dx * (x - mean);
        }
        double sd = Math.sqrt(m2 / (draws - 1));
        return new Result(mean, sd / Math.sqrt(draws), signed / draws, base, delta, draws);
    }
}
