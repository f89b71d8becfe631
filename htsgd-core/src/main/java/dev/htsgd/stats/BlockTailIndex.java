package dev.htsgd.stats;

import java.util.Arrays;

/**
 * The block estimator of the tail index of Mohammadi, Mohammadpour and Ogata (2015), as used by Simsekli,
 * Sagun and Gurbuzbalaban (2019) on gradient noise (paper notes, section 7). For N samples X_i and a block
 * size m, K = floor(N/m) block sums Y_k = X_{(k-1)m+1} + ... + X_{km} give
 *
 * <pre>  1/alpha_hat(m) = ( (1/K) sum log|Y_k| - (1/N) sum log|X_i| ) / log m,</pre>
 *
 * exact in expectation for symmetric alpha-stable X (Y =d m^(1/alpha) X). The robust variant reported by
 * {@link #estimate} takes the median of 1/alpha_hat(m) over the block sizes m = 4, 8, 16, ... up to the
 * largest power of two leaving at least 100 blocks (at least 10 for short inputs), and inverts it.
 *
 * <p>Uncertainty: delta method at the median block size m*: Var(1/alpha_hat) ~ (s_Y^2 / K + s_X^2 / N) /
 * log(m*)^2, with s the sample standard deviations of log|Y| and log|X| (the positive covariance of the two
 * means is ignored, which makes the error conservative); SE(alpha_hat) = alpha_hat^2 SE(1/alpha_hat); the
 * interval is alpha_hat +- 1.96 SE.
 *
 * <p>Validity: the estimator relies on the sums being stable. For laws that are only in the domain of
 * attraction (Pareto, Lomax, Student) the block sums converge slowly and the estimate is biased, in either
 * direction: on 100,000 samples with alpha = 1.5, Pareto gives 1.73, Lomax 1.13, Student-t 1.32 (see the
 * tests and the user documentation); use the Hill estimator there. Exact zeros are left out of the
 * log-means.
 */
public final class BlockTailIndex {

    static final int MIN_BLOCK = 4;
    static final int TARGET_BLOCKS = 100;
    static final int MIN_BLOCKS = 10;

    private BlockTailIndex() {
    }

    /** The block sizes used for n samples (powers of two from 4). */
    public static int[] blockSizes(int n) {
        int minBlocks = n / MIN_BLOCK / 2 >= TARGET_BLOCKS ? TARGET_BLOCKS : MIN_BLOCKS;
        int count = 0;
        for (long m = MIN_BLOCK; n / m >= minBlocks; m *= 2) {
            count++;
        }
        int[] ms = new int[count];
        int m = MIN_BLOCK;
        for (int i = 0; i < count; i++, m *= 2) {
            ms[i] = m;
        }
        return ms;
    }

    /** 1/alpha_hat(m) for one block size m &gt;= 2. */
    public static double inverseAlpha(double[] x, int m) {
        return moments(x, 1, m)[0];
    }

    /**
     * {1/alpha_hat(m), its standard error} for n = x.length / dim vectors stored row after row; the
     * logarithms are of Euclidean norms (Simsekli et al. 2019 apply the estimator to vector noise this way).
     */
    private static double[] moments(double[] x, int dim, int m) {
        if (m < 2) {
            throw new IllegalArgumentException("block size m must be >= 2, got " + m);
        }
        int n = x.length / dim;
        int k = n / m;
        if (k < 2) {
            throw new IllegalArgumentException("block size " + m + " leaves fewer than 2 blocks of " + n + " samples");
        }
        double[] lx = logAbsMoments(VectorSamples.norms(x, dim), n, 1);
        double[] sums = new double[k];
        double[] acc = new double[dim];
        for (int b = 0; b < k; b++) {
            java.util.Arrays.fill(acc, 0.0);
            for (int i = b * m, e = i + m; i < e; i++) {
                for (int j = 0; j < dim; j++) {
                    acc[j] += x[i * dim + j];
                }
            }
            sums[b] = VectorSamples.norm(acc, 0, dim);
        }
        double[] ly = logAbsMoments(sums, k, 1);
        double logM = Math.log(m);
        double inv = (ly[0] - lx[0]) / logM;
        double se = Math.sqrt(ly[1] / ly[2] + lx[1] / lx[2]) / logM;
        return new double[] {inv, se};
    }

    /** {mean, variance, count} of log|v| over the non-zero entries. */
    private static double[] logAbsMoments(double[] v, int len, int stride) {
        double mean = 0;
        double m2 = 0;
        int c = 0;
        for (int i = 0; i < len; i += stride) {
            double a = Math.abs(v[i]);
            if (a == 0) {
                continue;
            }
            double l = Math.log(a);
            c++;
            double d = l - mean;
            mean += d / c;
            m2 += d * (l - mean);
        }
        if (c < 2) {
            throw new IllegalArgumentException("need at least 2 non-zero values");
        }
        return new double[] {mean, m2 / (c - 1), c};
    }

    /** The robust estimate: median over {@link #blockSizes(int)}. */
    public static TailIndexEstimate estimate(double[] x) {
        return estimate(x, 1);
    }

    /**
     * The robust estimate for n = x.length / dim vector samples stored row after row (Euclidean norms of the
     * samples and of the block sums); dim = 1 is the scalar estimator.
     */
    public static TailIndexEstimate estimate(double[] x, int dim) {
        int n = VectorSamples.count(x, dim);
        int[] ms = blockSizes(n);
        if (ms.length == 0) {
            throw new IllegalArgumentException("the block estimator needs at least " + MIN_BLOCK * MIN_BLOCKS
                    + " samples, got " + n);
        }
        double[][] r = new double[ms.length][];
        Integer[] order = new Integer[ms.length];
        for (int i = 0; i < ms.length; i++) {
            r[i] = moments(x, dim, ms[i]);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(r[a][0], r[b][0]));
        // median; for an even count the value is the mean of the two middle ones and the larger of their errors is kept
        int lo = order[(ms.length - 1) / 2];
        int hi = order[ms.length / 2];
        double inv = 0.5 * (r[lo][0] + r[hi][0]);
        double alpha = 1 / inv;
        double se = alpha * alpha * Math.max(r[lo][1], r[hi][1]);
        return new TailIndexEstimate("block", alpha, se, alpha - TailIndexEstimate.Z95 * se,
                alpha + TailIndexEstimate.Z95 * se, n, ms[lo]);
    }
}
