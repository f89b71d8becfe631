package dev.htsgd.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.run.StudyRunner;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OccupationStudyTest {

    private static final OccupationStudy STUDY = OccupationStudy.INSTANCE;

    private static OccupationStudy.Builder iclr() {
        return OccupationStudy.Settings.builder().landscape("iclr1d").noise("pareto", 1.2, 0.1).b(0.5).eta(0.01).x0(0.3)
                .steps(20_000).paths(5).thin(100);
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
        OccupationStudy.Settings s = iclr().build();
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
        OccupationStudy.Settings s = iclr().paths(3 * LaneEngine.lanes()).steps(2000).engine(Engine.VECTOR).build();
        assertSame(StudyRunner.of(1).run(STUDY, s, 7), StudyRunner.of(2).run(STUDY, s, 7));
        assertThat(STUDY.task(s, 7, 5).inField()).containsExactly(StudyRunner.of(2).run(STUDY, s, 7).paths().get(5).inField());
    }

    /** As the OccupationExperiment test: a noiseless path sits in the field of X_0 = 0.3 (I_3) and never moves. */
    @Test
    void aNoiselessPathStaysInItsBasin() {
        OccupationStudy.Settings s = iclr().noise("gaussian", 1.2, 1e-300).eta(0.001).steps(100_000).paths(2).thin(0).build();
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
        OccupationStudy.Result r = StudyRunner.of(2).run(STUDY, iclr().eta(0.001).build(), 5);
        OccupationStudy.Prediction p = r.prediction();
        assertThat(p.note()).isNull();
        assertThat(p.stationary()).hasSize(4);
        assertThat(p.stationary()[0]).isZero();
        assertThat(p.stationary()[2]).isZero();
        assertThat(p.stationary()[1] + p.stationary()[3]).isCloseTo(1, within(1e-12));
        assertThat(p.finiteHorizon()[1] + p.finiteHorizon()[3]).isCloseTo(1, within(1e-9));
        assertThat(p.stationaryDifference()[1]).isEqualTo(r.fractions()[1] - p.stationary()[1]);
        assertThat(p.stationaryDistance()).isBetween(0.0, 1.0);
        // the 2-D landscape has no 1-D limit
        OccupationStudy.Result two = StudyRunner.of(1).run(STUDY, OccupationStudy.Settings.builder().landscape("himmelblau2d")
                .noise("pareto", 1.2, 0.75).b(2.15).eta(5e-3).x0(1.2, 2.6).steps(2000).paths(1).build(), 1);
        assertThat(two.fractions()).hasSize(4);
        assertThat(two.prediction().stationary()).isNull();
    }

    @Test
    void settingsAreValidatedInLibraryWords() {
        assertThatThrownBy(() -> iclr().eta(0).build()).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("eta must be in (0, inf)");
        assertThatThrownBy(() -> iclr().steps(0).build()).hasMessageStartingWith("steps must be");
        assertThatThrownBy(() -> iclr().paths(0).build()).hasMessageStartingWith("paths must be");
        assertThatThrownBy(() -> iclr().epsilon(Double.NaN).build()).hasMessageStartingWith("epsilon must be in (0, inf)");
        assertThatThrownBy(() -> iclr().x0((double[]) null).basin(7).build()).hasMessageStartingWith("basin must be in [0, 3]");
        assertThatThrownBy(() -> iclr().x0(2.0).build()).hasMessageStartingWith("x0 must lie inside");
        assertThatThrownBy(() -> iclr().landscape("nope").build()).hasMessageStartingWith("landscape must be one of");
        assertThat(iclr().build().key()).isEqualTo(iclr().build().key()).contains("eta=0.01");
    }
}
