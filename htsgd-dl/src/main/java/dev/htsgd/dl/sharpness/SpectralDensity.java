package dev.htsgd.dl.sharpness;

/**
 * An estimate of the Hessian's eigenvalue-counting measure phi(t) = sum_i delta(t - lambda_i) as a weighted sum of
 * point masses (stochastic Lanczos quadrature, {@link HessianSpectrum#density}): {@code weights} sum to the
 * dimension d, so the smoothed density integrates to d, and sum_k w_k nodes_k estimates tr(H).
 *
 * @param nodes     quadrature nodes (Ritz values)
 * @param weights   their weights, summing to d
 * @param dimension d
 */
public record SpectralDensity(double[] nodes, double[] weights, int dimension) {

    public SpectralDensity {
        if (nodes.length != weights.length) {
            throw new IllegalArgumentException("nodes and weights must have equal length, got " + nodes.length + " and "
                    + weights.length);
        }
    }

    /** Total mass sum_k w_k (= d up to rounding). */
    public double mass() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** The SLQ estimate of tr(H): sum_k w_k nodes_k. */
    public double trace() {
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            s += weights[k] * nodes[k];
        }
        return s;
    }

    /** The density smoothed by a Gaussian kernel of standard deviation sigma, at t. */
    public double density(double t, double sigma) {
        if (!(sigma > 0)) {
            throw new IllegalArgumentException("sigma must be in (0, inf), got " + sigma);
        }
        double s = 0;
        double c = 1.0 / (sigma * Math.sqrt(2 * Math.PI));
        for (int k = 0; k < nodes.length; k++) {
            double u = (t - nodes[k]) / sigma;
            s += weights[k] * c * Math.exp(-0.5 * u * u);
        }
        return s;
    }

    /** The smoothed density on {@code points} equally spaced values from lo to hi. */
    public double[][] grid(double lo, double hi, int points, double sigma) {
        if (points < 2 || !(hi > lo)) {
            throw new IllegalArgumentException("grid needs points >= 2 and lo < hi, got " + points + " points on [" + lo
                    + ", " + hi + "]");
        }
        double[][] out = new double[2][points];
        for (int i = 0; i < points; i++) {
            double t = lo + (hi - lo) * i / (points - 1);
            out[0][i] = t;
            out[1][i] = density(t, sigma);
        }
        return out;
    }

    /** Smallest node. */
    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double x : nodes) {
            m = Math.min(m, x);
        }
        return m;
    }

    /** Largest node. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : nodes) {
            m = Math.max(m, x);
        }
        return m;
    }
}
