package dev.htsgd.stats;

import dev.htsgd.check.Require;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A symmetric alpha-stable fit by McCulloch's (1986) quantile method, with a check that the stable law fits.
 *
 * <p>With the half-spreads s(p) = (x_p - x_(1-p)) / 2 of the sample quantiles (location free),
 * McCulloch's statistic nu_alpha = (x_.95 - x_.05) / (x_.75 - x_.25) = s(.95) / s(.75) is a decreasing
 * function of alpha alone for symmetric stable laws; alpha_hat solves nu(alpha_hat) = nu_hat on the table
 * {@link StableQuantileTable} (alpha in [0.5, 2]), and the scale is sigma_hat = s(.75) / Q_alpha_hat(.75).
 * Skewness (McCulloch's nu_beta) is not fitted: a skewed sample fails the check below.
 *
 * <p>Check ("the stable law fits"): the fit uses only the quantiles .05, .25, .75, .95; at the further
 * probabilities p = 0.6, 0.99 and 0.999 (those with at least {@link #MIN_TAIL_COUNT} values beyond them) the
 * discrepancy d_p = log( s(p) / (sigma_hat Q_alpha_hat(p)) ) must be within {@link #Z_FIT} bootstrap standard
 * errors of 0. Pareto samples fail it at p = 0.6 (their density vanishes near 0), Student-t and the LD
 * mixture at p = 0.999 (their tails are lighter, or heavier, than the fitted stable law's).
 *
 * <p>Uncertainty: the standard errors of alpha_hat and of each d_p are the standard deviations over
 * {@link #BOOTSTRAP} bootstrap resamples (the sample quantiles are smooth functionals, for which the
 * bootstrap is consistent); the interval is alpha_hat +- 1.96 SE, capped at 2.
 *
 * @param alpha alpha_hat, in [0.5, 2]
 * @param scale sigma_hat (Nolan's gamma, as {@link dev.htsgd.noise.StableNoise})
 * @param standardError bootstrap standard error of alpha_hat
 * @param low lower end of the 95% interval
 * @param high upper end of the 95% interval (at most 2)
 * @param worstProbability the checked p with the largest |d_p| / SE(d_p)
 * @param worstZ that largest |d_p| / SE(d_p)
 * @param fits whether every checked |d_p| / SE(d_p) is at most {@link #Z_FIT}
 * @param n number of samples
 */
public record StableQuantileFit(double alpha, double scale, double standardError, double low, double high,
        double worstProbability, double worstZ, boolean fits, int n) {

    /** Bootstrap resamples for the standard errors. */
    public static final int BOOTSTRAP = 100;
    /** Largest accepted |d_p| / SE(d_p): 3.5 keeps the false rejection of a stable sample below 0.3% per p. */
    public static final double Z_FIT = 3.5;
    /** A probability p is checked only when n (1 - p) is at least this many values. */
    public static final int MIN_TAIL_COUNT = 50;
    /** The least sample size: the quantile .05 needs values on both sides. */
    public static final int MIN_N = 40;

    /** Default seed of the bootstrap, so that the fit is a function of the data alone. */
    public static final long DEFAULT_SEED = 0x5eed_18L;

    private static final int[] CHECKED = {StableQuantileTable.P60, StableQuantileTable.P99, StableQuantileTable.P999};

    /** Fit to the sample x (any order) with the default bootstrap seed. */
    public static StableQuantileFit fit(double[] x) {
        return fit(x, DEFAULT_SEED);
    }

    /** Fit to the sample x (any order); {@code seed} drives the bootstrap. */
    public static StableQuantileFit fit(double[] x, long seed) {
        Require.finite("samples", x);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        return fitSorted(sorted, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    /** Fit to an ascending sample. */
    static StableQuantileFit fitSorted(double[] sorted, UniformRandomProvider rng) {
        int n = sorted.length;
        if (n < MIN_N) {
            throw new IllegalArgumentException("the stable quantile fit needs at least " + MIN_N + " samples, got " + n);
        }
        double[] p = StableQuantileTable.P;
        // the 2 |P| order-statistic ranks (0-based) of x_(1-p) and x_p, ascending
        int[] ranks = new int[2 * p.length];
        for (int j = 0; j < p.length; j++) {
            ranks[p.length - 1 - j] = rank(1 - p[j], n);
            ranks[p.length + j] = rank(p[j], n);
        }
        double[] q = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            q[i] = sorted[ranks[i]];
        }
        double[] s = new double[p.length];
        double[] d = new double[p.length];
        double[] fit = new double[2];
        halfSpreads(q, s);
        if (!fitFromSpreads(s, d, fit)) {
            throw new IllegalArgumentException("the stable quantile fit needs a sample with spread: the quartiles are equal");
        }
        double alpha = fit[0];
        double scale = fit[1];
        boolean[] checked = new boolean[p.length];
        for (int c : CHECKED) {
            checked[c] = n * (1 - p[c]) >= MIN_TAIL_COUNT;
        }
        int[] counts = new int[n];
        double[] qb = new double[ranks.length];
        double[] sb = new double[p.length];
        double[] db = new double[p.length];
        double sumA = 0;
        double sumA2 = 0;
        double[] sumD = new double[p.length];
        double[] sumD2 = new double[p.length];
        int good = 0;
        for (int b = 0; b < BOOTSTRAP; b++) {
            Resample.draw(rng, counts, n);
            orderStatistics(sorted, counts, ranks, qb);
            halfSpreads(qb, sb);
            if (!fitFromSpreads(sb, db, fit)) {
                continue;
            }
            good++;
            sumA += fit[0];
            sumA2 += fit[0] * fit[0];
            for (int j = 0; j < p.length; j++) {
                sumD[j] += db[j];
                sumD2[j] += db[j] * db[j];
            }
        }
        double se = sd(sumA, sumA2, good);
        double worstZ = 0;
        double worstP = Double.NaN;
        for (int j = 0; j < p.length; j++) {
            if (!checked[j]) {
                continue;
            }
            double sdj = sd(sumD[j], sumD2[j], good);
            double z = sdj > 0 ? Math.abs(d[j]) / sdj : (d[j] == 0 ? 0 : Double.POSITIVE_INFINITY);
            if (z > worstZ || Double.isNaN(worstP)) {
                worstZ = z;
                worstP = p[j];
            }
        }
        double low = alpha - TailIndexEstimate.Z95 * se;
        double high = Math.min(StableQuantileTable.ALPHA_MAX, alpha + TailIndexEstimate.Z95 * se);
        return new StableQuantileFit(alpha, scale, se, low, high, worstP, worstZ, worstZ <= Z_FIT, n);
    }

    /** The estimate as a {@link TailIndexEstimate} (method "stable", parameter 0: no tuning value). */
    public TailIndexEstimate asEstimate() {
        return new TailIndexEstimate("stable", alpha, standardError, low, high, n, 0);
    }

    /** 0-based rank of the sample quantile x_p (the ceil(p n)-th smallest value). */
    private static int rank(double p, int n) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(p * n - 1e-9) - 1));
    }

    /** s(p_j) = (x_p - x_(1-p)) / 2 from the ascending quantiles q (lower halves first, in reverse). */
    private static void halfSpreads(double[] q, double[] s) {
        int m = s.length;
        for (int j = 0; j < m; j++) {
            s[j] = 0.5 * (q[m + j] - q[m - 1 - j]);
        }
    }

    /** alpha and sigma into fit, the discrepancies d_p into d; false when the quartiles coincide. */
    private static boolean fitFromSpreads(double[] s, double[] d, double[] fit) {
        if (!(s[StableQuantileTable.P75] > 0)) {
            return false;
        }
        double alpha = StableQuantileTable.alphaForNu(s[StableQuantileTable.P95] / s[StableQuantileTable.P75]);
        double scale = s[StableQuantileTable.P75] / StableQuantileTable.quantile(alpha, StableQuantileTable.P75);
        for (int j = 0; j < s.length; j++) {
            // a zero half-spread (ties) is as far from a continuous law as it gets
            d[j] = s[j] > 0 ? Math.log(s[j] / (scale * StableQuantileTable.quantile(alpha, j))) : Double.NEGATIVE_INFINITY;
        }
        fit[0] = alpha;
        fit[1] = scale;
        return true;
    }

    /** The order statistics at the ascending ranks of the resample given by counts over the sorted values. */
    private static void orderStatistics(double[] sorted, int[] counts, int[] ranks, double[] out) {
        long seen = 0;
        int r = 0;
        for (int i = 0; i < sorted.length && r < ranks.length; i++) {
            seen += counts[i];
            while (r < ranks.length && ranks[r] < seen) {
                out[r++] = sorted[i];
            }
        }
    }

    private static double sd(double sum, double sum2, int count) {
        if (count < 2) {
            return Double.NaN;
        }
        double mean = sum / count;
        return Math.sqrt(Math.max(0, (sum2 - count * mean * mean) / (count - 1)));
    }
}
