package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.ExpressionObjective;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.IndependentNoise;
import dev.htsgd.sim.Streams;
import org.junit.jupiter.api.Test;

/**
 * The theory in R^3 on a separable landscape f(x, y, z) = u(x) + v(y) + w(z) (issue 14): its fields are the
 * products of the 1-D fields, so the 8 minima, their radii r = min over the axes of the 1-D radii and, with
 * independent coordinates, the one-jump rates are known from the 1-D theory of u, v and w.
 */
class SeparableThreeDTest {

    /** w'(z) = z (z - 1.4)(z + 1.1): minima -1.1 and 1.4 with the maximum 0 between (radii 1.1, 1.4). */
    static final String W = "(z^4/4 - 0.1*z^3 - 0.77*z^2)";
    /** The 1-D radii of u, v, w (ExitMeasureRdTest's U and V, and W), by minimum: left then right. */
    static final double[][] RADII = {{1.5, 1.0}, {0.8, 1.2}, {1.1, 1.4}};
    static final double[][] MINIMA = {{-1.5, 1.0}, {-0.8, 1.2}, {-1.1, 1.4}};

    static final Objective F = ExpressionObjective.parse(ExitMeasureRdTest.U + "+" + ExitMeasureRdTest.V + "+" + W,
            Domain.box(new double[] {-3, -3, -3}, new double[] {3, 3, 3}));
    /** The fields by the default 3-D search (8^3 starts, 64 directions): shared, they take most of the time. */
    static final FlowFields FIELDS = FlowFields.of(F);

    /** Field number of the minimum (a, b, c) (0 = left, 1 = right per axis): sorted by x, then y, then z. */
    static int index(int a, int b, int c) {
        return 4 * a + 2 * b + c;
    }

    /** The 8 minima and their radii min(r_u, r_v, r_w), within twice the stated tolerance. */
    @Test
    void eightMinimaWithTheProductRadii() {
        FlowFields fields = FIELDS;
        assertThat(fields.size()).isEqualTo(8);
        double tol = 2 * fields.tolerance();
        double[][] m = fields.minima();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                for (int c = 0; c < 2; c++) {
                    int i = indexOf(m, MINIMA[0][a], MINIMA[1][b], MINIMA[2][c]);
                    assertThat(fields.radius(i)).as("r of (%d,%d,%d)", a, b, c)
                            .isCloseTo(Math.min(RADII[0][a], Math.min(RADII[1][b], RADII[2][c])), within(tol));
                    assertThat(fields.drift(i).holds()).isTrue();
                }
            }
        }
    }

    /**
     * b = 2 > every radius: J = 1 everywhere, and with independent coordinates S lives on the 2d = 6 axis atoms
     * of mass p+- / d each, so d q_3(i, j) is the 1-D rate of the coordinate that moves (the 2-D test's mapping,
     * ExitMeasureRdTest#oneJumpAxesQuadratureIsTheOneDimensionalRate); a move of two coordinates has rate 0.
     */
    @Test
    void oneJumpRatesAreTheOneDimensionalRates() {
        FlowFields fields = FIELDS;
        long key = Streams.key(7, "rates-test-3d", F.name());
        LandscapeAnalysis three = LandscapeAnalysis.of(fields, IndependentNoise.of(ExitMeasureRdTest.PARETO, 3), 2, 1000,
                i -> Streams.forReplication(key, i));
        assertThat(three.graph().jumpNumbers()).containsOnly(1);
        LandscapeAnalysis u = LandscapeAnalysis.of(ExitMeasureRdTest.oneD(ExitMeasureRdTest.U), ExitMeasureRdTest.PARETO, 2);
        LandscapeAnalysis v = LandscapeAnalysis.of(ExitMeasureRdTest.oneD(ExitMeasureRdTest.V.replace('y', 'x')),
                ExitMeasureRdTest.PARETO, 2);
        LandscapeAnalysis w = LandscapeAnalysis.of(ExitMeasureRdTest.oneD(W.replace('z', 'x')), ExitMeasureRdTest.PARETO, 2);
        double[][] m = fields.minima();
        int from = indexOf(m, 1.0, 1.2, 1.4); // right, right, right
        // the quadrature's error is the bisection's (~1e-6 relative): 1e-4 absolute is ample
        ExitMeasure.Estimate x = three.rate(from, indexOf(m, -1.5, 1.2, 1.4));
        assertThat(x.method()).isEqualTo("quadrature");
        assertThat(3 * x.value()).isCloseTo(u.rate(1, 0).value(), within(1e-4));
        assertThat(3 * three.rate(from, indexOf(m, 1.0, -0.8, 1.4)).value()).isCloseTo(v.rate(1, 0).value(), within(1e-4));
        assertThat(3 * three.rate(from, indexOf(m, 1.0, 1.2, -1.1)).value()).isCloseTo(w.rate(1, 0).value(), within(1e-4));
        assertThat(three.rate(from, indexOf(m, -1.5, -0.8, 1.4)).value()).isZero();
        assertThat(u.rate(1, 0).value()).isGreaterThan(1e-3); // the comparison is not between zeros
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
