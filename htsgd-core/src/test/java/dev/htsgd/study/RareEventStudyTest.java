package dev.htsgd.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htsgd.landscape.LdQuartic;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.run.Checkpoint;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.sim.rare.ImportanceSampling;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.sim.rare.RareEventExperiment.PathSums;
import dev.htsgd.study.RareEventStudy.Method;
import dev.htsgd.study.RareEventStudy.Settings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rare-event study: importance sampling and plain Monte Carlo against closed forms and an independent
 * Monte Carlo, small probabilities with tight intervals, and the same numbers whatever the threads, the
 * checkpoint or the setting's neighbours (these tests replace those of the deleted sim.RareEventMonteCarlo and
 * of RareEventExperiment's own thread pool).
 */
class RareEventStudyTest {

    /** U(x) = x^4/10 - x^2 of LD Table 2.1. */
    static final Objective1D QUARTIC = LdQuartic.of();

    static final JumpNoise LD = JumpNoise.ldMixture(1.5, 0.2, 5);

    private static final RareEventStudy STUDY = new RareEventStudy();

    static RareEventEstimate run(Settings s, long seed, int threads) {
        return StudyRunner.of(threads).run(STUDY, s, seed).estimate();
    }

    static Settings ld(double eta, double b, long horizon, Method m, long samples) {
        return Settings.of("ld-quartic", LD, b, eta, 2.5, 0, horizon, m, null, samples, RareEventStudy.BATCH);
    }

    /**
     * On a flat landscape with Pareto I noise 0.1 U W (alpha 1.5), eta = 1, from 0: reaching 0.5 in one step needs
     * U = + and W &gt;= 5, p = 5^-1.5 / 2; reaching it in two steps with b = 0.3 needs two clipped jumps (l* = 2):
     * p = 1/4 P(V1 + V2 &gt;= 0.5), V = min(0.1 W, 0.3), which is integrated below. Both estimators agree with
     * both within 4 standard errors.
     */
    @Test
    void bothMethodsMatchClosedFormsWithOneAndTwoJumps() {
        JumpNoise pareto = JumpNoise.pareto(1.5, 0.1);
        double one = 0.5 * Math.pow(5, -1.5);
        // P(V1 + V2 >= 0.5) = P(V1 = 0.3) P(V2 >= 0.2) + int_0.2^0.3 f(v) P(V >= 0.5 - v) dv, P(V >= t) = (10 t)^-1.5
        double atom = Math.pow(3, -1.5);
        int n = 20_000;
        double h = 0.1 / n;
        double integral = 0;
        for (int i = 0; i <= n; i++) {
            double v = 0.2 + i * h;
            double f = 1.5 * Math.pow(0.1, 1.5) * Math.pow(v, -2.5) * Math.pow(10 * (0.5 - v), -1.5);
            integral += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        integral *= h / 3;
        double two = 0.25 * (atom * Math.pow(2, -1.5) + integral);
        for (Method m : Method.values()) {
            RareEventEstimate a = run(Settings.of("expr:0*x", pareto, Double.POSITIVE_INFINITY, 1, 0, 0.5, 1, m, null,
                    40_000, 1000), 9, 2);
            assertThat(Math.abs(a.estimate() - one)).as("%s one jump: %s vs %s", m, a, one).isLessThan(4 * a.stderr());
            Settings clipped = Settings.of("expr:0*x", pareto, 0.3, 1, 0, 0.5, 2, m, null, 40_000, 1000);
            RareEventEstimate b = run(clipped, 9, 2);
            assertThat(Math.abs(b.estimate() - two)).as("%s two jumps: %s vs %s", m, b, two).isLessThan(4 * b.stderr());
            assertThat(b.method()).isEqualTo(m.text());
            RareEventStudy.Result r = StudyRunner.of(1).run(STUDY, clipped, 9);
            assertThat(r.jumps()).isEqualTo(2);
            assertThat(r.predictedExponent()).isEqualTo(1.0);
        }
    }

    /**
     * Importance sampling agrees with plain Monte Carlo where Monte Carlo is affordable: eta = 1/20 (p about
     * 8e-3 unclipped, 5e-3 clipped) and eta = 1/100 unclipped (p about 2e-3). The Monte Carlo reference is an
     * independent implementation below (Commons RNG's Pareto sampler for the Lomax part). Tolerance: 4
     * combined standard errors (a false alarm has probability 6e-5 per comparison under the CLT).
     */
    @Test
    void importanceSamplingAgreesWithIndependentMonteCarlo() {
        double[][] cases = {{1.0 / 20, Double.POSITIVE_INFINITY}, {1.0 / 20, 1.5}, {1.0 / 100, Double.POSITIVE_INFINITY}};
        for (double[] c : cases) {
            double eta = c[0];
            double b = c[1];
            Settings s = ld(eta, b, 0, Method.IS, 30_000);
            double[] mc = independentMonteCarlo(eta, b, s.horizon(), eta > 0.02 ? 300_000 : 150_000, 11);
            RareEventEstimate is = run(s, 2, 2);
            double tol = 4 * Math.hypot(mc[1], is.stderr());
            assertThat(Math.abs(mc[0] - is.estimate())).as("eta=%s b=%s mc=%s+-%s is=%s", eta, b, mc[0], mc[1], is)
                    .isLessThan(tol);
        }
    }

    /** Plain Monte Carlo of the LD event written independently of the study: {estimate, stderr}. */
    static double[] independentMonteCarlo(double eta, double b, long n, int paths, long seed) {
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.SPLIT_MIX_64.create(seed);
        var pareto = org.apache.commons.rng.sampling.distribution.InverseTransformParetoSampler.of(rng, 1, 1.5);
        var gauss = org.apache.commons.rng.sampling.distribution.BoxMullerNormalizedGaussianSampler.of(rng);
        long hits = 0;
        for (int p = 0; p < paths; p++) {
            double x = 2.5;
            for (long j = 0; j < n; j++) {
                double w = pareto.sample() - 1; // Lomax: Pareto I minus 1
                double z = 0.2 * (rng.nextBoolean() ? w : -w) + 5 * gauss.sample();
                double u = eta * (z - QUARTIC.derivative(x));
                x += Math.max(-b, Math.min(b, u));
                if (x <= 0) {
                    hits++;
                    break;
                }
            }
        }
        double pHat = (double) hits / paths;
        return new double[] {pHat, Math.sqrt(pHat * (1 - pHat) / paths)};
    }

    /**
     * The vector engine (RareEventLanes) against the same references: the closed forms of one and two clipped jumps
     * on a flat expr: landscape (Pareto noise), and the independent Monte Carlo of the LD event (Lomax plus
     * Gaussian noise, ld-quartic) for importance sampling and plain Monte Carlo; 4 combined standard errors. Its
     * numbers do not depend on the threads either.
     */
    @Test
    void vectorEngineMatchesTheClosedFormsAndTheIndependentMonteCarlo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.htsgd.dynamics.LaneEngine.available());
        dev.htsgd.dynamics.Engine v = dev.htsgd.dynamics.Engine.VECTOR;
        JumpNoise pareto = JumpNoise.pareto(1.5, 0.1);
        double one = 0.5 * Math.pow(5, -1.5);
        for (Method m : Method.values()) {
            Settings s = Settings.of("expr:0*x", pareto, Double.POSITIVE_INFINITY, 1, 0, 0.5, 1, m, null, 40_000, 1000, v);
            assertThat(s.engine()).isEqualTo(v);
            RareEventEstimate a = run(s, 9, 2);
            assertThat(Math.abs(a.estimate() - one)).as("%s one jump: %s vs %s", m, a, one).isLessThan(4 * a.stderr());
        }
        double[][] cases = {{1.0 / 20, 1.5, 30_000}, {1.0 / 20, Double.POSITIVE_INFINITY, 30_000}};
        for (double[] c : cases) {
            Settings s = Settings.of("ld-quartic", LD, c[1], c[0], 2.5, 0, 0, Method.IS, null, (long) c[2],
                    RareEventStudy.BATCH, v);
            double[] mc = independentMonteCarlo(c[0], c[1], s.horizon(), 300_000, 13);
            RareEventEstimate is = run(s, 2, 2);
            System.out.printf("vector IS eta=%s b=%s: %s; independent MC %s +- %s%n", c[0], c[1], is, mc[0], mc[1]);
            assertThat(Math.abs(mc[0] - is.estimate())).as("eta=%s b=%s mc=%s+-%s is=%s", c[0], c[1], mc[0], mc[1], is)
                    .isLessThan(4 * Math.hypot(mc[1], is.stderr()));
            assertThat(run(s, 2, 1)).isEqualTo(is);
        }
        Settings plain = Settings.of("ld-quartic", LD, 1.5, 1.0 / 20, 2.5, 0, 20, Method.MC, null, 300_000,
                RareEventStudy.BATCH, v);
        RareEventEstimate mc = run(plain, 1, 2);
        double[] ref = independentMonteCarlo(1.0 / 20, 1.5, 20, 300_000, 5);
        assertThat(Math.abs(mc.estimate() - ref[0])).isLessThan(4 * Math.hypot(mc.stderr(), ref[1]));
        // a landscape without a lane gradient is refused naming engine under vector, and runs scalar under auto
        assertThatThrownBy(() -> Settings.of("expr:tanh(x)", LD, 1.5, 0.05, 2.5, 0, 0, Method.IS, null, 10, 10, v))
                .hasMessageContaining("engine").hasMessageContaining("tanh");
        assertThat(Settings.of("expr:tanh(x)", LD, 1.5, 0.05, 2.5, 0, 0, Method.IS, null, 10, 10,
                dev.htsgd.dynamics.Engine.AUTO).engine()).isEqualTo(dev.htsgd.dynamics.Engine.SCALAR);
    }

    /** Plain Monte Carlo (the importance sampler with no tilt) agrees with the independent one too. */
    @Test
    void plainMonteCarloAgreesWithIndependentOne() {
        RareEventEstimate mc = run(ld(1.0 / 20, 1.5, 20, Method.MC, 300_000), 1, 2);
        double[] ref = independentMonteCarlo(1.0 / 20, 1.5, 20, 300_000, 5);
        assertThat(Math.abs(mc.estimate() - ref[0])).isLessThan(4 * Math.hypot(mc.stderr(), ref[1]));
        assertThat(mc.method()).isEqualTo("mc");
        assertThat(mc.samples()).isEqualTo(300_000);
    }

    /** The clipped probability at eta = 1/200 (published 5.25e-6) is reached with a usable interval in seconds. */
    @Test
    void reachesSmallProbabilitiesWithTightIntervals() {
        RareEventStudy.Result r = StudyRunner.of(2).run(STUDY, Settings.ldTable21(1.5, 1.0 / 200, 20_000), 3);
        RareEventEstimate p = r.estimate();
        // same order of magnitude as LD Table 2.1 and a relative error that plain MC would need ~1e9 paths for
        assertThat(p.estimate()).isBetween(1e-6, 2e-5);
        assertThat(p.relativeError()).isLessThan(0.25);
        assertThat(p.largestShare()).isLessThan(0.2);
        assertThat(r.jumps()).isEqualTo(2);
        assertThat(r.predictedExponent()).isEqualTo(1.0); // l* (alpha - 1) = 2 * 0.5
    }

    /**
     * Threads and the checkpoint change nothing; a setting's paths depend on its content only (the same eta
     * alone or beside others, more samples extend the same paths); a partial last batch counts its own paths.
     */
    @Test
    void numbersDoNotDependOnThreadsCheckpointOrNeighbours(@TempDir Path tmp) {
        Settings s = ld(1.0 / 50, 1.5, 50, Method.IS, 5_500);
        assertThat(STUDY.tasks(s)).isEqualTo(6);
        RareEventStudy.Result one = StudyRunner.of(1).run(STUDY, s, 9);
        assertThat(StudyRunner.of(3).run(STUDY, s, 9)).isEqualTo(one);
        assertThat(one.estimate().samples()).isEqualTo(5_500);
        Checkpoint cp = Checkpoint.open(tmp, "f", 0);
        Settings shorter = ld(1.0 / 50, 1.5, 50, Method.IS, 2_000);
        new StudyRunner(2, cp, null).run(STUDY, s, 9);
        assertThat(new StudyRunner(2, cp, null).run(STUDY, s, 9)).isEqualTo(one);
        List<PathSums> a = StudyRunner.of(2).runTasks(STUDY, shorter, 9);
        List<PathSums> b = StudyRunner.of(2).runTasks(STUDY, s, 9);
        assertThat(b.subList(0, 2)).isEqualTo(a);
        assertThat(b.get(5).paths()).isEqualTo(500);
        // another setting (b) has other paths; another seed too
        assertThat(StudyRunner.of(1).runTasks(STUDY, ld(1.0 / 50, Double.POSITIVE_INFINITY, 50, Method.IS, 1000), 9).get(0))
                .isNotEqualTo(b.get(0));
        assertThat(StudyRunner.of(1).runTasks(STUDY, shorter, 10).get(0)).isNotEqualTo(a.get(0));
        // the codec round-trips exactly
        assertThat(STUDY.codec().decode(STUDY.codec().encode(b.get(3)))).isEqualTo(b.get(3));
        assertThat(ld(1.0 / 40, 1.5, 0, Method.IS, 10).horizon()).isEqualTo(40);
    }

    @Test
    void badInputNamesTheParameter() {
        assertThatThrownBy(() -> ld(-1, 1.5, 10, Method.IS, 10)).hasMessageStartingWith("eta must");
        assertThatThrownBy(() -> ld(5, 1.5, 0, Method.IS, 10)).hasMessageStartingWith("eta 5.0 gives the default horizon");
        assertThatThrownBy(() -> ld(0.1, 1.5, 10, Method.IS, 0)).hasMessageStartingWith("samples must");
        assertThatThrownBy(() -> Settings.of("himmelblau2d", LD, 1.5, 0.1, 2.5, 0, 10, Method.IS, null, 10, 10))
                .hasMessageStartingWith("landscape must be one-dimensional");
        assertThatThrownBy(() -> Settings.of("ld-quartic", LD, 1.5, 0.1, 2.5, 0, 10, Method.MC,
                ImportanceSampling.of(0.1, 1, 0.5, 0.5), 10, 10)).hasMessageStartingWith("method mc takes no");
        assertThatThrownBy(() -> Method.of("x")).hasMessageStartingWith("method ");
        assertThatThrownBy(() -> ImportanceSampling.of(0, 1, 0.5, 0.5)).hasMessageStartingWith("threshold must");
        assertThatThrownBy(() -> JumpNoise.ldMixture(0.9, 0.2, 5)).hasMessageStartingWith("alpha must");
    }
}
