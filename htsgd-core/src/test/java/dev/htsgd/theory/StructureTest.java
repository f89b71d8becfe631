package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructureTest {

    private static Basins fig2() {
        Objective1D f = TestLandscapes.fig2();
        return Basins.of(f, CriticalPoints1D.find(f, -3, 3, 20_001), x -> 1.0);
    }

    @Test
    void criticalPointsOfAPolynomialAreItsRoots() {
        Objective1D f = TestLandscapes.fig2();
        CriticalPoints1D cp = CriticalPoints1D.find(f, -3, 3, 20_001);
        assertThat(cp.minima()).extracting(CriticalPoint::x)
                .satisfiesExactly(x -> assertThat(x).isCloseTo(-1.2, within(1e-12)),
                        x -> assertThat(x).isCloseTo(0.0, within(1e-12)),
                        x -> assertThat(x).isCloseTo(1.5, within(1e-12)));
        assertThat(cp.maxima()).extracting(CriticalPoint::x)
                .satisfiesExactly(x -> assertThat(x).isCloseTo(-0.6, within(1e-12)),
                        x -> assertThat(x).isCloseTo(0.9, within(1e-12)));
        assertThat(cp.projected()).isFalse();
        assertThat(cp.points()).noneMatch(CriticalPoint::degenerate);
    }

    @Test
    void twoRootsInsideOneGridCellAreBothFound() {
        // roots 2e-5 apart, grid spacing 1e-4
        Objective1D f = TestLandscapes.polynomial("close", Domain.interval(-1, 1), 1.0, -0.5, 0.30001, 0.30003, 0.7);
        CriticalPoints1D cp = CriticalPoints1D.find(f, -1, 1, 20_001);
        // f'(-1) > 0: the left end is a boundary minimum, then the four roots
        assertThat(cp.points()).hasSize(5);
        assertThat(cp.points().get(0).atBoundary()).isTrue();
        assertThat(cp.points().get(2).x()).isCloseTo(0.30001, within(1e-10));
        assertThat(cp.points().get(2).isMaximum()).isTrue();
        assertThat(cp.points().get(3).x()).isCloseTo(0.30003, within(1e-10));
        assertThat(cp.points().get(3).isMinimum()).isTrue();
    }

    @Test
    void degeneratePointsAreReported() {
        // f' = x^2 (x - 1)(x + 1): a stationary inflection at 0
        Objective1D f = TestLandscapes.polynomial("infl", Domain.interval(-2, 2), 1.0, -1, 0, 0, 1);
        CriticalPoints1D cp = CriticalPoints1D.find(f, -2, 2, 20_001);
        assertThat(cp.inflections()).hasSize(1);
        assertThat(cp.inflections().get(0).x()).isCloseTo(0, within(1e-6));
        assertThatThrownBy(() -> Basins.of(f)).hasMessageContaining("stationary inflection");
        // f' = x^3 (x-1)(x+1)(x-2)... : a flat-bottomed (degenerate) minimum at 0 between maxima at +-1
        Objective1D g = TestLandscapes.polynomial("flatmin", Domain.interval(-2, 2), 1.0, -1.5, -1, 0, 0, 0, 1, 1.5);
        CriticalPoints1D cg = CriticalPoints1D.find(g, -2, 2, 20_001);
        CriticalPoint zero = cg.points().stream().filter(p -> Math.abs(p.x()) < 1e-3).findFirst().orElseThrow();
        assertThat(zero.isMinimum()).isTrue();
        assertThat(zero.degenerate()).isTrue();
        assertThat(cg.warnings()).anyMatch(w -> w.contains("degenerate minimum"));
    }

    @Test
    void iclrTestFunctionHasFourMinimaAndThreeMaxima() {
        Objective1D f = TestLandscapes.iclr1d();
        CriticalPoints1D cp = CriticalPoints1D.find(f);
        assertThat(cp.projected()).isTrue();
        List<CriticalPoint> mins = cp.minima();
        assertThat(mins).hasSize(4);
        assertThat(cp.maxima()).hasSize(3);
        // the paper lists -1.51, -0.66, 0.49, 1.32 and -1.3, 0.2, 0.7; the formula puts m_2 near -0.70
        double[] m = mins.stream().mapToDouble(CriticalPoint::x).toArray();
        assertThat(m[0]).isCloseTo(-1.51, within(0.02));
        assertThat(m[1]).isCloseTo(-0.70, within(0.02));
        assertThat(m[2]).isCloseTo(0.49, within(0.02));
        assertThat(m[3]).isCloseTo(1.32, within(0.03));
        assertThat(cp.maxima()).extracting(CriticalPoint::x)
                .satisfiesExactly(x -> assertThat(x).isCloseTo(-1.3, within(1e-9)),
                        x -> assertThat(x).isCloseTo(0.2, within(1e-9)),
                        x -> assertThat(x).isCloseTo(0.7, within(1e-9)));
        Basins basins = Basins.of(f);
        assertThat(basins.field(0).left()).isEqualTo(-1.6);
        assertThat(basins.field(3).right()).isEqualTo(1.6);
        // the projection bound is not an exit: r_1 = s_1 - m_1, not m_1 - (-1.6)
        assertThat(basins.field(0).radius()).isCloseTo(-1.3 - m[0], within(1e-9));
    }

    @Test
    void fig2GraphIsIrreducibleAtHalfAndReducibleAtPointFour() {
        Basins basins = fig2();
        assertThat(basins.radii()).containsExactly(new double[] {0.6, 0.6, 0.6}, within(1e-12));
        assertThat(basins.distance(1, 2)).isCloseTo(0.9, within(1e-12));
        TransitionGraph g5 = TransitionGraph.of(basins, 0.5);
        assertThat(g5.jumpNumbers()).containsExactly(2, 2, 2);
        assertThat(g5.irreducible()).isTrue();
        assertThat(g5.symmetric()).isTrue();
        assertThat(g5.widest()).containsExactly(0, 1, 2);
        assertThat(g5.jumpNumber(0, 2)).isEqualTo(5);
        TransitionGraph g4 = TransitionGraph.of(basins, 0.4);
        assertThat(g4.jumpNumbers()).containsExactly(2, 2, 2);
        assertThat(g4.jumpNumber(1, 2)).isEqualTo(3);
        assertThat(g4.hasEdge(1, 2)).isFalse();
        assertThat(g4.irreducible()).isFalse();
        assertThat(g4.symmetric()).isFalse();
        assertThat(g4.classes()).hasSize(2);
        assertThat(g4.classes().get(0).members()).containsExactly(0, 1);
        assertThat(g4.classes().get(0).absorbing()).isTrue();
        assertThat(g4.classes().get(1).members()).containsExactly(2);
        assertThat(g4.classes().get(1).absorbing()).isFalse();
    }

    @Test
    void unclippedGraphIsCompleteWithOneJump() {
        TransitionGraph g = TransitionGraph.of(fig2(), Double.POSITIVE_INFINITY);
        assertThat(g.jumpNumbers()).containsExactly(1, 1, 1);
        assertThat(g.edges()).hasSize(6);
        assertThat(g.irreducible()).isTrue();
    }

    @Test
    void nearIntegerRatiosAreWarned() {
        TransitionGraph g = TransitionGraph.of(fig2(), 0.30001);
        assertThat(g.warnings()).anyMatch(w -> w.contains("r_0 / b"));
        assertThat(TransitionGraph.of(fig2(), 0.5).warnings()).isEmpty();
    }

    @Test
    void badInputHasClearMessages() {
        assertThatThrownBy(() -> TransitionGraph.of(fig2(), 0)).hasMessage("b must be in (0, inf], got 0.0");
        assertThatThrownBy(() -> TransitionGraph.of(fig2(), -1)).hasMessageContaining("(0, inf]");
        assertThatThrownBy(() -> TransitionGraph.of(fig2(), Double.NaN)).hasMessageContaining("(0, inf]");
        Objective1D line = TestLandscapes.polynomial("line", Domain.unbounded(), 1.0);
        assertThatThrownBy(() -> Basins.of(line, CriticalPoints1D.find(line, -1, 1, 1001), x -> 1))
                .hasMessageContaining("no minimum");
        Objective1D bowl = TestLandscapes.polynomial("bowl", Domain.interval(-1, 1), 1.0, 0.0);
        assertThatThrownBy(() -> Basins.of(bowl)).hasMessageContaining("single minimum");
        Objective1D flat = TestLandscapes.of("flat", Domain.interval(-1, 1), x -> 0, x -> 0);
        assertThatThrownBy(() -> CriticalPoints1D.find(flat)).hasMessageContaining("flat");
        Objective1D plateau = TestLandscapes.of("plateau", Domain.interval(-2, 2),
                x -> 0, x -> Math.abs(x) < 0.5 ? 0 : (x - Math.signum(x) * 0.5) * (x * x - 1.5 * 1.5));
        assertThatThrownBy(() -> CriticalPoints1D.find(plateau)).hasMessageContaining("flat region");
        // exp(x^4) on [-3, 3]: |f'| runs from 0 to 1.6e37, so the middle is below 1e-13 of the largest slope;
        // f' = 2.8e8 at x = 2 is not a flat region (regression, issue 12) but a gradient double precision cannot resolve
        Objective1D steep = TestLandscapes.of("steep", Domain.interval(-3, 3), x -> Math.exp(Math.pow(x, 4)),
                x -> 4 * x * x * x * Math.exp(Math.pow(x, 4)));
        assertThatThrownBy(() -> CriticalPoints1D.find(steep)).hasMessageContaining("steep on [-3.0, 3.0]")
                .hasMessageContaining("gradient overflows").hasMessageNotContaining("flat");
        Objective1D pole = TestLandscapes.of("pole", Domain.interval(-1, 1), x -> 1 / x, x -> -1 / (x * x));
        assertThatThrownBy(() -> CriticalPoints1D.find(pole)).hasMessageContaining("not finite");
        Objective1D escape = TestLandscapes.polynomial("escape", Domain.unbounded(), -1.0, -2, -1, 0, 1, 2);
        assertThatThrownBy(() -> Basins.of(escape, CriticalPoints1D.find(escape, -3, 3, 2001), x -> 1))
                .hasMessageContaining("escapes");
    }
}
