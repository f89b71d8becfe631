package dev.htsgd.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Himmelblau2d;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.landscape.LdQuartic;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.LomaxNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.Noises;
import dev.htsgd.noise.ParetoNoise;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector engine against the scalar one: equal in distribution (KS on exit times, occupation fractions
 * within their standard errors), bit-identical over thread counts and block widths, per-lane divergence,
 * and the fallback rules. Tolerances: 4.5 standard errors of the difference of two independent estimates
 * (a false alarm about 1 in 150,000 per comparison); KS at level 1e-4.
 */
class VectorEngineTest {

    @BeforeAll
    static void vectorAvailable() {
        assumeTrue(LaneEngine.available(), () -> "vector engine unavailable: " + LaneEngine.unavailableReason());
    }

    private static ClippedSgd iclr(NoiseModel z, double eta, double b, double x0) {
        return ClippedSgd.builder().objective(Iclr1d.of()).noise(z).eta(eta).clip(b).x0(x0).build();
    }

    private static OccupationExperiment occ(ClippedSgd sgd, Engine e, int paths, long steps, long seed) {
        return OccupationExperiment.builder().sgd(sgd).steps(steps).paths(paths).seed(seed).engine(e).build();
    }

    /** Per-field mean of the per-path fractions and its standard error over paths. */
    private static double[][] meanSe(OccupationExperiment.Result r, boolean near) {
        int n = r.inField().length;
        int p = r.paths().size();
        double[] m = new double[n];
        double[] se = new double[n];
        for (int f = 0; f < n; f++) {
            double s = 0;
            double s2 = 0;
            for (OccupationExperiment.PathResult pr : r.paths()) {
                double v = (double) (near ? pr.nearMinimum()[f] : pr.inField()[f]) / pr.steps();
                s += v;
                s2 += v * v;
            }
            m[f] = s / p;
            se[f] = Math.sqrt(Math.max(0, (s2 / p - m[f] * m[f]) / (p - 1)));
        }
        return new double[][] {m, se};
    }

    private static void assertSameFractions(OccupationExperiment.Result a, OccupationExperiment.Result b) {
        for (boolean near : new boolean[] {false, true}) {
            double[][] x = meanSe(a, near);
            double[][] y = meanSe(b, near);
            System.out.printf("fractions near=%s: scalar %s, vector %s, se %s / %s%n", near,
                    java.util.Arrays.toString(x[0]), java.util.Arrays.toString(y[0]), java.util.Arrays.toString(x[1]),
                    java.util.Arrays.toString(y[1]));
            for (int f = 0; f < x[0].length; f++) {
                double tol = 4.5 * Math.hypot(x[1][f], y[1][f]) + 1e-9;
                assertThat(Math.abs(x[0][f] - y[0][f])).as("field %d near=%s: %s vs %s (tolerance %s)", f, near,
                        x[0][f], y[0][f], tol).isLessThanOrEqualTo(tol);
            }
        }
    }

    @Test
    void occupationOfIclr1dAgreesInDistribution() {
        // eta 0.01, b 0.5: many basin changes per path, so the per-path fractions are informative
        ClippedSgd sgd = iclr(ParetoNoise.of(1.2, 0.1), 0.01, 0.5, 0.3);
        OccupationExperiment.Result s = occ(sgd, Engine.SCALAR, 48, 200_000, 11).run(2);
        OccupationExperiment v = occ(sgd, Engine.VECTOR, 48, 200_000, 11);
        assertThat(v.engine()).isEqualTo(Engine.VECTOR);
        OccupationExperiment.Result r = v.run(2);
        assertThat(r.totalSteps()).isEqualTo(s.totalSteps());
        assertThat(r.diverged()).isFalse();
        assertSameFractions(s, r);
        // the transitions happen on both engines at comparable rates (Poisson-like counts)
        long ts = 0;
        long tv = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                ts += s.transitions()[i][j];
                tv += r.transitions()[i][j];
            }
        }
        assertThat(ts).isGreaterThan(100);
        assertThat((double) Math.abs(ts - tv)).isLessThan(6 * Math.sqrt(ts + tv) * 3);
    }

    @Test
    void lomaxAsymmetricAndUnclippedAgreeInDistribution() {
        // Lomax with p+ = 0.7 (centred), on the unbounded ld-quartic, no clipping, no projection
        NoiseModel z = Noises.of("lomax", 1.5, 0.2, 0, 0.7);
        ClippedSgd sgd = ClippedSgd.builder().objective(LdQuartic.of()).noise(z).eta(0.01).x0(-2.2).build();
        OccupationExperiment.Result s = occ(sgd, Engine.SCALAR, 40, 100_000, 3).run(1);
        OccupationExperiment.Result v = occ(sgd, Engine.VECTOR, 40, 100_000, 3).run(1);
        assertSameFractions(s, v);
        ClippedSgd lomax = iclr(LomaxNoise.of(1.2, 0.1, 0.5), 0.01, 0.5, 0.3);
        assertSameFractions(occ(lomax, Engine.SCALAR, 40, 100_000, 4).run(1),
                occ(lomax, Engine.VECTOR, 40, 100_000, 4).run(1));
    }

    @Test
    void gaussianMixtureStableAndStudentNoiseAgreeInDistribution() {
        // the LD noise (signed Lomax plus a Gaussian part, Box-Muller on lanes) and a pure Gaussian one
        ClippedSgd mix = ClippedSgd.builder().objective(LdQuartic.of()).noise(Noises.of("mixture", 1.5, 0.2, 1.0, 0.5))
                .eta(0.05).clip(1.0).x0(-2.2).build();
        assertThat(occ(mix, Engine.AUTO, 40, 1000, 1).engine()).isEqualTo(Engine.VECTOR);
        assertSameFractions(occ(mix, Engine.SCALAR, 40, 100_000, 6).run(2), occ(mix, Engine.VECTOR, 40, 100_000, 6).run(2));
        ClippedSgd stable = iclr(Noises.of("stable", 1.5, 0.1, 0, 0.5), 0.01, 0.5, 0.3);
        assertThat(occ(stable, Engine.AUTO, 40, 1000, 1).engine()).isEqualTo(Engine.VECTOR);
        assertSameFractions(occ(stable, Engine.SCALAR, 40, 100_000, 10).run(2),
                occ(stable, Engine.VECTOR, 40, 100_000, 10).run(2));
        ClippedSgd gauss = iclr(Noises.of("gaussian", 2, 1.0, 0, 0.5), 0.05, 0.5, 0.3);
        assertSameFractions(occ(gauss, Engine.SCALAR, 40, 100_000, 9).run(2), occ(gauss, Engine.VECTOR, 40, 100_000, 9).run(2));
        // Student-t (Bailey's polar method, each lane drawing until it accepts); the same numbers on 1 and 2 threads
        ClippedSgd student = iclr(Noises.of("student", 1.5, 0.1, 0), 0.01, 0.5, 0.3);
        assertThat(occ(student, Engine.AUTO, 40, 1000, 1).engine()).isEqualTo(Engine.VECTOR);
        OccupationExperiment.Result st = occ(student, Engine.VECTOR, 40, 100_000, 11).run(2);
        assertSameFractions(occ(student, Engine.SCALAR, 40, 100_000, 11).run(2), st);
        assertThat(occ(student, Engine.VECTOR, 40, 100_000, 11).run(1).inField()).isEqualTo(st.inField());
    }

    @Test
    void exprFormulaRunsOnLanesAndAgreesInDistribution() {
        // an expr: landscape with exp, sqrt and powers: its gradient is the lane tape's (LaneTape)
        dev.htsgd.landscape.Objective f = dev.htsgd.landscape.Landscapes.of(
                "expr:x^4/10-x^2+0.3*exp(-(x-1)^2)+0.05*sqrt(x^2+1)");
        ClippedSgd sgd = ClippedSgd.builder().objective(f).noise(ParetoNoise.of(1.2, 0.1)).eta(0.01).clip(0.5)
                .x0(-2.2).build();
        assertThat(LaneEngine.unsupported(sgd)).isNull();
        assertThat(occ(sgd, Engine.AUTO, 40, 1000, 1).engine()).isEqualTo(Engine.VECTOR);
        assertSameFractions(occ(sgd, Engine.SCALAR, 40, 100_000, 8).run(2), occ(sgd, Engine.VECTOR, 40, 100_000, 8).run(2));
        // a formula the lanes cannot run falls back to the scalar engine under auto, and says why under vector
        ClippedSgd trig = ClippedSgd.builder().objective(dev.htsgd.landscape.Landscapes.of("expr:x^2+tanh(x)"))
                .noise(ParetoNoise.of(1.2, 0.1)).eta(0.01).clip(0.5).x0(0).build();
        assertThat(occ(trig, Engine.AUTO, 40, 1000, 1).engine()).isEqualTo(Engine.SCALAR);
        assertThatThrownBy(() -> occ(trig, Engine.VECTOR, 40, 1000, 1)).hasMessageContaining("tanh");
    }

    @Test
    void exitTimesAgreeByKolmogorovSmirnov() {
        // the sharp basin (0.2, 0.7) of iclr1d from m_3 = 0.4962: mean exit time about 250 steps at eta 0.02
        ClippedSgd sgd = iclr(ParetoNoise.of(1.2, 0.1), 0.02, 0.5, 0.4962);
        Region field = Region.interval(0.2, 0.7, true, true);
        ExitTimeExperiment.Result[] r = new ExitTimeExperiment.Result[2];
        Engine[] engines = {Engine.SCALAR, Engine.VECTOR};
        for (int k = 0; k < 2; k++) {
            ExitTimeExperiment e = ExitTimeExperiment.builder().sgd(sgd).field(field).samples(2000)
                    .maxSteps(1_000_000).seed(5).engine(engines[k]).build();
            assertThat(e.engine()).isEqualTo(engines[k]);
            r[k] = e.run(2);
        }
        double[] a = r[0].replications().stream().mapToDouble(ExitTimeExperiment.Replication::steps).toArray();
        double[] b = r[1].replications().stream().mapToDouble(ExitTimeExperiment.Replication::steps).toArray();
        double p = KolmogorovSmirnovTest.withDefaults().test(a, b).getPValue();
        System.out.printf("exit times: scalar mean %.2f +- %.2f, vector mean %.2f +- %.2f, KS p = %.4f%n", r[0].mean(),
                r[0].stderr(), r[1].mean(), r[1].stderr(), p);
        assertThat(p).as("KS p-value").isGreaterThan(1e-4);
        assertThat(Math.abs(r[0].mean() - r[1].mean())).isLessThan(4.5 * Math.hypot(r[0].stderr(), r[1].stderr()));
        assertThat(r[1].censored()).isZero();
        // the exit locations lie outside the field
        for (double[] loc : r[1].exitLocations()) {
            assertThat(loc[0] <= 0.2 || loc[0] >= 0.7).isTrue();
        }
    }

    @Test
    void bitIdenticalWhateverThreadsAndBlockWidth() {
        ClippedSgd sgd = iclr(ParetoNoise.of(1.2, 0.1), 0.001, 0.5, 0.3);
        OccupationExperiment e = occ(sgd, Engine.VECTOR, 20, 30_000, 7);
        OccupationExperiment.Result one = e.run(1);
        OccupationExperiment.Result two = occ(sgd, Engine.VECTOR, 20, 30_000, 7).run(2);
        int k = LaneEngine.lanes();
        // blocks of the widest width, 4 K lanes, over all 20 paths (with K = 4 one block holds 16 of them)
        List<OccupationExperiment.PathResult> wide = new ArrayList<>();
        for (int block = 0; block * 4 * k < 20; block++) {
            wide.addAll(e.runBlock(block, 4 * k));
        }
        for (int i = 0; i < 20; i++) {
            OccupationExperiment.PathResult a = one.paths().get(i);
            OccupationExperiment.PathResult b = two.paths().get(i);
            assertThat(b.index()).isEqualTo(i);
            assertThat(b.inField()).isEqualTo(a.inField());
            assertThat(b.nearMinimum()).isEqualTo(a.nearMinimum());
            assertThat(b.transitions()).isEqualTo(a.transitions());
            assertThat(b.visits()).isEqualTo(a.visits());
            assertThat(wide.get(i).inField()).isEqualTo(a.inField());
        }
        ClippedSgd ex = iclr(ParetoNoise.of(1.2, 0.1), 0.02, 0.5, 0.4962);
        ExitTimeExperiment.Builder b = ExitTimeExperiment.builder().sgd(ex).field(Region.interval(0.2, 0.7, true, true))
                .samples(50).maxSteps(300).seed(2).engine(Engine.VECTOR);
        ExitTimeExperiment.Result x1 = b.build().run(1);
        ExitTimeExperiment.Result x2 = b.build().run(2);
        ExitTimeExperiment.Result x3 = b.build().run(7);
        assertThat(x1.censored()).isPositive(); // the cap is hit by some: censoring is exercised
        for (int i = 0; i < 50; i++) {
            assertThat(x2.replications().get(i)).usingRecursiveComparison().isEqualTo(x1.replications().get(i));
            assertThat(x3.replications().get(i)).usingRecursiveComparison().isEqualTo(x1.replications().get(i));
        }
    }

    /**
     * The noise drawn ahead (7 steps at once, a count that does not divide the 200 steps) gives the states bit for
     * bit of the noise drawn step by step, for every lane sampler: Pareto, Lomax with p+ 0.3 (a second draw for
     * the sign), the mixture (a Gaussian part), Gaussian, stable and Student-t (which draws step by step anyway).
     */
    @Test
    void noiseDrawnAheadGivesTheSameStates() {
        NoiseModel[] noises = {ParetoNoise.of(1.2, 0.1), Noises.of("lomax", 1.5, 0.1, 0, 0.3),
            Noises.of("mixture", 1.2, 0.1, 0.1), Noises.of("gaussian", 2, 0.3, 0), Noises.of("stable", 1.5, 0.1, 0),
            Noises.of("student", 1.5, 0.1, 0)};
        int w = 2 * LaneEngine.lanes();
        for (NoiseModel z : noises) {
            dev.htsgd.dynamics.LaneEngine.Spec sp = LaneEngine.spec(iclr(z, 0.01, 0.5, 0.3));
            LaneBlock one = new LaneBlock(sp, w, 1);
            LaneBlock ahead = new LaneBlock(sp, w, 7);
            for (int i = 0; i < w; i++) {
                one.seed(11, i, i);
                ahead.seed(11, i, i);
                one.x()[i] = 0.3;
                ahead.x()[i] = 0.3;
            }
            for (int j = 0; j < 200; j++) {
                one.step();
                ahead.step();
                one.swap();
                ahead.swap();
                for (int i = 0; i < w; i++) {
                    assertThat(Double.doubleToRawLongBits(ahead.x()[i])).as(z.describe() + " step " + j + " lane " + i)
                            .isEqualTo(Double.doubleToRawLongBits(one.x()[i]));
                }
            }
            assertThat(one.x()[0]).as(z.describe() + " moved").isNotEqualTo(0.3);
        }
    }

    @Test
    void divergenceIsPerLane() {
        // unbounded quartic, unclipped, large eta: the cubic drift blows up after a big jump
        ClippedSgd sgd = ClippedSgd.builder().objective(LdQuartic.of()).noise(ParetoNoise.of(1.1, 1.0)).eta(0.5)
                .x0(0.0).build();
        OccupationExperiment.Result v = occ(sgd, Engine.VECTOR, 16, 100_000, 1).run(1);
        OccupationExperiment.Result s = occ(sgd, Engine.SCALAR, 16, 100_000, 1).run(1);
        assertThat(v.diverged()).isEqualTo(s.diverged()).isTrue();
        for (OccupationExperiment.PathResult p : v.paths()) {
            assertThat(p.divergence()).isNotNull();
            assertThat(p.divergence().step()).isEqualTo(p.steps() + 1);
            long sum = 0;
            for (long c : p.inField()) {
                sum += c;
            }
            assertThat(sum).isEqualTo(p.steps());
        }
    }

    @Test
    void fallbackRules() {
        ClippedSgd sgd = iclr(ParetoNoise.of(1.2, 0.1), 0.001, 0.5, 0.3);
        int k = LaneEngine.lanes();
        assertThat(occ(sgd, Engine.AUTO, k - 1, 10, 1).engine()).isEqualTo(Engine.SCALAR);
        assertThat(occ(sgd, Engine.AUTO, k, 10, 1).engine()).isEqualTo(Engine.VECTOR);
        assertThat(occ(sgd, Engine.SCALAR, 64, 10, 1).engine()).isEqualTo(Engine.SCALAR);
        // fewer paths than lanes on an explicit vector request: idle lanes
        OccupationExperiment.Result few = occ(sgd, Engine.VECTOR, 3, 1000, 1).run(1);
        assertThat(few.paths()).hasSize(3);
        assertThat(few.totalSteps()).isEqualTo(3000);
        // the vector entry points refuse the scalar engine and a width that is not a multiple of K
        assertThatThrownBy(() -> occ(sgd, Engine.SCALAR, k, 10, 1).runBlock(0, k)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runBlock needs the vector engine");
        assertThatThrownBy(() -> occ(sgd, Engine.VECTOR, k, 10, 1).runBlock(0, k + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive multiple of " + k);
        ClippedSgd twoD = ClippedSgd.builder().objective(Himmelblau2d.of()).noise(IsotropicNoise.of(ParetoNoise.of(1.2, 0.1), 2))
                .eta(0.001).clip(0.5).x0(3, 2).build();
        assertThat(occ(twoD, Engine.AUTO, 64, 10, 1).engine()).isEqualTo(Engine.SCALAR);
        assertThatThrownBy(() -> occ(twoD, Engine.VECTOR, 64, 10, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine vector").hasMessageContaining("2-D");
        ClippedSgd own = iclr(dev.htsgd.dynamics.StandInNoise.rademacher(0.1), 0.001, 0.5, 0.3);
        assertThat(occ(own, Engine.AUTO, 64, 10, 1).engine()).isEqualTo(Engine.SCALAR);
        assertThatThrownBy(() -> occ(own, Engine.VECTOR, 64, 10, 1)).hasMessageContaining("no lane sampler");
        assertThatThrownBy(() -> Engine.parse("simd", "engine")).hasMessageContaining("engine must be one of");
        assertThat(Domain.unbounded()).isNotNull();
    }
}
