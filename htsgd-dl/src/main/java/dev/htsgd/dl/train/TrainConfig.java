package dev.htsgd.dl.train;

import dev.htsgd.check.Names;
import dev.htsgd.check.Require;

/**
 * One training run's settings (paper-notes section 6, Table 1). Defaults are the FashionMNIST/LeNet column:
 * eta 0.05, batch 100, 10,000 iterations, b 5, c 0.5, alpha 1.4, the last 5,000 iterations noise-free; the
 * large batch is 256 (Table 2 does not state one; the CIFAR-10 appendix uses 1,024, which costs four times more per step on CPU).
 *
 * @param method      the method
 * @param iterations  K, &gt;= 1
 * @param eta         learning rate eta, in (0, inf)
 * @param batch       small batch size n_s
 * @param largeBatch  large batch size n_L (capped at the training set size)
 * @param clip        b, truncation threshold
 * @param clipOn      what b bounds: the gradient (the update at eta_k b, the default) or the update
 * @param alpha       tail index of W
 * @param c           noise scale c
 * @param noiseOff    K_off: final iterations without noise, as plain large-batch steps (noisy methods only)
 * @param pareto      the Pareto law of W
 * @param momentum    mu (0 = none)
 * @param weightDecay lambda (0 = none)
 * @param lrStep      step schedule period (0 = constant eta)
 * @param lrGamma     step schedule factor
 * @param weightBound L-infinity bound of the weights (infinite = none; SB+Noise uses 1)
 * @param evalEvery   evaluate every this many iterations (and at the end)
 * @param seed        the run's seed
 * @param passes      how a step forms its gradient: one fused pass (the default) or one pass per batch
 */
public record TrainConfig(Method method, int iterations, double eta, int batch, int largeBatch, double clip,
        ClipOn clipOn, double alpha, double c, int noiseOff, ParetoType pareto, double momentum, double weightDecay, int lrStep,
        double lrGamma, double weightBound, int evalEvery, long seed, GradientPasses passes) {

    /** Validates every setting, naming it as the library does and its allowed range. */
    public TrainConfig {
        if (method == null) {
            throw Require.fail("method", "must be one of " + Names.list(Method.values()) + ", got nothing");
        }
        Require.positive("iterations", iterations);
        Require.positive("batch", batch);
        Require.positive("largeBatch", largeBatch);
        if (noiseOff < 0 || noiseOff > iterations) {
            throw Require.fail("noiseOff", "must be in [0, `iterations` = " + iterations + "], got " + noiseOff);
        }
        Require.positive("evalEvery", evalEvery);
        if (clipOn == null) {
            throw Require.fail("clipOn", "must be one of " + Names.list(ClipOn.values()) + ", got nothing");
        }
        if (passes == null) {
            throw Require.fail("passes", "must be one of " + Names.list(GradientPasses.values()) + ", got nothing");
        }
        // the rest is validated by the step's builder
        step(eta, clip, clipOn, alpha, c, pareto, momentum, weightDecay, lrStep, lrGamma, weightBound, method);
    }

    /**
     * A builder in DJL style: {@code set*} for what has no default (the method and K), {@code opt*} for the rest,
     * whose defaults are Table 1's FashionMNIST/LeNet column; {@link Builder#build()} validates.
     * <pre>{@code
     * TrainConfig cfg = TrainConfig.builder().setMethod(Method.OUR2).setIterations(2_000).optEta(0.05)
     *         .optClip(5).optNoise(1.4, 0.5).optSeed(7).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** The settings of {@link TrainConfig}; see {@link #builder()}. */
    public static final class Builder extends UpdateSettings<Builder> {
        private Method method;
        private int iterations;
        private double eta = 0.05;
        private int batch = 100;
        private int largeBatch = 256;
        private Integer noiseOff;
        private int evalEvery = 500;
        private long seed;
        private GradientPasses passes = GradientPasses.FUSED;

        private Builder() {
            // Table 1's b = 5, alpha = 1.4, c = 0.5
            optClip(5).optNoise(1.4, 0.5);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The method (required). */
        public Builder setMethod(Method m) {
            this.method = m;
            return this;
        }

        /** K, the number of iterations, &gt;= 1 (required). */
        public Builder setIterations(int k) {
            this.iterations = k;
            return this;
        }

        /** eta in (0, inf) (default 0.05). */
        public Builder optEta(double eta) {
            this.eta = eta;
            return this;
        }

        /** Small batch size n_s (default 100). */
        public Builder optBatch(int n) {
            this.batch = n;
            return this;
        }

        /** Large batch size n_L, capped at the training set size (default 256). */
        public Builder optLargeBatch(int n) {
            this.largeBatch = n;
            return this;
        }

        /** K_off, final iterations without noise (default K / 2 for the noisy methods, the paper's 5,000 of 10,000; else 0). */
        public Builder optNoiseOff(int k) {
            this.noiseOff = k;
            return this;
        }

        /** Evaluate every this many iterations and at the end (default 500). */
        public Builder optEvalEvery(int n) {
            this.evalEvery = n;
            return this;
        }

        /** The run's seed (default 0): a run is a pure function of its settings and seed. */
        public Builder optSeed(long s) {
            this.seed = s;
            return this;
        }

        /**
         * How a step forms its gradient (default {@link GradientPasses#FUSED}: one pass over the concatenated
         * batches; {@link GradientPasses#PER_BATCH}: one pass per batch, the same gradient up to rounding order).
         */
        public Builder optPasses(GradientPasses p) {
            this.passes = p;
            return this;
        }

        /** Validates and builds. */
        public TrainConfig build() {
            if (method == null) {
                throw Require.fail("method", "must be set (lb, sb, sb-clip, sb-noise, our1, our2)");
            }
            Require.positive("iterations", iterations);
            int off = noiseOff != null ? noiseOff : method.noisy() ? iterations / 2 : 0;
            return new TrainConfig(method, iterations, eta, batch, largeBatch, clip, clipOn, alpha, c, off, paretoType, momentum,
                    weightDecay, lrEvery, lrGamma, weightBound, evalEvery, seed, passes);
        }
    }

    /** Table 1's FashionMNIST/LeNet settings for {@code method} (SB+Noise with its special settings). */
    public static TrainConfig paper(Method method, long seed) {
        if (method == Method.SB_NOISE) {
            return builder().setMethod(method).setIterations(100_000).optEta(0.005).optClip(Double.POSITIVE_INFINITY)
                    .optWeightBound(1.0).optEvalEvery(5000).optSeed(seed).build();
        }
        // K_off = 5,000 for every method (only the noisy ones read it), as the paper's table lists it
        return builder().setMethod(method).setIterations(10_000).optNoiseOff(5_000).optSeed(seed).build();
    }

    /** A copy with other iteration counts (K, K_off, evaluation period). */
    public TrainConfig withIterations(int iterations, int noiseOff, int evalEvery) {
        return new TrainConfig(method, iterations, eta, batch, largeBatch, clip, clipOn, alpha, c, noiseOff, pareto, momentum,
                weightDecay, lrStep, lrGamma, weightBound, evalEvery, seed, passes);
    }

    /** A copy with another seed. */
    public TrainConfig withSeed(long s) {
        return new TrainConfig(method, iterations, eta, batch, largeBatch, clip, clipOn, alpha, c, noiseOff, pareto, momentum,
                weightDecay, lrStep, lrGamma, weightBound, evalEvery, s, passes);
    }

    /** A copy with another large batch size. */
    public TrainConfig withLargeBatch(int lb) {
        return new TrainConfig(method, iterations, eta, batch, lb, clip, clipOn, alpha, c, noiseOff, pareto, momentum,
                weightDecay, lrStep, lrGamma, weightBound, evalEvery, seed, passes);
    }

    /** The heavy-tailed step of this configuration. */
    public HeavyTailedStep newStep() {
        return step(eta, clip, clipOn, alpha, c, pareto, momentum, weightDecay, lrStep, lrGamma, weightBound, method);
    }

    private static HeavyTailedStep step(double eta, double clip, ClipOn clipOn, double alpha, double c, ParetoType pareto,
            double momentum, double weightDecay, int lrStep, double lrGamma, double weightBound, Method method) {
        HeavyTailedStep.Builder b = HeavyTailedStep.builder().setLearningRate(eta).optMomentum(momentum)
                .optWeightDecay(weightDecay).optWeightBound(weightBound).optParetoType(pareto);
        if (method.truncated()) {
            b.optClip(clip).optClipOn(clipOn);
        }
        if (method.noisy()) {
            b.optNoise(alpha, c);
        }
        if (lrStep > 0) {
            b.optLrSchedule(lrStep, lrGamma);
        }
        return b.build();
    }

    /** First iteration of the noise-free phase (K - K_off for noisy methods, K otherwise). */
    public int noiseFreeFrom() {
        return method.noisy() ? iterations - noiseOff : iterations;
    }
}
