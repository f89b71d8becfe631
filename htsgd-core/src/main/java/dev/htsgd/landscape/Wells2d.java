package dev.htsgd.landscape;

import dev.htsgd.check.Require;
/**
 * A 2-D landscape without symmetry for the multi-d theory (issue 14): three Gaussian wells of different depths
 * and widths in a weak quadratic bowl, so the attraction fields have curved boundaries, unequal radii and
 * unequal neighbours, and no comparison is decided by a reflection.
 *
 * <pre>
 * f(p) = 0.02 |p|^2 - sum_k a_k exp(-|p - c_k|^2 / (2 s_k^2))
 * c = (-2, 0), (1.5, 1.2), (1.2, -1.5);  a = 2, 1.5, 1.2;  s = 1.0, 0.5, 0.7
 * </pre>
 *
 * A wide well near (-2, 0), a narrow one near (1.5, 1.2) and a medium one near (1.2, -1.5); default projection
 * domain the L2 ball of radius 4 around 0. The minimisers, fields and radii are computed by
 * {@link dev.htsgd.theory.FlowFields} (no closed form).
 *
 * @param domain where the iterate lives
 */
public record Wells2d(Domain domain) implements Objective {

    private static final double[][] C = {{-2, 0}, {1.5, 1.2}, {1.2, -1.5}};
    private static final double[] A = {2, 1.5, 1.2};
    private static final double[] S = {1.0, 0.5, 0.7};
    /** The default projection radius. */
    public static final double BALL_RADIUS = 4;

    public Wells2d {
        Require.given("domain", domain, "must not be null");
    }

    public static Wells2d of() {
        return new Wells2d(Domain.ball(new double[] {0, 0}, BALL_RADIUS));
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        double v = 0.02 * (p[0] * p[0] + p[1] * p[1]);
        for (int k = 0; k < 3; k++) {
            double dx = p[0] - C[k][0];
            double dy = p[1] - C[k][1];
            v -= A[k] * Math.exp(-(dx * dx + dy * dy) / (2 * S[k] * S[k]));
        }
        return v;
    }

    @Override
    public void gradient(double[] p, double[] grad) {
        double gx = 0.04 * p[0];
        double gy = 0.04 * p[1];
        for (int k = 0; k < 3; k++) {
            double dx = p[0] - C[k][0];
            double dy = p[1] - C[k][1];
            double s2 = S[k] * S[k];
            double e = A[k] * Math.exp(-(dx * dx + dy * dy) / (2 * s2)) / s2;
            gx += e * dx;
            gy += e * dy;
        }
        grad[0] = gx;
        grad[1] = gy;
    }

    @Override
    public String name() {
        return "wells2d";
    }
}
