package dev.htsgd.sim.rare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htsgd.landscape.LdQuartic;
import dev.htsgd.landscape.Objective1D;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RareEventExperimentTest {

    /** U(x) = x^4/10 - x^2 of LD Table 2.1. */
    static final Objective1D QUARTIC = LdQuartic.of();

    static final JumpNoise LD = JumpNoise.ldMixture(1.5, 0.2, 5);

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
            long n = RareEventExperiment.horizonOf(eta);
            RareEventExperiment e = RareEventExperiment.of(QUARTIC, LD, eta, b, 2.5, 0, n);
            double[] mc = independentMonteCarlo(eta, b, n, eta > 0.02 ? 300_000 : 150_000, 11);
            RareEventEstimate is = e.importanceSampling(30_000, 2, 2, e.defaultSampler());
            double tol = 4 * Math.hypot(mc[1], is.stderr());
            assertThat(Math.abs(mc[0] - is.estimate())).as("eta=%s b=%s mc=%s+-%s is=%s", eta, b, mc[0], mc[1], is)
                    .isLessThan(tol);
        }
    }

    /** Plain Monte Carlo of the LD event written independently of RareEventExperiment: {estimate, stderr}. */
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

    /** Our own plain Monte Carlo (the importance sampler with no tilt) agrees with the independent one too. */
    @Test
    void plainMonteCarloAgreesWithIndependentOne() {
        double eta = 1.0 / 20;
        RareEventExperiment e = RareEventExperiment.of(QUARTIC, LD, eta, 1.5, 2.5, 0, 20);
        RareEventEstimate mc = e.monteCarlo(300_000, 1, 2);
        double[] ref = independentMonteCarlo(eta, 1.5, 20, 300_000, 5);
        assertThat(Math.abs(mc.estimate() - ref[0])).isLessThan(4 * Math.hypot(mc.stderr(), ref[1]));
        assertThat(mc.method()).isEqualTo("mc");
    }

    /** The clipped probability at eta = 1/200 (published 5.25e-6) is reached with a usable interval in seconds. */
    @Test
    void reachesSmallProbabilitiesWithTightIntervals() {
        double eta = 1.0 / 200;
        RareEventExperiment clipped = RareEventExperiment.of(QUARTIC, LD, eta, 1.5, 2.5, 0, RareEventExperiment.horizonOf(eta));
        RareEventEstimate p = clipped.importanceSampling(20_000, 3, 2, clipped.defaultSampler());
        // same order of magnitude as LD Table 2.1 and a relative error that plain MC would need ~1e9 paths for
        assertThat(p.estimate()).isBetween(1e-6, 2e-5);
        assertThat(p.relativeError()).isLessThan(0.25);
        assertThat(p.largestShare()).isLessThan(0.2);
    }

    @Test
    void resultIsIndependentOfThreadsAndResumesFromStoredBlocks() {
        double eta = 1.0 / 50;
        RareEventExperiment e = RareEventExperiment.of(QUARTIC, LD, eta, 1.5, 2.5, 0, 50);
        RareEventEstimate one = e.importanceSampling(5_000, 9, 1, e.defaultSampler());
        RareEventEstimate two = e.importanceSampling(5_000, 9, 2, e.defaultSampler());
        assertThat(two).isEqualTo(one);
        Map<Integer, double[]> stored = new HashMap<>();
        RareEventExperiment.BlockStore store = new RareEventExperiment.BlockStore() {
            @Override
            public double[] get(int index) {
                return stored.get(index);
            }

            @Override
            public void put(int index, double[] sums) {
                stored.put(index, sums);
            }
        };
        e.run(2_000, 9, 1, e.defaultSampler(), store, n -> { });
        assertThat(stored).hasSize(2);
        assertThat(e.run(5_000, 9, 2, e.defaultSampler(), store, n -> { })).isEqualTo(one);
    }

    @Test
    void badInputNamesTheOption() {
        assertThatThrownBy(() -> RareEventExperiment.of(QUARTIC, LD, -1, 1.5, 2.5, 0, 10)).hasMessageStartingWith("eta must");
        assertThatThrownBy(() -> ImportanceSampling.of(0, 1, 0.5, 0.5)).hasMessageStartingWith("threshold must");
        assertThatThrownBy(() -> JumpNoise.ldMixture(0.9, 0.2, 5)).hasMessageStartingWith("alpha must");
    }
}
