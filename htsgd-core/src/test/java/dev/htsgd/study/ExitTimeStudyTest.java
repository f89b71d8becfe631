package dev.htsgd.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.dynamics.DivergenceException;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.GaussianNoise;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.noise.StableNoise;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.LogLogFit;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The exit-times study: routes and thread counts agree bit for bit, and the physics is the experiment's. */
class ExitTimeStudyTest {

    private static final ExitTimeStudy STUDY = ExitTimeStudy.of();

    /** iclr1d, Pareto(1.2) noise of scale 0.1, basin I_2 from m_2: the ICLR Fig. 1 setting, at large eta. */
    private static ExitTimeStudy.Settings iclr(double b, Engine engine, double... etas) {
        return ExitTimeStudy.Settings.of(Iclr1d.of(), ParetoNoise.of(1.2, 0.1), b, Clipping.L2, true, 1, null, etas,
                12, 200_000, engine);
    }

    @Test
    void theResultDoesNotDependOnTheThreadCount() {
        ExitTimeStudy.Settings s = iclr(0.5, Engine.SCALAR, 0.2, 0.1);
        ExitTimeStudy.Result one = StudyRunner.of(1).run(STUDY, s, 7);
        ExitTimeStudy.Result two = StudyRunner.of(2).run(STUDY, s, 7);
        assertThat(ExitTimeStudy.json(s, two)).isEqualTo(ExitTimeStudy.json(s, one));
        assertThat(steps(two.points().get(0))).containsExactly(steps(one.points().get(0)));
    }

    /** The stream of an eta depends on its value, not on its place in the grid. */
    @Test
    void aSingleEtaReproducesTheMatchingPointOfAGrid() {
        ExitTimeStudy.Result grid = StudyRunner.of(2).run(STUDY, iclr(0.5, Engine.SCALAR, 0.2, 0.1, 0.15), 11);
        ExitTimeStudy.Result alone = StudyRunner.of(1).run(STUDY, iclr(0.5, Engine.SCALAR, 0.1), 11);
        assertThat(steps(alone.points().get(0))).containsExactly(steps(grid.points().get(1)));
        assertThat(alone.points().get(0).exits().mean()).isEqualTo(grid.points().get(1).exits().mean());
        assertThat(alone.fit()).isNull();
        assertThat(alone.slopeNote()).contains("a single eta");
        // another seed, other streams
        ExitTimeStudy.Result other = StudyRunner.of(1).run(STUDY, iclr(0.5, Engine.SCALAR, 0.1), 12);
        assertThat(steps(other.points().get(0))).isNotEqualTo(steps(alone.points().get(0)));
    }

    /** Replication r of eta is replication r of {@link ExitTimeExperiment} under the eta's stream key. */
    @Test
    void replicationsAreThoseOfTheExperimentUnderTheKeyedSeed() {
        ExitTimeStudy.Settings s = iclr(Double.POSITIVE_INFINITY, Engine.SCALAR, 0.1);
        ExitTimeExperiment.Result direct = ExitTimeExperiment.builder().sgd(s.recursion(0.1)).field(s.field())
                .samples(12).maxSteps(200_000).seed(ExitTimeStudy.streamKey(5, 0.1)).build().run(1);
        ExitTimeStudy.Result r = StudyRunner.of(1).run(STUDY, s, 5);
        assertThat(steps(r.points().get(0))).containsExactly(direct.replications().stream()
                .mapToLong(ExitTimeExperiment.Replication::steps).toArray());
    }

    /** The theory's numbers: l* = ceil(r/b), slope 1 + l*(alpha - 1), the analysis's mean, the one fit. */
    @Test
    void theResultHoldsTheFitAndTheTheory() {
        ExitTimeStudy.Settings s = iclr(0.5, Engine.SCALAR, 0.2, 0.1);
        ExitTimeStudy.Result r = StudyRunner.of(2).run(STUDY, s, 3);
        assertThat(r.radius()).isCloseTo(0.601, within(1e-3));
        assertThat(r.jumps()).isEqualTo(2);
        assertThat(r.predictedSlope()).isCloseTo(1.4, within(1e-12));
        double[] means = r.points().stream().mapToDouble(p -> p.exits().mean()).toArray();
        double[] ses = r.points().stream().mapToDouble(p -> p.exits().stderr()).toArray();
        LogLogFit fit = LogLogFit.of(new double[] {0.2, 0.1}, means, ses, 0.95);
        assertThat(r.fit()).isEqualTo(fit);
        for (ExitTimeStudy.Point p : r.points()) {
            assertThat(p.predictedMean()).isPositive().isFinite();
            assertThat(p.ratio()).isEqualTo(p.exits().mean() / p.predictedMean());
        }
        // unclipped: l* = 1
        assertThat(ExitTimeStudy.theory(iclr(Double.POSITIVE_INFINITY, Engine.SCALAR, 0.1)).slope())
                .isCloseTo(1.2, within(1e-12));
    }

    @Test
    void theTheoryGivesNoSlopeWhereItDoesNotApply() {
        ExitTimeStudy.Settings light = ExitTimeStudy.Settings.of(Iclr1d.of(), GaussianNoise.of(0.1),
                Double.POSITIVE_INFINITY, Clipping.NONE, true, 1, null, new double[] {0.1}, 2, 100, Engine.SCALAR);
        ExitTimeStudy.Theory t = ExitTimeStudy.theory(light);
        assertThat(t.slope()).isNull();
        assertThat(t.slopeNote()).contains("not heavy-tailed");
        assertThat(t.analysis()).isNull();
        ExitTimeStudy.Theory heavy = ExitTimeStudy.theory(ExitTimeStudy.Settings.of(Iclr1d.of(), StableNoise.of(0.8, 0.1),
                Double.POSITIVE_INFINITY, Clipping.NONE, true, 1, null, new double[] {0.1}, 2, 100, Engine.SCALAR));
        assertThat(heavy.slope()).isNull();
        assertThat(heavy.slopeNote()).contains("needs alpha > 1, got alpha = 0.8");
        assertThat(heavy.warnings()).anyMatch(w -> w.startsWith("no predicted slope"));
    }

    @Test
    void settingsAreValidatedInLibraryWords() {
        assertThatThrownBy(() -> iclr(0.5, Engine.SCALAR, 0.1, 0.1)).isInstanceOf(InvalidParameterException.class)
                .hasMessage("etas lists 0.1 twice");
        assertThatThrownBy(() -> iclr(0.5, Engine.SCALAR, 0.1, -1)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("eta must be in (0, inf)");
        assertThatThrownBy(() -> ExitTimeStudy.Settings.of(Iclr1d.of(), ParetoNoise.of(1.2, 0.1), 0.5, Clipping.L2,
                true, 7, null, new double[] {0.1}, 2, 100, Engine.SCALAR)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("basin must be in [0, 3]");
        assertThatThrownBy(() -> ExitTimeStudy.Settings.of(Iclr1d.of(), ParetoNoise.of(1.2, 0.1), 0.5, Clipping.L2,
                true, 1, new double[] {0.5}, new double[] {0.1}, 2, 100, Engine.SCALAR))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("must lie inside the field");
        // no truncation has one spelling
        ExitTimeStudy.Settings none = ExitTimeStudy.Settings.of(Iclr1d.of(), ParetoNoise.of(1.2, 0.1), 0.5,
                Clipping.NONE, true, 1, null, new double[] {0.1}, 2, 100, Engine.SCALAR);
        assertThat(none.clip()).isInfinite();
        assertThat(none.key()).isEqualTo(iclr(Double.POSITIVE_INFINITY, Engine.SCALAR, 0.1).withEtas(0.1).key()
                .replace("samples=12 maxSteps=200000", "samples=2 maxSteps=100"));
    }

    /** Checkpoints and Spark store task results as text: the codec gives them back exactly. */
    @Test
    void theCodecRoundTripsEveryKindOfReplication() {
        List<ExitTimeExperiment.Replication> reps = List.of(
                new ExitTimeExperiment.Replication(3, 17, false, new double[] {0.2000000000000001}, null),
                new ExitTimeExperiment.Replication(4, 100, true, null, null),
                new ExitTimeExperiment.Replication(5, 9, false, null,
                        new DivergenceException(10, new double[] {Double.NaN}, new double[] {Double.NEGATIVE_INFINITY})));
        for (ExitTimeExperiment.Replication r : reps) {
            ExitTimeExperiment.Replication back = STUDY.codec().decode(STUDY.codec().encode(r));
            assertThat(back.index()).isEqualTo(r.index());
            assertThat(back.steps()).isEqualTo(r.steps());
            assertThat(back.censored()).isEqualTo(r.censored());
            assertThat(back.exitLocation()).isEqualTo(r.exitLocation());
            assertThat(back.divergence() == null ? null : back.divergence().getMessage())
                    .isEqualTo(r.divergence() == null ? null : r.divergence().getMessage());
        }
    }

    /** The vector engine: batches (Study.batch) and threads change nothing; one eta alone matches the grid. */
    @Test
    void theVectorEngineIsThreadAndGridIndependentToo() {
        Assumptions.assumeTrue(LaneEngine.available(), "vector engine unavailable");
        ExitTimeStudy.Settings s = ExitTimeStudy.Settings.of(Iclr1d.of(), ParetoNoise.of(1.2, 0.1), 0.5, Clipping.L2,
                true, 1, null, new double[] {0.2, 0.1}, 40, 200_000, Engine.VECTOR);
        ExitTimeStudy.Result one = StudyRunner.of(1).run(STUDY, s, 9);
        ExitTimeStudy.Result three = StudyRunner.of(3).run(STUDY, s, 9);
        assertThat(ExitTimeStudy.json(s, three)).isEqualTo(ExitTimeStudy.json(s, one));
        assertThat(one.points().get(0).engine()).isEqualTo(Engine.VECTOR);
        ExitTimeStudy.Result alone = StudyRunner.of(2).run(STUDY, s.withEtas(0.1), 9);
        assertThat(steps(alone.points().get(0))).containsExactly(steps(one.points().get(1)));
    }

    private static long[] steps(ExitTimeStudy.Point p) {
        return p.exits().replications().stream().mapToLong(ExitTimeExperiment.Replication::steps).toArray();
    }
}
