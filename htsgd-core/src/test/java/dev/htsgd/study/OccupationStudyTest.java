package dev.htsgd.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.run.StudyRunner;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OccupationStudyTest {

    private static final OccupationStudy STUDY = OccupationStudy.INSTANCE;

    /** iclr1d, b = 0.5, from x0 (null: the minimum of {@code basin}); scalar engine unless given. */
    private static OccupationStudy.Settings iclr(String noise, double scale, double eta, double[] x0, int basin, long steps,
            int paths, Double epsilon, long thin, Engine engine) {
        return OccupationStudy.Settings.of("iclr1d", null, noise, 1.2, scale, 1.0, 0.5, 0.5, Clipping.L2, true, eta, x0,
                basin, steps, paths, epsilon, thin, engine);
    }

    private static OccupationStudy.Settings iclr(double eta, long steps, int paths) {
        return iclr("pareto", 0.1, eta, new double[] {0.3}, 0, steps, paths, null, 100, Engine.SCALAR);
    }

    private static void assertSame(OccupationStudy.Result a, OccupationStudy.Result b) {
        assertThat(b.inField()).containsExactly(a.inField());
        assertThat(b.nearMinimum()).containsExactly(a.nearMinimum());
        assertThat(b.transitions()).isDeepEqualTo(a.transitions());
        assertThat(b.fractions()).containsExactly(a.fractions());
        for (int p = 0; p < a.paths().size(); p++) {
            assertThat(b.paths().get(p).visits()).containsExactly(a.paths().get(p).visits());
            assertThat(b.paths().get(p).trajectory()).containsExactly(a.paths().get(p).trajectory());
        }
        assertThat(b.prediction()).usingRecursiveComparison().isEqualTo(a.prediction());
    }

    @Test
    void theResultIsBitIdenticalForOneAndTwoThreadsAndThroughTheCodec() {
        OccupationStudy.Settings s = iclr(0.01, 20_000, 5);
        OccupationStudy.Result one = StudyRunner.of(1).run(STUDY, s, 3);
        OccupationStudy.Result two = StudyRunner.of(2).run(STUDY, s, 3);
        assertSame(one, two);
        assertThat(one.paths().get(0).trajectory()).hasSize(200);
        assertThat(one.totalSteps()).isEqualTo(100_000);
        // a task through its JSON (checkpoint, Spark) is the same task
        List<OccupationStudy.Path> decoded = one.paths().stream()
                .map(p -> STUDY.codec().decode(STUDY.codec().encode(p))).toList();
        assertSame(one, STUDY.result(s, 3, decoded));
        // the streams follow the dynamics, not the size: path 0 of a 1-path run is path 0 of the 5-path run
        OccupationStudy.Result single = StudyRunner.of(1).run(STUDY, s.withSize(20_000, 1), 3);
        assertThat(single.paths().get(0).inField()).containsExactly(one.paths().get(0).inField());
        // another seed, other numbers
        assertThat(StudyRunner.of(1).run(STUDY, s, 4).inField()).isNotEqualTo(one.inField());
    }

    @Test
    void theVectorEngineIsThreadCountInvariantToo() {
        Assumptions.assumeTrue(LaneEngine.available(), "vector engine unavailable");
        OccupationStudy.Settings s = iclr("pareto", 0.1, 0.01, new double[] {0.3}, 0, 2000, 3 * LaneEngine.lanes(), null, 100, Engine.VECTOR);
        assertSame(StudyRunner.of(1).run(STUDY, s, 7), StudyRunner.of(2).run(STUDY, s, 7));
        assertThat(STUDY.task(s, 7, 5).inField()).containsExactly(StudyRunner.of(2).run(STUDY, s, 7).paths().get(5).inField());
    }

    /** As the OccupationExperiment test: a noiseless path sits in the field of X_0 = 0.3 (I_3) and never moves. */
    @Test
    void aNoiselessPathStaysInItsBasin() {
        OccupationStudy.Settings s = iclr("gaussian", 1e-300, 0.001, new double[] {0.3}, 0, 100_000, 2, null, 0, Engine.SCALAR);
        OccupationStudy.Result r = StudyRunner.of(1).run(STUDY, s, 1);
        assertThat(r.fractions()).containsExactly(new double[] {0, 0, 1, 0}, within(0.0));
        assertThat(r.nearMinimumFractions()[2]).isGreaterThan(0.9);
        assertThat(r.paths().get(0).visits()).containsExactly(2);
        assertThat(r.transitionCount()).isZero();
        assertThat(r.prediction().stationary()).isNull();
        assertThat(r.prediction().note()).contains("light tails");
    }

    /** Clipped at b = 0.5 the limit lives on the wide m_2, m_4: zero stationary weight on the sharp m_1, m_3. */
    @Test
    void thePredictionIsAlignedWithAllMinima() {
        OccupationStudy.Result r = StudyRunner.of(2).run(STUDY, iclr(0.001, 20_000, 5), 5);
        OccupationStudy.Prediction p = r.prediction();
        assertThat(p.note()).isNull();
        assertThat(p.stationary()).hasSize(4);
        assertThat(p.stationary()[0]).isZero();
        assertThat(p.stationary()[2]).isZero();
        assertThat(p.stationary()[1] + p.stationary()[3]).isCloseTo(1, within(1e-12));
        assertThat(p.finiteHorizon()[1] + p.finiteHorizon()[3]).isCloseTo(1, within(1e-9));
        assertThat(p.stationaryDifference()[1]).isEqualTo(r.fractions()[1] - p.stationary()[1]);
        assertThat(p.stationaryDistance()).isBetween(0.0, 1.0);
        // the 2-D landscape gets the d-D limit: the stationary law lives on the two wide minima (grid order
        // (-2.6, -2.6), (-2.6, 2.6), (1.2, -2.6), (1.2, 2.6)), about 1/2 each by symmetry (Monte Carlo rates)
        OccupationStudy.Result two = StudyRunner.of(1).run(STUDY, OccupationStudy.Settings.of("himmelblau2d", null,
                "pareto", 1.2, 0.75, 1.0, 0.5, 2.15, Clipping.L2, true, 5e-3, new double[] {1.2, 2.6}, 0, 2000, 1, null, 0,
                Engine.SCALAR), 1);
        assertThat(two.fractions()).hasSize(4);
        double[] pi = two.prediction().stationary();
        assertThat(pi).hasSize(4);
        assertThat(pi[2] + pi[3]).isZero();
        assertThat(pi[0] + pi[1]).isCloseTo(1, within(1e-12));
        assertThat(pi[0]).isBetween(0.3, 0.7);
    }

    @Test
    void settingsAreValidatedInLibraryWords() {
        double[] x = {0.3};
        assertThatThrownBy(() -> iclr(0, 10, 1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("eta must be in (0, inf)");
        assertThatThrownBy(() -> iclr(0.01, 0, 1)).hasMessageStartingWith("steps must be");
        assertThatThrownBy(() -> iclr(0.01, 10, 0)).hasMessageStartingWith("paths must be");
        assertThatThrownBy(() -> iclr("pareto", 0.1, 0.01, x, 0, 10, 1, Double.NaN, 0, Engine.SCALAR))
                .hasMessageStartingWith("epsilon must be in (0, inf)");
        assertThatThrownBy(() -> iclr("pareto", 0.1, 0.01, null, 7, 10, 1, null, 0, Engine.SCALAR))
                .hasMessageStartingWith("basin must be in [0, 3]");
        assertThatThrownBy(() -> iclr("pareto", 0.1, 0.01, new double[] {2.0}, 0, 10, 1, null, 0, Engine.SCALAR))
                .hasMessageStartingWith("x0 must lie inside");
        assertThatThrownBy(() -> OccupationStudy.Settings.of("nope", null, "pareto", 1.2, 0.1, 1.0, 0.5, 0.5, Clipping.L2,
                true, 0.01, x, 0, 10, 1, null, 0, Engine.SCALAR)).hasMessageStartingWith("landscape must be one of");
        assertThat(OccupationStudy.Settings.parseX0("min")).isNull();
        assertThat(OccupationStudy.Settings.parseX0("1.2, 2.6")).containsExactly(1.2, 2.6);
        assertThatThrownBy(() -> OccupationStudy.Settings.parseX0("a")).hasMessageStartingWith("x0 must be a number");
        assertThat(iclr(0.01, 10, 1).key()).isEqualTo(iclr(0.01, 10, 1).key()).contains("eta=0.01");
    }
}
