package dev.htsgd.dl.sharpness;

/**
 * The finite-difference fallback for Hessian-vector products: central differences of gradients along the unit
 * direction u = v / |v|,
 *
 * <pre>  H v  ~  |v| (grad L(theta + h u) - grad L(theta - h u)) / (2 h),   h = (3 eps)^(1/3) max(1, |theta|_inf)</pre>
 *
 * where eps is the loss's {@link LossFunction#unitRoundoff() unit round-off}. The error has a truncation part
 * h^2 |D^3 L| / 6 and a rounding part eps |grad L| / h; with this h both are of order eps^(2/3): about 1e-11
 * relative in double precision (the intended use: a network cast to float64) and about 1e-5 in single
 * precision. {@link #applyWithError} also returns an a-posteriori estimate of the error, |D(h) - D(2h)| / 3
 * (Richardson), at the cost of two more gradients.
 */
public final class FiniteDifferenceHvp {

    private FiniteDifferenceHvp() {
    }

    /** The step h used for a point theta and a loss with unit round-off eps. */
    public static double step(double[] theta, double eps) {
        double scale = 1.0;
        for (double t : theta) {
            scale = Math.max(scale, Math.abs(t));
        }
        return Math.cbrt(3.0 * eps) * scale;
    }

    /** Writes the central-difference approximation of H(theta) v into out; costs two gradients. */
    public static void apply(LossFunction f, double[] theta, double[] v, double[] out) {
        difference(f, theta, v, out, step(theta, f.unitRoundoff()));
    }

    /**
     * Like {@link #apply}, and returns the estimated Euclidean norm of the error of out, |D(h) - D(2h)| / 3
     * (four gradients in all).
     */
    public static double applyWithError(LossFunction f, double[] theta, double[] v, double[] out) {
        double h = step(theta, f.unitRoundoff());
        difference(f, theta, v, out, h);
        double[] coarse = new double[out.length];
        difference(f, theta, v, coarse, 2 * h);
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            double e = out[i] - coarse[i];
            s += e * e;
        }
        return Math.sqrt(s) / 3.0;
    }

    private static void difference(LossFunction f, double[] theta, double[] v, double[] out, double h) {
        int d = theta.length;
        if (v.length != d || out.length != d) {
            throw new IllegalArgumentException("v and out must have length " + d + ", got " + v.length + " and " + out.length);
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            java.util.Arrays.fill(out, 0.0);
            return;
        }
        double[] point = new double[d];
        double[] gPlus = new double[d];
        double[] gMinus = new double[d];
        for (int i = 0; i < d; i++) {
            point[i] = theta[i] + h * v[i] / norm;
        }
        f.valueAndGradient(point, gPlus);
        for (int i = 0; i < d; i++) {
            point[i] = theta[i] - h * v[i] / norm;
        }
        f.valueAndGradient(point, gMinus);
        double c = norm / (2 * h);
        for (int i = 0; i < d; i++) {
            out[i] = (gPlus[i] - gMinus[i]) * c;
        }
    }
}
