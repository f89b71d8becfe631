package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.LevyMeasure;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ExitMeasureTest {

    private static final LevyMeasure NU = LevyMeasure.of(1.2, 0.5);

    static Basins fig2() {
        Objective1D f = TestLandscapes.fig2();
        return Basins.of(f, CriticalPoints1D.find(f, -3, 3, 20_001), x -> 1.0);
    }

    @Test
    void oneJumpRatesAreTheLevyMassOfTheTarget() {
        Basins basins = fig2();
        ExitMeasure unclipped = ExitMeasure.of(basins, NU, Double.POSITIVE_INFINITY);
        // m_2 = 0, I_3 = (0.9, inf), I_1 = (-inf, -0.6)
        assertThat(unclipped.rate(1, 2).value()).isCloseTo(0.5 * Math.pow(0.9, -1.2), within(1e-14));
        assertThat(unclipped.rate(1, 0).value()).isCloseTo(0.5 * Math.pow(0.6, -1.2), within(1e-14));
        // from m_1 = -1.2 to I_2 = (-0.6, 0.9): nu(0.6, 2.1)
        assertThat(unclipped.rate(0, 1).value()).isCloseTo(0.5 * (Math.pow(0.6, -1.2) - Math.pow(2.1, -1.2)), within(1e-14));
        // b = 1 > r: still one jump; the atom at +b keeps the mass nu[0.9, inf) of I_3 from m_2
        ExitMeasure b1 = ExitMeasure.of(basins, NU, 1.0);
        assertThat(b1.jumps(1)).isEqualTo(1);
        assertThat(b1.rate(1, 2).value()).isCloseTo(0.5 * Math.pow(0.9, -1.2), within(1e-14));
        // from m_1 the atom at -1.2 + 1 = -0.2 lies in I_2: all of nu[0.6, inf) lands there, none reaches I_3
        assertThat(b1.rate(0, 1).value()).isCloseTo(0.5 * Math.pow(0.6, -1.2), within(1e-14));
        assertThat(b1.rate(0, 2).value()).isZero();
        assertThat(b1.exitRate(1).value()).isCloseTo(0.5 * (Math.pow(0.9, -1.2) + Math.pow(0.6, -1.2)), within(1e-14));
    }

    @Test
    void twoJumpQuadratureAgreesWithMonteCarlo() {
        Basins basins = fig2();
        ExitMeasure em = ExitMeasure.of(basins, NU, 0.5);
        int[][] edges = {{0, 1}, {1, 0}, {1, 2}, {2, 1}};
        for (int[] e : edges) {
            ExitMeasure.Estimate q = em.rate(e[0], e[1]);
            ExitMeasure.Estimate mc = em.monteCarlo(e[0], e[1], 20_000, RandomSource.XO_RO_SHI_RO_128_PP.create(11L + e[0] * 7 + e[1]));
            System.out.printf("b=0.5 q(%d,%d): quadrature %.6g +- %.2g (rel %.1e), MC %.6g +- %.2g%n",
                    e[0], e[1], q.value(), q.error(), q.relativeError(), mc.value(), mc.error());
            assertThat(q.method()).isEqualTo("quadrature");
            assertThat(q.value()).isPositive();
            // quadrature error estimate below 0.5 %
            assertThat(q.relativeError()).isLessThan(0.005);
            // agreement within 3.5 combined standard errors (MC standard error dominates)
            double tol = 3.5 * Math.hypot(mc.error(), q.error());
            assertThat(q.value()).as("q(%d,%d) quadrature vs MC %s", e[0], e[1], mc).isCloseTo(mc.value(), within(tol));
        }
        // not an edge: l*(0,2) = 5 > 2
        assertThat(em.rate(0, 2).value()).isZero();
    }

    @Test
    void threeJumpQuadratureAgreesWithMonteCarlo() {
        Basins basins = fig2();
        ExitMeasure em = ExitMeasure.of(basins, NU, 0.25);
        assertThat(em.jumps(1)).isEqualTo(3);
        ExitMeasure.Estimate q = em.rate(1, 0);
        ExitMeasure.Estimate mc = em.monteCarlo(1, 0, 20_000, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        System.out.printf("b=0.25 q(1,0): quadrature %.6g +- %.2g (rel %.1e), MC %.6g +- %.2g%n",
                q.value(), q.error(), q.relativeError(), mc.value(), mc.error());
        assertThat(q.relativeError()).isLessThan(0.005);
        assertThat(q.value()).as("MC %s", mc).isCloseTo(mc.value(), within(3.5 * Math.hypot(mc.error(), q.error())));
    }

    @Test
    void rejectsAlphaAtMostOneAndNonPositiveB() {
        Basins basins = fig2();
        assertThatThrownBy(() -> ExitMeasure.of(basins, LevyMeasure.of(1.0, 0.5), 0.5)).hasMessageContaining("--alpha must be in (1, inf)");
        assertThatThrownBy(() -> ExitMeasure.of(basins, NU, 0)).hasMessageContaining("--clip");
        assertThatThrownBy(() -> ExitMeasure.of(basins, NU, 0.5).rate(1, 1)).hasMessageContaining("distinct");
    }
}
