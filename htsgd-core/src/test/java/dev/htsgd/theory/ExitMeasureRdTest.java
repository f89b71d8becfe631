package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.ExpressionObjective;
import dev.htsgd.landscape.Himmelblau2d;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.IndependentNoise;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.Noises;
import dev.htsgd.sim.Streams;
import org.junit.jupiter.api.Test;

/**
 * The theory in R^d (issue 14): fields, rates q_b(i, j) = C_{J_i}(I_j; m_i) and the jump process of d-D landscapes
 * against the 1-D theory and against their own Monte Carlo. Fixed seeds; every statistical tolerance is stated
 * in standard errors next to its assertion.
 */
class ExitMeasureRdTest {

    /** u'(x) = x (x - 1)(x + 1.5): minima -1.5 and 1 with the maximum 0 between (radii 1.5, 1). */
    static final String U = "(x^4/4 + x^3/6 - 0.75*x^2)";
    /** v'(y) = y (y - 1.2)(y + 0.8): minima -0.8 and 1.2 (radii 0.8, 1.2). */
    static final String V = "(y^4/4 - 0.4*y^3/3 - 0.48*y^2)";
    static final NoiseModel PARETO = Noises.of("pareto", 1.5, 0.5, 1);

    static Objective separable() {
        return ExpressionObjective.parse(U + "+" + V, Domain.box(new double[] {-3, -3}, new double[] {3, 3}));
    }

    static Objective1D oneD(String formula) {
        return (Objective1D) ExpressionObjective.parse(formula, Domain.interval(-3, 3));
    }

    static LandscapeAnalysis twoD(Objective f, dev.htsgd.noise.VectorNoise z, double b, int samples) {
        FlowFields fields = FlowFields.of(f);
        long key = Streams.key(7, "rates-test", f.name() + b);
        return LandscapeAnalysis.of(fields, z, b, samples, i -> Streams.forReplication(key, i));
    }

    /**
     * f(x, y) = u(x) + v(y) with i.i.d. coordinates: S lives on the axes with S(+-e_k) = p+- / d, and
     * lambda_d(eta) ~ d lambda_1(eta), so a 2-D rate times d^J is the 1-D rate of the coordinate that moves
     * (1-D p+ and p- are the masses of +e_k and -e_k times d). Minima sorted by x then y:
     * 0 = (-1.5, -0.8), 1 = (-1.5, 1.2), 2 = (1, -0.8), 3 = (1, 1.2).
     */
    @Test
    void separableLandscapeGivesTheOneDimensionalRates() {
        Objective f = separable();
        LandscapeAnalysis u = LandscapeAnalysis.of(oneD(U), PARETO, 0.7);
        LandscapeAnalysis v = LandscapeAnalysis.of(oneD(V.replace('y', 'x')), PARETO, 0.7);
        // b = 0.7: J_u = (ceil(1.5/0.7), ceil(1/0.7)) = (3, 2), J_v = (ceil(0.8/0.7), ceil(1.2/0.7)) = (2, 2)
        LandscapeAnalysis two = twoD(f, IndependentNoise.of(PARETO, 2), 0.7, 8000);
        FlowFields fields = two.fields();
        assertThat(fields.size()).isEqualTo(4);
        assertThat(fields.radii()).containsExactly(new double[] {0.8, 1.2, 0.8, 1.0}, within(1e-4));
        assertThat(two.graph().jumpNumbers()).containsExactly(2, 2, 2, 2);
        double d2 = 4; // d^J = 2^2
        // field 3 = (1, 1.2): J = 2 along x (u: 1 -> -1.5, 1-D J = 2) and along y (v: 1.2 -> -0.8, 1-D J = 2)
        assertRate(two, 3, 1, d2 * 1, u.rate(1, 0).value(), 3);
        assertRate(two, 3, 2, d2, v.rate(1, 0).value(), 3);
        // field 0 = (-1.5, -0.8): only y exits with 2 jumps (x needs 3): v: -0.8 -> 1.2
        assertRate(two, 0, 1, d2, v.rate(0, 1).value(), 3);
        assertThat(two.rate(0, 2).value()).isZero();
        // no diagonal move with J jumps along the axes
        assertThat(two.rate(3, 0).value()).isZero();
    }

    /** |d^J q2 - q1| within k standard errors of the 2-D Monte Carlo (the 1-D quadrature's error is ~1e-6). */
    private static void assertRate(LandscapeAnalysis two, int i, int j, double factor, double oneD, double k) {
        ExitMeasure.Estimate e = two.rate(i, j);
        assertThat(e.method()).isEqualTo("monte-carlo");
        assertThat(factor * e.value()).as("q(%d,%d) x d^J = %s +- %s vs 1-D %s", i, j, factor * e.value(), factor * e.error(), oneD)
                .isCloseTo(oneD, within(k * factor * e.error()));
        assertThat(e.error()).isLessThan(0.2 * e.value()); // the Monte Carlo is informative (relative SE < 20%)
    }

    /** The same separable landscape with one jump (b = 2): quadrature over the 2d axis atoms equals 1-D / d. */
    @Test
    void oneJumpAxesQuadratureIsTheOneDimensionalRate() {
        Objective f = separable();
        LandscapeAnalysis u = LandscapeAnalysis.of(oneD(U), PARETO, 2);
        LandscapeAnalysis two = twoD(f, IndependentNoise.of(PARETO, 2), 2, 1000);
        assertThat(two.graph().jumpNumbers()).containsExactly(1, 1, 1, 1);
        // 2 -> 0 is an x move of u from 1 to -1.5; the quadrature's error bound is the bisection's (~1e-6)
        ExitMeasure.Estimate e = two.rate(2, 0);
        assertThat(e.method()).isEqualTo("quadrature");
        assertThat(2 * e.value()).isCloseTo(u.rate(1, 0).value(), within(1e-4));
    }

    /**
     * One-jump quadrature over the circle against its own Monte Carlo (isotropic noise, the narrow basins of
     * himmelblau2d at b = 2.15): within 3 standard errors of the Monte Carlo.
     */
    @Test
    void oneJumpQuadratureAgreesWithItsMonteCarlo() {
        Objective f = Himmelblau2d.of();
        FlowFields fields = FlowFields.of(f);
        ExitMeasureRd m = ExitMeasureRd.of(fields, IsotropicNoise.of(Noises.of("pareto", 1.2, 0.75, 1), 2).levyMeasure(), 2.15);
        int narrow = 3; // (1.2, 2.6), radius 1.2
        assertThat(m.jumps(narrow)).isEqualTo(1);
        ExitMeasure.Estimate[] quad = m.oneJump(narrow);
        ExitMeasure.Estimate[] mc = m.monteCarlo(narrow, 4000, Streams.forReplication(11, 0));
        for (int j = 0; j < 4; j++) {
            assertThat(quad[j].value()).as("q(3,%d)", j).isCloseTo(mc[j].value(), within(3 * mc[j].error() + 1e-12));
            assertThat(quad[j].error()).isLessThan(1e-3 * Math.max(quad[j].value(), 1e-3));
        }
        assertThat(quad[1].value()).isGreaterThan(0.1);
    }

    @Test
    void badInputIsNamed() {
        FlowFields fields = FlowFields.of(Himmelblau2d.of());
        ExitMeasureRd m = ExitMeasureRd.of(fields, IsotropicNoise.of(Noises.of("pareto", 1.2, 0.75, 1), 2).levyMeasure(), 2.15);
        assertThatThrownBy(() -> m.monteCarlo(0, 10, Streams.forReplication(1, 0)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("at least 100");
        assertThatThrownBy(() -> LandscapeAnalysis.of(fields, IsotropicNoise.of(Noises.of("pareto", 1.2, 0.75, 1), 2), 0.3, 1000,
                i -> Streams.forReplication(1, i)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("above the supported 6");
        assertThatThrownBy(() -> m.oneJump(0)).hasMessageContaining("J = 1 only");
    }
}
