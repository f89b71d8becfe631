package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.LevyMeasure;
import org.junit.jupiter.api.Test;

/**
 * The stationary law over all minima and per class, checked against closed forms that do not go through the
 * generator or its linear solve: the matrix-tree (Kirchhoff) formula on three states and the two-state ratio.
 */
class JumpProcessStationaryTest {

    private static final LevyMeasure NU = LevyMeasure.of(1.2, 0.5);

    @Test
    void irreducibleLawOverAllMinimaIsTheKirchhoffTreeFormula() {
        // fig2 at b = 0.5: every minimum is widest and Q = q
        LandscapeAnalysis a = LandscapeAnalysis.of(ExitMeasureTest.fig2(), NU, 0.5);
        double[][] q = a.rateMatrix();
        // pi_i proportional to the sum over spanning trees directed into i of the product of their rates
        double[] tree = {
            q[1][0] * q[2][0] + q[1][2] * q[2][0] + q[2][1] * q[1][0],
            q[0][1] * q[2][1] + q[0][2] * q[2][1] + q[2][0] * q[0][1],
            q[0][2] * q[1][2] + q[0][1] * q[1][2] + q[1][0] * q[0][2]};
        double z = tree[0] + tree[1] + tree[2];
        double[] pi = a.process().stationaryOverMinima();
        assertThat(pi).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(pi[i]).isCloseTo(tree[i] / z, within(1e-12));
        }
        assertThat(a.process().classStationary(0)).containsExactly(pi, within(0.0));
    }

    @Test
    void lawIsZeroOffTheWidestMinima() {
        // radii 0.2, 0.9, 0.6 at b = 0.5: V*_b = {m_1, m_2}, m_0 is left at once
        LandscapeAnalysis a = LandscapeAnalysis.of(JumpProcessTest.asymmetric(), NU, 0.5);
        double[][] q = a.rateMatrix();
        double[] pi = a.process().stationaryOverMinima();
        assertThat(pi[0]).isZero();
        // two states: a visit to m_0 from m_1 returns to m_1, so only m_1 <-> m_2 counts
        assertThat(pi[1]).isCloseTo(q[2][1] / (q[1][2] + q[2][1]), within(1e-12));
        assertThat(pi[2]).isCloseTo(q[1][2] / (q[1][2] + q[2][1]), within(1e-12));
    }

    @Test
    void reducibleGraphWithOneClosedClassGivesThatClassLaw() {
        // fig2 at b = 0.4: {m_0, m_1} absorbing, {m_2} transient (killed when it leaves)
        LandscapeAnalysis a = LandscapeAnalysis.of(ExitMeasureTest.fig2(), NU, 0.4);
        JumpProcess p = a.process();
        assertThat(p.irreducible()).isFalse();
        assertThat(p.absorbingClasses()).containsExactly(0);
        double[][] q = a.rateMatrix();
        double[] pi = p.stationaryOverMinima();
        assertThat(pi[0]).isCloseTo(q[1][0] / (q[0][1] + q[1][0]), within(1e-12));
        assertThat(pi[1]).isCloseTo(q[0][1] / (q[0][1] + q[1][0]), within(1e-12));
        assertThat(pi[2]).isZero();
        assertThatThrownBy(() -> p.classStationary(1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("transient");
        assertThatThrownBy(() -> p.classStationary(2)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void severalClosedClassesEachHaveTheirOwnLaw() {
        // minima -1, 0, 2, 3 and maxima -0.2, 1.0, 2.2: radii 0.8, 0.2, 0.2, 0.8; at b = 0.5 the narrow m_1 and
        // m_2 fall back to their wide neighbours in one jump but need two to cross s_2: {m_0, m_1}, {m_2, m_3}
        Objective1D f = TestLandscapes.polynomial("two-wells", Domain.unbounded(), 1.0,
                -1.0, -0.2, 0.0, 1.0, 2.0, 2.2, 3.0);
        Basins basins = Basins.of(f, CriticalPoints1D.find(f, -3, 5, 40_001), x -> 1.0);
        LandscapeAnalysis a = LandscapeAnalysis.of(basins, NU, 0.5);
        JumpProcess p = a.process();
        assertThat(p.absorbingClasses()).containsExactly(0, 1);
        assertThatThrownBy(p::stationaryOverMinima).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("classStationary");
        // each class: the wide minimum alone is widest there, so its law is the point mass
        assertThat(p.classStationary(0)).containsExactly(new double[] {1, 0, 0, 0}, within(1e-12));
        assertThat(p.classStationary(1)).containsExactly(new double[] {0, 0, 0, 1}, within(1e-12));
    }
}
