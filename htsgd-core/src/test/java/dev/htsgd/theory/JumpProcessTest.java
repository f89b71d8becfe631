package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.LevyMeasure;
import java.util.List;
import org.junit.jupiter.api.Test;

class JumpProcessTest {

    private static final LevyMeasure NU = LevyMeasure.of(1.2, 0.5);

    /** Minima -1.2, 0, 1.5 and maxima -1.0, 0.9: radii 0.2, 0.9, 0.6. */
    static Basins asymmetric() {
        Objective1D f = TestLandscapes.polynomial("asym", dev.htsgd.landscape.Domain.unbounded(), 1.0, -1.2, -1.0, 0.0, 0.9, 1.5);
        return Basins.of(f, CriticalPoints1D.find(f, -3, 3, 20_001), x -> 1.0);
    }

    @Test
    void generatorOnAllMinimaWhenAllAreWidest() {
        LandscapeAnalysis a = LandscapeAnalysis.of(ExitMeasureTest.fig2(), NU, 0.5);
        JumpProcess.ClassChain c = a.process().chain();
        assertThat(c.widest()).containsExactly(0, 1, 2);
        double[][] q = a.rateMatrix();
        double[][] gen = c.generator();
        for (int i = 0; i < 3; i++) {
            double row = 0;
            for (int j = 0; j < 3; j++) {
                row += gen[i][j];
                if (j != i) {
                    assertThat(gen[i][j]).isCloseTo(q[i][j], within(1e-12));
                }
            }
            assertThat(row).isCloseTo(0, within(1e-9));
            assertThat(c.holdingTimes()[i]).isCloseTo(1 / a.exitRate(i), within(1e-12));
        }
        // pi Q = 0 and sums to 1
        double[] pi = c.stationary();
        for (int j = 0; j < 3; j++) {
            double s = 0;
            for (int i = 0; i < 3; i++) {
                s += pi[i] * gen[i][j];
            }
            assertThat(s).isCloseTo(0, within(1e-9));
        }
        assertThat(pi[0] + pi[1] + pi[2]).isCloseTo(1, within(1e-12));
    }

    @Test
    void narrowMinimaAreLeftInstantlyThroughTheta() {
        Basins basins = asymmetric();
        assertThat(basins.radii()).containsExactly(new double[] {0.2, 0.9, 0.6}, within(1e-12));
        LandscapeAnalysis a = LandscapeAnalysis.of(basins, NU, 0.5);
        assertThat(a.graph().jumpNumbers()).containsExactly(1, 2, 2);
        assertThat(a.graph().irreducible()).isTrue();
        JumpProcess.ClassChain c = a.process().chain();
        assertThat(c.widest()).containsExactly(1, 2);
        // m_0 only leads to m_1: theta(m_1 | m_0) = 1
        assertThat(c.theta()[0]).containsExactly(new double[] {1, 0}, within(1e-12));
        double[][] q = a.rateMatrix();
        double[][] gen = c.generator();
        // a visit to m_0 from m_1 returns to m_1 at once: Q(1,2) = q(1,2) and Q(1,1) = -q(1,2)
        assertThat(gen[0][1]).isCloseTo(q[1][2], within(1e-12));
        assertThat(gen[0][0]).isCloseTo(-q[1][2], within(1e-12));
        // m_2 -> m_0 needs l*(2,0) = ceil(2.1/0.5) = 5 jumps: not an edge, so Q(2,1) = q(2,1)
        assertThat(gen[1][0]).isCloseTo(q[2][1], within(1e-12));
        double[] pi = c.stationary();
        assertThat(pi[0]).isCloseTo(q[2][1] / (q[1][2] + q[2][1]), within(1e-12));
        assertThat(c.killing()).containsExactly(0, 0);
    }

    @Test
    void reducibleGraphGivesAChainPerClassWithKillingInTransientOnes() {
        LandscapeAnalysis a = LandscapeAnalysis.of(ExitMeasureTest.fig2(), NU, 0.4);
        List<JumpProcess.ClassChain> cs = a.process().classes();
        assertThat(cs).hasSize(2);
        JumpProcess.ClassChain absorbing = cs.get(0);
        assertThat(absorbing.absorbing()).isTrue();
        assertThat(absorbing.widest()).containsExactly(0, 1);
        assertThat(absorbing.killing()).containsExactly(0, 0);
        assertThat(absorbing.stationary()).hasSize(2);
        JumpProcess.ClassChain transient_ = cs.get(1);
        assertThat(transient_.absorbing()).isFalse();
        assertThat(transient_.widest()).containsExactly(2);
        assertThat(transient_.stationary()).isNull();
        assertThat(transient_.killing()[0]).isCloseTo(a.exitRate(2), within(1e-12));
        assertThat(transient_.holdingTimes()[0]).isCloseTo(1 / a.exitRate(2), within(1e-12));
    }

    @Test
    void unclippedChainLivesOnAllMinimaWithTheLevyRates() {
        Basins basins = asymmetric();
        LandscapeAnalysis a = LandscapeAnalysis.of(basins, NU, Double.POSITIVE_INFINITY);
        JumpProcess.ClassChain c = a.process().chain();
        assertThat(c.widest()).containsExactly(0, 1, 2);
        // Q(1, 2) = nu{w : 0 + w > 0.9}
        assertThat(c.generator()[1][2]).isCloseTo(0.5 * Math.pow(0.9, -1.2), within(1e-14));
        assertThat(c.generator()[0][2]).isCloseTo(0.5 * Math.pow(2.1, -1.2), within(1e-14));
    }

    @Test
    void controlFindsTheBandsKeepingTheWideMinima() {
        Basins basins = asymmetric();
        List<ClipControl.Band> keep = ClipControl.keeping(basins, 0.1, 2.0, 0.5);
        // widest = {m_1, m_2} needs ceil(0.9/b) = ceil(0.6/b) > ceil(0.2/b): (0.45, 0.6) in [0.31, 2]; in
        // (0.45, 0.5) m_1 -> m_0 needs ceil(1.0/b) = 3 > 2 jumps, so {m_0} is cut off: reducible
        assertThat(keep).hasSize(2);
        assertThat(keep.get(0).bLow()).isCloseTo(0.45, within(1e-12));
        assertThat(keep.get(0).bHigh()).isCloseTo(0.5, within(1e-12));
        assertThat(keep.get(0).irreducible()).isFalse();
        assertThat(keep.get(1).bLow()).isCloseTo(0.5, within(1e-12));
        assertThat(keep.get(1).bHigh()).isCloseTo(0.6, within(1e-12));
        assertThat(keep.get(1).irreducible()).isTrue();
        for (ClipControl.Band band : keep) {
            TransitionGraph g = TransitionGraph.of(basins, 0.5 * (band.bLow() + band.bHigh()));
            assertThat(g.widest()).containsExactly(1, 2);
            assertThat(g.irreducible()).isEqualTo(band.irreducible());
        }
        // fig2: all radii equal so all minima are always widest; irreducible except in (0.3, 0.45) and (0.6, 0.9)
        List<ClipControl.Band> bands = ClipControl.scan(ExitMeasureTest.fig2(), 0.31, 2.0);
        assertThat(bands).allSatisfy(band -> assertThat(band.widest()).containsExactly(0, 1, 2));
        assertThat(bands).extracting(ClipControl.Band::irreducible).containsExactly(false, true, false, true);
        assertThat(bands.get(0).bHigh()).isCloseTo(0.45, within(1e-12));
        assertThat(bands.get(2).bLow()).isCloseTo(0.6, within(1e-12));
        assertThat(bands.get(2).bHigh()).isCloseTo(0.9, within(1e-12));
    }
}
