package dev.htsgd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.dynamics.StandInNoise;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Himmelblau2d;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.theory.BasinMap;
import org.junit.jupiter.api.Test;

class ExperimentsTest {

    /** Simple symmetric random walk with steps +-1/8 on a flat landscape. */
    private static ClippedSgd walk(double x0) {
        return ClippedSgd.builder().objective(Landscapes.of("expr:0*x", null)).noise(StandInNoise.rademacher(0.125)).eta(1)
                .x0(x0).build();
    }

    @Test
    void exitTimeOfARandomWalkMatchesTheClosedForm() {
        // SRW from 0 leaving (-8, 8) (in units of 1/8): E tau = N^2 = 64, Var tau = (2/3) N^2 (N^2 - 1) = 2688
        ExitTimeExperiment e = ExitTimeExperiment.builder().sgd(walk(0)).field(Region.interval(-1, 1, true, true))
                .samples(4000).maxSteps(1_000_000).seed(11).build();
        ExitTimeExperiment.Result r = e.run(2);
        double se = Math.sqrt(2688.0 / 4000);
        assertThat(r.censored()).isZero();
        assertThat(r.meanMethod()).isEqualTo("sample");
        assertThat(r.mean()).isCloseTo(64, within(4 * se)); // 4 standard errors
        assertThat(r.stderr()).isCloseTo(se, within(0.2 * se));
        for (double[] loc : r.exitLocations()) {
            assertThat(Math.abs(loc[0])).isEqualTo(1.0);
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        ExitTimeExperiment e = ExitTimeExperiment.builder().sgd(walk(0)).field(Region.interval(-1, 1, true, true))
                .samples(50).seed(5).build();
        assertThat(e.run(1).replications()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(e.run(3).replications());
        ClippedSgd heavy = ClippedSgd.builder().objective(Iclr1d.of()).noise(dev.htsgd.dynamics.StandInNoise.pareto(1.2, 0.1))
                .eta(0.01).clip(0.5).x0(0.3).build();
        OccupationExperiment o = OccupationExperiment.builder().sgd(heavy).steps(20_000).paths(5).thin(100).seed(3).build();
        OccupationExperiment.Result a = o.run(1);
        OccupationExperiment.Result b = o.run(2);
        assertThat(b.inField()).containsExactly(a.inField());
        assertThat(b.transitions()).isDeepEqualTo(a.transitions());
        for (int p = 0; p < 5; p++) {
            assertThat(b.paths().get(p).visits()).containsExactly(a.paths().get(p).visits());
            assertThat(b.paths().get(p).trajectory()).containsExactly(a.paths().get(p).trajectory());
        }
        assertThat(a.paths().get(0).trajectory()).hasSize(200);
    }

    @Test
    void censoringIsReportedNotHidden() {
        ExitTimeExperiment e = ExitTimeExperiment.builder().sgd(walk(0)).field(Region.interval(-1, 1, true, true))
                .samples(200).maxSteps(40).seed(2).build();
        ExitTimeExperiment.Result r = e.run(1);
        assertThat(r.censored()).isPositive();
        assertThat(r.exits() + r.censored()).isEqualTo(200);
        assertThat(r.meanMethod()).isEqualTo("exponential-mle-censored");
        assertThat(r.meanLowerBound()).isLessThanOrEqualTo(r.mean());
        ExitTimeExperiment none = ExitTimeExperiment.builder().sgd(walk(0)).field(Region.interval(-1, 1, true, true))
                .samples(5).maxSteps(3).seed(2).build();
        ExitTimeExperiment.Result n = none.run(1);
        assertThat(n.censored()).isEqualTo(5);
        assertThat(n.mean()).isNaN();
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> ExitTimeExperiment.builder().sgd(walk(0)).field(Region.interval(0.5, 1)).build())
                .hasMessageStartingWith("start ");
        assertThatThrownBy(() -> ExitTimeExperiment.builder().sgd(walk(0)).field(Region.interval(-1, 1)).samples(0).build())
                .hasMessageContaining("samples must be > 0");
        assertThatThrownBy(() -> OccupationExperiment.builder().sgd(walk(0)).steps(0).build())
                .hasMessageContaining("steps must be > 0");
        assertThatThrownBy(() -> OccupationExperiment.builder().sgd(walk(0)).paths(-1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Regression (issue 12): an epsilon of NaN given explicitly used to be taken for "unset" and the default used. */
    @Test
    void anExplicitEpsilonMustBePositiveAndFinite() {
        ClippedSgd sgd = ClippedSgd.builder().objective(Iclr1d.of()).noise(dev.htsgd.dynamics.StandInNoise.pareto(1.2, 0.1))
                .eta(0.01).clip(0.5).x0(0.3).build();
        for (double e : new double[] {Double.NaN, -0.1, 0, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> OccupationExperiment.builder().sgd(sgd).steps(10).epsilon(e).build())
                    .as("epsilon %s", e).hasMessage("epsilon must be in (0, inf), got " + e);
        }
        // unset: the documented default min(0.05, smallest radius / 4) = 0.05 on iclr1d (r_min = 0.2038)
        assertThat(OccupationExperiment.builder().sgd(sgd).steps(10).build().epsilon()).isEqualTo(0.05);
    }

    @Test
    void noiselessPathStaysInItsBasin() {
        ClippedSgd still = ClippedSgd.builder().objective(Iclr1d.of()).noise(StandInNoise.rademacher(0.0)).eta(0.001).clip(0.5)
                .x0(0.3).build();
        OccupationExperiment.Result r = OccupationExperiment.builder().sgd(still).steps(100_000).paths(2).build().run(1);
        assertThat(r.fractions()).containsExactly(new double[] {0, 0, 1, 0}, within(0.0));
        assertThat(r.nearMinimumFractions()[2]).isGreaterThan(0.9);
        assertThat(r.paths().get(0).visits()).containsExactly(2);
        assertThat(r.transitions()[2]).containsExactly(0, 0, 0, 0);
    }

    @Test
    void divergenceStopsThePathAndKeepsTheCounts() {
        ClippedSgd bad = ClippedSgd.builder().objective(Landscapes.of("expr:x^4", null)).noise(StandInNoise.rademacher(1))
                .eta(1).x0(0.5).build();
        OccupationExperiment.Result r = OccupationExperiment.builder().sgd(bad).basins(BasinMap.of1D(
                (dev.htsgd.landscape.Objective1D) Landscapes.of("expr:x^4-x^2", Domain.interval(-2, 2)))).steps(1000)
                .paths(1).build().run(1);
        assertThat(r.diverged()).isTrue();
        assertThat(r.firstDivergence().step()).isEqualTo(r.paths().get(0).steps() + 1);
        assertThat(r.firstDivergence().getMessage()).contains("at step");
        assertThat(r.totalSteps()).isLessThan(1000);
    }

    @Test
    void gradientFlowBasinsOfHimmelblau2d() {
        BasinMap m = BasinMap.of(Himmelblau2d.of());
        assertThat(m.size()).isEqualTo(4);
        double[][] mins = m.minimumPoints();
        // sorted by x then y: W2 (-2.6,-2.6), W1 (-2.6,2.6), N2 (1.2,-2.6), N1 (1.2,2.6)
        double[][] expected = {{-2.6, -2.6}, {-2.6, 2.6}, {1.2, -2.6}, {1.2, 2.6}};
        for (int i = 0; i < 4; i++) {
            assertThat(mins[i]).containsExactly(expected[i], within(1e-6));
            assertThat(m.fieldOf(expected[i])).isEqualTo(i);
        }
        // the fields are the quadrants cut at x = 0 and y = 0
        assertThat(m.fieldOf(new double[] {-0.1, 0.1})).isEqualTo(1);
        assertThat(m.fieldOf(new double[] {0.1, -0.1})).isEqualTo(2);
        assertThat(m.fieldOf(new double[] {3.0, 1.0})).isEqualTo(3);
    }
}
