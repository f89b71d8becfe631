package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.ExpressionObjective;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.IndependentNoise;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.sim.Streams;
import org.junit.jupiter.api.Test;

/**
 * The theory in R^3 (issue 14). On a separable landscape f(x, y, z) = u(x) + y^2 / 2 + w(z) the fields are the
 * products of the 1-D fields, so the 4 minima, their radii r = min(r_u, r_w) and, with independent coordinates,
 * the one-jump rates are known from the 1-D theory of u and w (y has one well: its moves stay in the field). With
 * isotropic noise the one-jump quadrature over the sphere is checked against a closed form on a landscape with a
 * flat boundary. (Two wells on every axis, 8 minima, cost four times the search: the README's example.)
 */
class ThreeDimensionalTheoryTest {

    /** w'(z) = z (z - 1.4)(z + 1.1): minima -1.1 and 1.4 with the maximum 0 between (radii 1.1, 1.4). */
    static final String W = "(z^4/4 - 0.1*z^3 - 0.77*z^2)";
    /** u's minima -1.5, 1 (radii 1.5, 1; ExitMeasureRdTest's U) and w's, left then right. */
    static final double[][] MINIMA = {{-1.5, 1.0}, {-1.1, 1.4}};
    static final double[][] RADII = {{1.5, 1.0}, {1.1, 1.4}};

    static final Objective F = ExpressionObjective.parse(ExitMeasureRdTest.U + "+0.5*y^2+" + W,
            Domain.box(new double[] {-3, -3, -3}, new double[] {3, 3, 3}));
    /** The fields by the default 3-D search (8^3 starts) with 16 random directions: shared, the test's main cost. */
    static final FlowFields FIELDS = FlowFields.of(F, FlowFields.Options.defaults(3).withDirections(16));

    /** The 4 minima (y = 0) and their radii min(r_u, r_w), within twice the stated tolerance. */
    @Test
    void minimaWithTheProductRadii() {
        assertThat(FIELDS.size()).isEqualTo(4);
        double tol = 2 * FIELDS.tolerance();
        double[][] m = FIELDS.minima();
        for (int a = 0; a < 2; a++) {
            for (int c = 0; c < 2; c++) {
                int i = indexOf(m, MINIMA[0][a], 0, MINIMA[1][c]);
                assertThat(FIELDS.radius(i)).as("r of (%d,%d)", a, c)
                        .isCloseTo(Math.min(RADII[0][a], RADII[1][c]), within(tol));
                assertThat(FIELDS.drift(i).holds()).isTrue();
            }
        }
    }

    /**
     * b = 2 &gt; every radius: J = 1 everywhere, and with independent coordinates S lives on the 2d = 6 axis atoms
     * of mass p+- / d each, so d q_3(i, j) is the 1-D rate of the coordinate that moves (the 2-D test's mapping,
     * ExitMeasureRdTest#oneJumpAxesQuadratureIsTheOneDimensionalRate); a move of two coordinates has rate 0.
     */
    @Test
    void oneJumpRatesAreTheOneDimensionalRates() {
        long key = Streams.key(7, "rates-test-3d", F.name());
        LandscapeAnalysis three = LandscapeAnalysis.of(FIELDS, IndependentNoise.of(ExitMeasureRdTest.PARETO, 3), 2, 1000,
                i -> Streams.forReplication(key, i));
        assertThat(three.graph().jumpNumbers()).containsOnly(1);
        LandscapeAnalysis u = LandscapeAnalysis.of(ExitMeasureRdTest.oneD(ExitMeasureRdTest.U), ExitMeasureRdTest.PARETO, 2);
        LandscapeAnalysis w = LandscapeAnalysis.of(ExitMeasureRdTest.oneD(W.replace('z', 'x')), ExitMeasureRdTest.PARETO, 2);
        double[][] m = FIELDS.minima();
        int from = indexOf(m, 1.0, 0, 1.4); // right, right
        // the quadrature's error is the bisection's (~1e-6 relative): 1e-4 absolute is ample
        ExitMeasure.Estimate x = three.rate(from, indexOf(m, -1.5, 0, 1.4));
        assertThat(x.method()).isEqualTo("quadrature");
        assertThat(3 * x.value()).isCloseTo(u.rate(1, 0).value(), within(1e-4));
        assertThat(3 * three.rate(from, indexOf(m, 1.0, 0, -1.1)).value()).isCloseTo(w.rate(1, 0).value(), within(1e-4));
        assertThat(three.rate(from, indexOf(m, -1.5, 0, -1.1)).value()).isZero();
        assertThat(u.rate(1, 0).value()).isGreaterThan(1e-3); // the comparison is not between zeros
    }

    /**
     * f = (x^2 - 1)^2 + y^2 + z^2 on the ball of radius 2: the fields are the half-spaces x &lt; 0 and x &gt; 0 (the
     * radial projection keeps the sign of x), so from m = (1, 0, 0) a jump of length r in the direction u lands in
     * the other field iff min(r, b) (-u_x) &gt; 1. Under the uniform S, w = -u_x is uniform on [-1, 1]
     * (Archimedes), so q_b(1, 0) = (1/2) int_{1/b}^1 nu(|Z| &gt; 1/w) dw, here by Simpson's rule (error ~1e-12).
     * The quadrature (an equal-area grid of directions) must be within its stated error of it.
     */
    @Test
    void isotropicOneJumpQuadratureHasTheClosedForm() {
        Objective f = ExpressionObjective.parse("(x^2-1)^2+y^2+z^2", Domain.parse(null, 2.0));
        FlowFields fields = FlowFields.of(f, FlowFields.Options.defaults(3).withDirections(16));
        double b = 1.5;
        dev.htsgd.noise.VectorLevyMeasure nu = IsotropicNoise.of(ExitMeasureRdTest.PARETO, 3).levyMeasure();
        ExitMeasureRd m = ExitMeasureRd.of(fields, nu, b);
        int from = fields.minima()[0][0] > 0 ? 0 : 1;
        assertThat(m.jumps(from)).isEqualTo(1);
        ExitMeasure.Estimate q = m.oneJump(from)[1 - from];
        int k = 2000;
        double lo = 1 / b;
        double h = (1 - lo) / k;
        double sum = 0;
        for (int j = 0; j <= k; j++) {
            double w = lo + j * h;
            sum += (j == 0 || j == k ? 1 : j % 2 == 1 ? 4 : 2) * nu.radialTail(1 / w);
        }
        double exact = 0.5 * sum * h / 3;
        assertThat(q.method()).isEqualTo("quadrature");
        assertThat(q.value()).as("q = %s +- %s vs %s", q.value(), q.error(), exact).isCloseTo(exact, within(q.error()));
        assertThat(q.error()).isLessThan(0.1 * exact);
    }

    private static int indexOf(double[][] m, double x, double y, double z) {
        for (int i = 0; i < m.length; i++) {
            if (Math.abs(m[i][0] - x) < 1e-4 && Math.abs(m[i][1] - y) < 1e-4 && Math.abs(m[i][2] - z) < 1e-4) {
                return i;
            }
        }
        throw new AssertionError("no minimum at (" + x + ", " + y + ", " + z + ")");
    }
}
