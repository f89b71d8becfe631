package dev.htsgd.stats;

import java.util.List;

/**
 * The recommended tail index of a sample and how it was chosen (see {@link RecommendedTailIndex}).
 *
 * @param estimate the recommended alpha_hat
 * @param low lower end of its 95% interval
 * @param high upper end of its 95% interval
 * @param estimator the chosen estimator: "stable" or "hill-adaptive"
 * @param reason one sentence saying why that estimator was chosen
 * @param n number of samples
 * @param estimates every estimate computed (block, hill at the default k, hill-adaptive, stable when fitted)
 * @param ks the grid of k of the Hill plot
 * @param hillAlphas alpha_hat(k) of the Hill plot at each of {@code ks}
 * @param hillK the k chosen by the adaptive Hill rule
 * @param stableFit the McCulloch fit, or null for vector samples
 */
public record TailIndexRecommendation(double estimate, double low, double high, String estimator, String reason,
        int n, List<TailIndexEstimate> estimates, int[] ks, double[] hillAlphas, int hillK, StableQuantileFit stableFit) {

    public TailIndexRecommendation {
        estimates = List.copyOf(estimates);
        ks = ks.clone();
        hillAlphas = hillAlphas.clone();
    }

    @Override
    public int[] ks() {
        return ks.clone();
    }

    @Override
    public double[] hillAlphas() {
        return hillAlphas.clone();
    }

    /** The estimate of the given method, or null. */
    public TailIndexEstimate estimate(String method) {
        for (TailIndexEstimate e : estimates) {
            if (e.method().equals(method)) {
                return e;
            }
        }
        return null;
    }
}
