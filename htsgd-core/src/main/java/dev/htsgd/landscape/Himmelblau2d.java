package dev.htsgd.landscape;

import dev.htsgd.check.Require;
/**
 * The 2-D four-basin landscape of the ICLR section 3.2 experiment (paper notes section 5.D). ICLR uses a
 * modified Himmelblau function whose printed coordinate transform is garbled and misses a constant, so
 * htsgd defines an equivalent landscape of its own with the property the experiment needs: at b = 2.15,
 * two wide basins need two clipped jumps to be left and two narrow basins need one.
 *
 * <p>Definition (separable, so every basin boundary is a straight line and radii are exact):
 *
 * <pre>
 * f(x, y) = u(x) + v(y),   u'(x) = k x (x + 2.6)(x - 1.2),   v'(y) = k y (y - 2.6)(y + 2.6),   k = 1/2
 * u(x) = k (x^4/4 + 1.4 x^3/3 - 1.56 x^2),                    v(y) = k (y^4/4 - 3.38 y^2)
 * </pre>
 *
 * <p>Like Himmelblau's function it has four minima, one per quadrant-like basin:
 * wide W1 = (-2.6, 2.6) and W2 = (-2.6, -2.6) (f = -9.37, radius r = 2.6, J = ceil(2.6/2.15) = 2) and
 * narrow N1 = (1.2, 2.6) and N2 = (1.2, -2.6) (f = -6.17, radius r = 1.2, J = 1), on the default
 * projection domain, the L2 ball of radius 4.2 around 0 (ICLR's choice; all minima lie inside it, the
 * farthest at distance 3.68). The attraction fields are the four quadrants cut by the lines x = 0 and
 * y = 0 (the gradient flow never crosses them); the radius r of a basin is the distance from its minimiser
 * to the nearest of those lines (the ball boundary is a projection, not an exit). Saddles sit at (0, +-2.6),
 * (-2.6, 0) and (1.2, 0), the maximum at the origin.
 *
 * @param domain where the iterate lives (default the ball of radius 4.2)
 */
public record Himmelblau2d(Domain domain) implements Objective {

    /** The ICLR projection radius. */
    public static final double BALL_RADIUS = 4.2;
    /** The clipping threshold of the ICLR 2-D experiment. */
    public static final double B = 2.15;
    private static final double K = 0.5;

    public Himmelblau2d {
        Require.given("domain", domain, "must not be null");
    }

    public static Himmelblau2d of() {
        return new Himmelblau2d(Domain.ball(new double[] {0, 0}, BALL_RADIUS));
    }

    /** The four minimisers: wide W1, W2 then narrow N1, N2 (each a fresh array). */
    public static double[][] minimizers() {
        return new double[][] {{-2.6, 2.6}, {-2.6, -2.6}, {1.2, 2.6}, {1.2, -2.6}};
    }

    /** Radius r of each basin, aligned with {@link #minimizers()}: 2.6, 2.6, 1.2, 1.2. */
    public static double[] radii() {
        return new double[] {2.6, 2.6, 1.2, 1.2};
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double value(double[] p) {
        double x = p[0];
        double y = p[1];
        double x2 = x * x;
        double y2 = y * y;
        return K * (x2 * x2 / 4 + 1.4 * x2 * x / 3 - 1.56 * x2) + K * (y2 * y2 / 4 - 3.38 * y2);
    }

    @Override
    public void gradient(double[] p, double[] grad) {
        double x = p[0];
        double y = p[1];
        grad[0] = K * x * (x + 2.6) * (x - 1.2);
        grad[1] = K * y * (y - 2.6) * (y + 2.6);
    }

    @Override
    public String name() {
        return "himmelblau2d";
    }
}
