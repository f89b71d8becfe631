package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.LevyMeasure;
import dev.htsgd.landscape.Domain;
import org.apache.commons.rng.UniformRandomProvider;
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
    void everyTwoJumpRateOfIclrAgreesWithMonteCarlo() {
        Basins basins = Basins.of(dev.htsgd.landscape.Iclr1d.of());
        ExitMeasure em = ExitMeasure.of(basins, NU, 0.5);
        int checked = 0;
        for (int i = 0; i < basins.size(); i++) {
            if (em.jumps(i) != 2) {
                continue;
            }
            for (int j = 0; j < basins.size(); j++) {
                if (j == i || em.rate(i, j).value() == 0) {
                    continue;
                }
                ExitMeasure.Estimate q = em.rate(i, j);
                ExitMeasure.Estimate mc = em.monteCarlo(i, j, 20_000, RandomSource.XO_RO_SHI_RO_128_PP.create(100L + 10 * i + j));
                System.out.printf("iclr1d b=0.5 q(%d,%d): quadrature %.6g +- %.2g (rel %.1e), MC %.6g +- %.2g%n",
                        i, j, q.value(), q.error(), q.relativeError(), mc.value(), mc.error());
                assertThat(q.relativeError()).isLessThan(0.005);
                assertThat(q.value()).isCloseTo(mc.value(), within(3.5 * Math.hypot(mc.error(), q.error())));
                checked++;
            }
        }
        // m_2 -> m_1, m_2 -> m_3 and m_4 -> m_3
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void twoJumpRatesInTimeByTheOdeSolverAgreeWithThePositionQuadrature() {
        Basins iclr = Basins.of(dev.htsgd.landscape.Iclr1d.of());
        ExitMeasure a = ExitMeasure.of(iclr, NU, 0.5);
        ExitMeasure c = ExitMeasure.of(fig2(), NU, 0.5);
        int[][] pairs = {{1, 0}, {1, 2}, {3, 2}};
        for (int[] e : pairs) {
            ExitMeasure.Estimate q = a.rate(e[0], e[1]);
            ExitMeasure.Estimate t = a.timeIntegral(e[0], e[1]);
            System.out.printf("iclr1d b=0.5 q(%d,%d): position quadrature %.10g, time integral (ODE) %.10g +- %.1g%n",
                    e[0], e[1], q.value(), t.value(), t.error());
            // two different discretisations of the same integral: agreement to 1e-6 relative
            assertThat(t.value()).isCloseTo(q.value(), within(1e-6 * q.value()));
        }
        for (int[] e : new int[][] {{0, 1}, {1, 0}, {1, 2}, {2, 1}}) {
            assertThat(c.timeIntegral(e[0], e[1]).value()).isCloseTo(c.rate(e[0], e[1]).value(), within(1e-6 * c.rate(e[0], e[1]).value()));
        }
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
    void stateDependentSigmaScalesTheJumps() {
        Objective1D f = TestLandscapes.fig2();
        CriticalPoints1D cp = CriticalPoints1D.find(f, -3, 3, 20_001);
        // constant sigma = 2, unclipped: nu{w : 2 w > 0.9} = 0.5 (0.45)^-alpha
        Basins two = Basins.of(f, cp, x -> 2.0);
        assertThat(ExitMeasure.of(two, NU, Double.POSITIVE_INFINITY).rate(1, 2).value())
                .isCloseTo(0.5 * Math.pow(0.45, -1.2), within(1e-13));
        // a state-dependent sigma with two clipped jumps: quadrature and Monte Carlo agree
        Basins varying = Basins.of(f, cp, x -> 1 + 0.5 * x * x);
        ExitMeasure em = ExitMeasure.of(varying, NU, 0.5);
        ExitMeasure.Estimate q = em.rate(1, 0);
        ExitMeasure.Estimate mc = em.monteCarlo(1, 0, 20_000, RandomSource.XO_RO_SHI_RO_128_PP.create(21L));
        System.out.printf("sigma(x) = 1 + x^2/2, b=0.5 q(1,0): quadrature %.6g +- %.2g, MC %.6g +- %.2g%n",
                q.value(), q.error(), mc.value(), mc.error());
        assertThat(q.relativeError()).isLessThan(0.005);
        assertThat(q.value()).isCloseTo(mc.value(), within(3.5 * Math.hypot(mc.error(), q.error())));
    }

    /**
     * Regression (issue 12): on iclr1d unclipped, a jump left from m_4 of length at least m_4 - s_1 ends in I_1
     * (beyond s_0 = -1.6 it is projected onto -1.6, which belongs to I_1), so q(3, 0) = p- (m_4 - s_1)^-alpha.
     * The projection atom used to be tested at x - (x - s_0), which rounds to -1.6000000000000003, just outside
     * I_1, and q(3, 0) came out as 0.0192 instead of about 0.157.
     */
    @Test
    void iclrFarJumpThatIsProjectedOntoTheBoundCountsForTheBoundaryField() {
        Basins basins = Basins.of(dev.htsgd.landscape.Iclr1d.of());
        ExitMeasure em = ExitMeasure.of(basins, NU, Double.POSITIVE_INFINITY);
        double len = basins.minimum(3) - basins.maxima()[0];
        double expected = NU.pMinus() * Math.pow(len, -NU.alpha());
        // both sides are one closed form evaluated in double precision: agreement to a few ulps
        assertThat(em.rate(3, 0).value()).isCloseTo(expected, within(1e-14 * expected));
        assertThat(em.rate(3, 0).value()).isCloseTo(0.157, within(0.001));
    }

    /**
     * The projection atom lands exactly on the bound for every domain: a sweep over random projection intervals
     * [lo, hi] (widths and offsets over several orders of magnitude, both signs), random minima and maxima inside,
     * random alpha, p+ and constant sigma. From the outermost minimum to the field at the far bound, every jump of
     * length at least the distance d to that field's inner end (a maximum) lands in it, directly or after the
     * projection, so the one-jump rate is p-+ (d / sigma)^-alpha exactly; checked unclipped, clipped with the cap at
     * the bound (b >= distance to the bound, including b equal to it) and clipped with the atom inside the field.
     * Before the fix a good share of these domains lost the atom (x -+ (distance to the bound) rounding past it).
     */
    @Test
    void oneJumpRateToTheFieldAtAProjectionBoundIsTheClosedFormOnManyDomains() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20_240_612L);
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            double width = Math.pow(10, -1 + 3 * rng.nextDouble());
            double offset = (rng.nextDouble() - 0.5) * Math.pow(10, -1 + 4 * rng.nextDouble());
            double lo = offset - width * rng.nextDouble();
            double hi = lo + width;
            int n = 2 + rng.nextInt(3);
            // 2n - 1 interior critical points, alternating minimum / maximum, well separated from each other and the bounds
            double[] roots = new double[2 * n - 1];
            for (int k = 0; k < roots.length; k++) {
                roots[k] = lo + width * (k + 0.6 + 0.3 * rng.nextDouble()) / (roots.length + 0.5);
            }
            Objective1D f = scaledPolynomial("sweep" + trial, lo, hi, roots);
            double sigma = 0.5 + rng.nextDouble();
            Basins basins = Basins.of(f, CriticalPoints1D.find(f), x -> sigma);
            assertThat(basins.size()).isEqualTo(n);
            assertThat(basins.lower()).isEqualTo(lo);
            assertThat(basins.upper()).isEqualTo(hi);
            LevyMeasure nu = LevyMeasure.of(1.05 + 0.9 * rng.nextDouble(), 0.1 + 0.8 * rng.nextDouble());
            double[] s = basins.maxima();
            // right-most minimum to I_0 (the field at lo) and left-most minimum to I_{n-1} (the field at hi)
            double mR = basins.minimum(n - 1);
            double mL = basins.minimum(0);
            double dDown = mR - s[0];
            double dUp = s[n - 2] - mL;
            double toLo = mR - lo;
            double toHi = hi - mL;
            double down = nu.pMinus() * Math.pow(dDown / sigma, -nu.alpha());
            double up = nu.pPlus() * Math.pow(dUp / sigma, -nu.alpha());
            double[] bsDown = {Double.POSITIVE_INFINITY, toLo, toLo * (1 + rng.nextDouble()), dDown + (toLo - dDown) * rng.nextDouble()};
            double[] bsUp = {Double.POSITIVE_INFINITY, toHi, toHi * (1 + rng.nextDouble()), dUp + (toHi - dUp) * rng.nextDouble()};
            for (int c = 0; c < bsDown.length; c++) {
                ExitMeasure em = ExitMeasure.of(basins, nu, bsDown[c]);
                assertThat(em.jumps(n - 1)).isEqualTo(1);
                assertThat(em.rate(n - 1, 0).value())
                        .as("trial %d [%s, %s] b = %s: q(%d, 0)", trial, lo, hi, bsDown[c], n - 1)
                        .isCloseTo(down, within(1e-12 * down));
                em = ExitMeasure.of(basins, nu, bsUp[c]);
                assertThat(em.jumps(0)).isEqualTo(1);
                assertThat(em.rate(0, n - 1).value())
                        .as("trial %d [%s, %s] b = %s: q(0, %d)", trial, lo, hi, bsUp[c], n - 1)
                        .isCloseTo(up, within(1e-12 * up));
                checked += 2;
            }
        }
        assertThat(checked).isEqualTo(480);
    }

    /**
     * f'(x) = prod (t - t_k) in the scaled variable t = (x - lo) / (hi - lo), with t_k the scaled roots: well
     * conditioned whatever the offset and width of [lo, hi] (expanding in x would cancel catastrophically far from 0).
     */
    private static Objective1D scaledPolynomial(String name, double lo, double hi, double... roots) {
        double width = hi - lo;
        double[] t = new double[roots.length];
        double[] a = {1.0};
        for (int k = 0; k < roots.length; k++) {
            t[k] = (roots[k] - lo) / width;
            double[] nxt = new double[a.length + 1];
            for (int c = 0; c < a.length; c++) {
                nxt[c + 1] += a[c];
                nxt[c] -= t[k] * a[c];
            }
            a = nxt;
        }
        double[] antiderivative = new double[a.length + 1];
        for (int c = 0; c < a.length; c++) {
            antiderivative[c + 1] = a[c] / (c + 1);
        }
        return TestLandscapes.of(name, Domain.interval(lo, hi),
                x -> width * TestLandscapes.horner(antiderivative, (x - lo) / width),
                x -> {
                    double u = (x - lo) / width;
                    double d = 1;
                    for (double tk : t) {
                        d *= u - tk;
                    }
                    return d;
                });
    }

    @Test
    void rejectsAlphaAtMostOneAndNonPositiveB() {
        Basins basins = fig2();
        assertThatThrownBy(() -> ExitMeasure.of(basins, LevyMeasure.of(1.0, 0.5), 0.5)).hasMessageContaining("alpha must be in (1, inf)");
        assertThatThrownBy(() -> ExitMeasure.of(basins, NU, 0)).hasMessage("b must be in (0, inf], got 0.0");
        assertThatThrownBy(() -> ExitMeasure.of(basins, NU, 0.5).rate(1, 1)).hasMessageContaining("distinct");
    }
}
