package dev.htsgd.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.htsgd.check.Require;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.sharpness.NetworkLoss;
import dev.htsgd.stats.AdaptiveHill;
import dev.htsgd.stats.RecommendedTailIndex;
import dev.htsgd.stats.TailIndexEstimate;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The tail index of a network's own stochastic gradient noise, measured as the tail-index papers do (Simsekli,
 * Sagun and Gurbuzbalaban 2019): at fixed weights theta, draw M minibatches of size B without replacement, take the
 * noise U_j = grad L_B_j(theta) - grad L(theta) (minibatch mean gradient minus the full-data gradient, both of the
 * mean cross-entropy), and estimate the tail index alpha
 * <ul>
 * <li>of each coordinate from its M values (the recommended estimator, {@link RecommendedTailIndex}), summarised by
 *     the median over coordinates with a distribution-free 95% interval for that median (order statistics: the
 *     ranks of a Binomial(d, 1/2) interval), as the papers' code reports the median over coordinates;</li>
 * <li>of the Euclidean norm |U_j| (adaptive Hill on the M norms, a Pareto-type tail, as the recommended
 *     estimate for vector samples). Hill reads the body of stable-type tails at a few hundred draws and overestimates
 *     there (2.02 on a norm of exactly 1.5-stable coordinates from 400 draws): the coordinates' median is the
 *     figure to read.</li>
 * </ul>
 * Coordinates whose noise has no spread (for example weights of units that are never active) carry no
 * information on alpha and are left out and counted.
 *
 * <p>In the paper's model the noise is symmetric alpha-stable, alpha in (1, 2]; alpha below 2 is the heavy-tailed
 * regime in which truncated SGD prefers wide minima (paper notes sections 1 and 6).
 *
 * @param batch       minibatch size B, at least 1
 * @param draws       number of minibatches M, at least {@value #MIN_DRAWS}
 * @param coordinates the most coordinates whose index is estimated, at least 1
 */
public record GradientNoiseIndex(int batch, int draws, int coordinates) {

    /** The least number of minibatch draws: the recommended estimator needs 40 samples per coordinate. */
    public static final int MIN_DRAWS = 40;

    /** Default of the most coordinates whose index is estimated (an even spread over all of them beyond it). */
    public static final int DEFAULT_COORDINATES = 20_000;

    /** Checks the sizes (see {@link #of(int, int, int)}). */
    public GradientNoiseIndex {
        Require.atLeast("batch", batch, 1);
        Require.atLeast("draws", draws, MIN_DRAWS);
        Require.atLeast("coordinates", coordinates, 1);
    }

    /** With at most {@value #DEFAULT_COORDINATES} coordinates estimated. */
    public static GradientNoiseIndex of(int batch, int draws) {
        return of(batch, draws, DEFAULT_COORDINATES);
    }

    /**
     * @param batch minibatch size B, at least 1
     * @param draws number of minibatches M, at least {@value #MIN_DRAWS}
     * @param coordinates the most coordinates whose index is estimated, at least 1: a network with more parameters
     *     has every (d / coordinates)-th one estimated (evenly spread over the layers in their order), which keeps
     *     memory at draws x coordinates values; the norm always uses all of them
     */
    public static GradientNoiseIndex of(int batch, int draws, int coordinates) {
        return new GradientNoiseIndex(batch, draws, coordinates);
    }

    /**
     * The measurement.
     *
     * @param estimate median over coordinates of the per-coordinate tail index
     * @param low lower end of the distribution-free 95% interval of that median
     * @param high upper end of that interval
     * @param quartiles the 25% and 75% quantiles of the per-coordinate estimates
     * @param coordinates the per-coordinate estimates (NaN for a coordinate without spread), of the coordinates
     *     {@code index[k]}
     * @param index the parameter index (in the network's flattened order) of each estimated coordinate
     * @param usedCoordinates coordinates with an estimate
     * @param norm the tail index of the noise norms |U_j| (adaptive Hill)
     * @param meanNoiseNorm the mean of |U_j|
     * @param fullGradientNorm |grad L(theta)|
     * @param examples N, the training examples of the full gradient
     * @param batch B
     * @param draws M
     */
    public record Result(double estimate, double low, double high, double[] quartiles, double[] coordinates,
            int[] index, int usedCoordinates, TailIndexEstimate norm, double meanNoiseNorm, double fullGradientNorm,
            int parameters, int examples, int batch, int draws) {
    }

    /**
     * Measures the noise of {@code network} at its current weights on {@code data} (the training set).
     *
     * @param rng draws the minibatches
     */
    public Result measure(Network network, ImageSet data, UniformRandomProvider rng) {
        Require.closed("batch", batch, 1, data.size());
        double[] full;
        int dim;
        try (NetworkLoss loss = NetworkLoss.of(network, data)) {
            dim = loss.dimension();
            full = new double[dim];
            loss.valueAndGradient(loss.parameters(), full);
        }
        int stride = (dim + coordinates - 1) / coordinates;
        int[] chosen = new int[(dim + stride - 1) / stride];
        for (int k = 0; k < chosen.length; k++) {
            chosen[k] = k * stride;
        }
        double[][] noise = new double[chosen.length][draws];
        double[] norms = new double[draws];
        double[] g = new double[dim];
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int[] labels = data.labelsCopy();
        int[] batchLabels = new int[batch];
        for (int j = 0; j < draws; j++) {
            // a partial Fisher-Yates shuffle: B distinct examples
            for (int k = 0; k < batch; k++) {
                int r = k + rng.nextInt(order.length - k);
                int t = order[k];
                order[k] = order[r];
                order[r] = t;
                batchLabels[k] = labels[order[k]];
            }
            try (NDManager temp = network.manager().newSubManager()) {
                NDArray x = data.images(temp, order, 0, batch);
                NDArray y = temp.create(batchLabels);
                try (NetworkLoss loss = NetworkLoss.of(network.block(), x, y, batch)) {
                    loss.valueAndGradient(loss.parameters(), g);
                }
            }
            double sq = 0;
            for (int c = 0; c < dim; c++) {
                double u = g[c] - full[c];
                sq += u * u;
            }
            norms[j] = Math.sqrt(sq);
            for (int k = 0; k < chosen.length; k++) {
                noise[k][j] = g[chosen[k]] - full[chosen[k]];
            }
        }
        double[] alphas = new double[chosen.length];
        int used = 0;
        for (int c = 0; c < chosen.length; c++) {
            alphas[c] = coordinateIndex(noise[c]);
            if (!Double.isNaN(alphas[c])) {
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException("data: no coordinate of the gradient noise has any spread over "
                    + draws + " minibatches of " + batch);
        }
        double[] sorted = Arrays.stream(alphas).filter(a -> !Double.isNaN(a)).sorted().toArray();
        double[] ci = medianInterval(sorted);
        double fullNorm = 0;
        for (double v : full) {
            fullNorm += v * v;
        }
        return new Result(quantile(sorted, 0.5), ci[0], ci[1], new double[] {quantile(sorted, 0.25), quantile(sorted, 0.75)},
                alphas, chosen, used, AdaptiveHill.estimate(norms), Arrays.stream(norms).average().orElse(Double.NaN),
                Math.sqrt(fullNorm), dim, data.size(), batch, draws);
    }

    /** The recommended tail index of one coordinate's draws, or NaN when they have no spread to read it from. */
    static double coordinateIndex(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        if (!(s[(3 * n) / 4] > s[n / 4])) {
            return Double.NaN;
        }
        try {
            return RecommendedTailIndex.estimate(x).estimate();
        } catch (IllegalArgumentException e) {
            return Double.NaN; // ties in the tail (a few distinct values): no tail to read
        }
    }

    /** The linearly interpolated p-quantile of an ascending sample. */
    static double quantile(double[] sorted, double p) {
        double h = p * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The distribution-free 95% interval of the median of an ascending sample of size d: [x_(l), x_(u)] with the
     * ranks l, u = d/2 -+ 1.96 sqrt(d)/2 (the normal approximation of the Binomial(d, 1/2) order-statistic
     * interval, covering at least 95% for d above about 20).
     */
    static double[] medianInterval(double[] sorted) {
        int d = sorted.length;
        double half = 1.959963984540054 * Math.sqrt(d) / 2;
        int l = (int) Math.max(0, Math.floor(d / 2.0 - half) - 1);
        int u = (int) Math.min(d - 1, Math.ceil(d / 2.0 + half));
        return new double[] {sorted[l], sorted[u]};
    }
}
