package dev.htsgd.stats;

import dev.htsgd.check.Require;
import java.util.Arrays;
import org.apache.commons.statistics.distribution.FDistribution;

/**
 * The Hill estimator (see {@link HillTailIndex}) with the number k of upper order statistics chosen from the
 * data by a stability rule on the Hill plot, and a bias-aware 95% interval.
 *
 * <p>With L_(1) &gt;= L_(2) &gt;= ... the logarithms of the non-zero |X| in decreasing order, the scaled
 * log-spacings Z_i = i (L_(i) - L_(i+1)) give gamma_hat(k) = (1/k) sum_{i&lt;=k} Z_i, the Hill estimate of
 * gamma = 1/alpha. For an exact Pareto tail the Z_i are independent Exp(gamma) (Renyi's representation), so
 * for k' &lt; k the mean of the top k' spacings over the mean of the next k - k' is exactly F(2k', 2(k - k'))
 * distributed, whatever gamma. The rule, on the geometric grid k = {@value #MIN_K}, {@value #MIN_K} 2^(1/4),
 * ..., n - 1:
 *
 * <ol>
 * <li>k_s = the largest grid k whose Hill plot is flat over the last factor {@value #WINDOW} in k: for every
 *     grid k' in [k / {@value #WINDOW}, k) the two-sided F test above accepts at level {@value #P_FLAT}. Where
 *     the law stops being Pareto-like (a Gaussian body under a heavy tail, the slowly varying part of a
 *     Student-t) the spacings below the bend are smaller and the test fails. The exact F law instead of a
 *     normal approximation matters at small k', where the top spacings of a heavy tail are strongly skewed:
 *     on the LD mixture at seed 11 the 20 largest values alone read alpha = 1.08 and the normal test (3
 *     standard errors) stopped at k_s = 48; the window keeps one chance fluctuation among the extremes from
 *     vetoing every larger k (without it, 2 of 61 exact Pareto samples of 100,000 stopped far below n);
 * <li>k = max({@value #MIN_K}, k_s / 2): the test lets through a bias of a few standard errors of the
 *     small-k' estimates, and halving k inside the flat stretch trades some of that bias for variance;
 * <li>interval: the hull of Hill's asymptotic interval alpha_hat +- 1.96 alpha_hat / sqrt(k) and the interval
 *     of the bias-corrected estimate alpha_c +- 1.96 (2 alpha_c / sqrt(k)). alpha_c = 1 / c_0 from the least
 *     squares line Z_i = c_0 + c_1 i / (k + 1), i &lt;= k: the exponential regression model of Beirlant,
 *     Dierckx, Goegebeur and Matthys (1999), E Z_i ~ gamma + b (i/k)^(-rho), with rho = -1; c_0 removes the
 *     linear trend of the spacings that biases Hill (all of it for rho = -1, three quarters for the
 *     Student-t's rho = -2/3), at 2 times Hill's standard error (Var c_0 = 4 gamma^2 / k for i/k uniform).
 *     Whichever of the two is right, the hull covers; it is about 1.3-1.5 times as wide as Hill's interval.
 * </ol>
 *
 * For an exact Pareto tail every k passes and k = (n - 1) / 2. The double bootstrap of Danielsson, de Haan,
 * Peng and de Vries (2001) was measured as the alternative and rejected: on the LD mixture it chose k of
 * about 7,500 (alpha_hat 4.7), because the log-spacings of the Gaussian body are themselves nearly
 * exponential and its criterion M2 - 2 M1^2 cannot see the bend. The bias-corrected alpha_c is not used as
 * the estimate: its standard error is twice Hill's, and on the LD mixture, where the tail shows only in the
 * top ~100 of 100,000 values, variance is what limits the error.
 */
public final class AdaptiveHill {

    /** Least k considered: below it the Hill estimate is too noisy to be of use. */
    public static final int MIN_K = 10;
    /** Least number of non-zero values. */
    public static final int MIN_N = 4 * MIN_K;
    /** Two-sided level of each F test of flatness. */
    public static final double P_FLAT = 0.001;
    /** The flatness test compares k with the grid values k' in [k / WINDOW, k). */
    public static final int WINDOW = 8;
    /** Ratio of consecutive grid values of k. */
    public static final double GRID_RATIO = 1.189207115002721; // 2^(1/4)

    private AdaptiveHill() {
    }

    /**
     * The Hill plot and the chosen k of one sample.
     *
     * @param estimate Hill at the chosen k, with the bias-aware interval
     * @param ks the grid of k
     * @param alphas alpha_hat(k) at each grid k
     * @param stableK k_s, the largest grid k whose Hill plot is flat over the last factor {@value #WINDOW}
     * @param corrected the bias-corrected alpha_c at the chosen k (NaN when its intercept c_0 is not positive)
     */
    public record Result(TailIndexEstimate estimate, int[] ks, double[] alphas, int stableK, double corrected) {
    }

    /** The adaptive Hill estimate of x (any order). */
    public static TailIndexEstimate estimate(double[] x) {
        return analyse(x).estimate();
    }

    /** The estimate together with the Hill plot alpha_hat(k) on the grid of k. */
    public static Result analyse(double[] x) {
        Require.finite("samples", x);
        return analyseDescendingLogs(descendingLogs(x));
    }

    /** log|x_i| of the non-zero values, in decreasing order. */
    static double[] descendingLogs(double[] x) {
        double[] a = new double[x.length];
        int m = 0;
        for (double v : x) {
            if (v != 0) {
                a[m++] = Math.log(Math.abs(v));
            }
        }
        a = Arrays.copyOf(a, m);
        Arrays.sort(a);
        for (int i = 0, j = m - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static Result analyseDescendingLogs(double[] logs) {
        int n = logs.length;
        if (n < MIN_N) {
            throw new IllegalArgumentException("the adaptive Hill estimator needs at least " + MIN_N
                    + " non-zero samples, got " + n);
        }
        double[] cum = new double[n + 1];
        for (int i = 0; i < n; i++) {
            cum[i + 1] = cum[i] + logs[i];
        }
        int[] ks = grid(n - 1);
        double[] g = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            g[j] = gamma(cum, logs, ks[j]);
        }
        int stable = ks[0];
        for (int j = ks.length - 1; j > 0; j--) {
            if (flat(ks, g, j)) {
                stable = ks[j];
                break;
            }
        }
        int k = Math.max(MIN_K, stable / 2);
        double alpha = 1 / gamma(cum, logs, k);
        double se = alpha / Math.sqrt(k);
        double low = alpha - TailIndexEstimate.Z95 * se;
        double high = alpha + TailIndexEstimate.Z95 * se;
        double corrected = corrected(logs, k);
        if (corrected > 0) {
            double seC = 2 * corrected / Math.sqrt(k);
            low = Math.min(low, corrected - TailIndexEstimate.Z95 * seC);
            high = Math.max(high, corrected + TailIndexEstimate.Z95 * seC);
        } else {
            corrected = Double.NaN;
        }
        double[] alphas = new double[ks.length];
        for (int j = 0; j < ks.length; j++) {
            alphas[j] = 1 / g[j];
        }
        TailIndexEstimate e = new TailIndexEstimate("hill-adaptive", alpha, se, low, high, n, k);
        return new Result(e, ks, alphas, stable, corrected);
    }

    /**
     * alpha_c = 1 / c_0 of the least-squares line Z_i = c_0 + c_1 t_i, t_i = i / (k + 1), over the scaled
     * log-spacings Z_i = i (L_(i) - L_(i+1)), i = 1..k; a non-positive value when c_0 &lt;= 0.
     */
    static double corrected(double[] logs, int k) {
        double st = 0;
        double sz = 0;
        double stt = 0;
        double stz = 0;
        for (int i = 1; i <= k; i++) {
            double z = i * (logs[i - 1] - logs[i]);
            double t = i / (k + 1.0);
            st += t;
            sz += z;
            stt += t * t;
            stz += t * z;
        }
        double slope = (k * stz - st * sz) / (k * stt - st * st);
        double c0 = (sz - slope * st) / k;
        return c0 > 0 ? 1 / c0 : -1;
    }

    /** The geometric grid MIN_K, MIN_K 2^(1/4), ... (rounded, distinct) up to and including max. */
    static int[] grid(int max) {
        int[] ks = new int[128];
        int c = 0;
        for (double k = MIN_K; k < max; k *= GRID_RATIO) {
            int r = (int) Math.round(k);
            if (c == 0 || ks[c - 1] != r) {
                ks[c++] = r;
            }
        }
        if (c == 0 || ks[c - 1] != max) {
            ks[c++] = max;
        }
        return Arrays.copyOf(ks, c);
    }

    /**
     * Whether the Hill plot is flat over the last factor {@link #WINDOW} below ks[j]: for each grid k' in
     * [k / WINDOW, k), the mean of the top k' scaled spacings (k' gamma_hat(k')) over the mean of the next
     * k - k' passes the two-sided F(2k', 2(k - k')) test at level {@link #P_FLAT}.
     */
    private static boolean flat(int[] ks, double[] g, int j) {
        int k = ks[j];
        double total = k * g[j];
        for (int i = 0; i < j; i++) {
            int kp = ks[i];
            if ((long) kp * WINDOW < k) {
                continue;
            }
            double top = kp * g[i];
            double rest = total - top;
            if (!(rest > 0)) {
                return false;
            }
            double ratio = (top / kp) / (rest / (k - kp));
            FDistribution f = FDistribution.of(2.0 * kp, 2.0 * (k - kp));
            double p = 2 * Math.min(f.cumulativeProbability(ratio), f.survivalProbability(ratio));
            if (p < P_FLAT) {
                return false;
            }
        }
        return true;
    }

    /** gamma_hat(k) from the cumulative sums of the decreasing logs. */
    private static double gamma(double[] cum, double[] logs, int k) {
        double g = cum[k] / k - logs[k];
        if (!(g > 0)) {
            throw new IllegalArgumentException("the " + (k + 1) + " largest |values| are all equal: no tail to estimate");
        }
        return g;
    }
}
