package dev.htsgd.dl.train;

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
 * @param clip        b, truncation threshold of the update
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
 */
public record TrainConfig(Method method, int iterations, double eta, int batch, int largeBatch, double clip,
        double alpha, double c, int noiseOff, ParetoType pareto, double momentum, double weightDecay, int lrStep,
        double lrGamma, double weightBound, int evalEvery, long seed) {

    /** Validates every option, naming it and its allowed range. */
    public TrainConfig {
        if (method == null) {
            throw new IllegalArgumentException("method must be one of lb, sb, sb-clip, sb-noise, our1, our2");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (largeBatch < 1) {
            throw new IllegalArgumentException("largeBatch must be >= 1, got " + largeBatch);
        }
        if (noiseOff < 0 || noiseOff > iterations) {
            throw new IllegalArgumentException("noiseOff must be in [0, iterations = " + iterations + "], got " + noiseOff);
        }
        if (evalEvery < 1) {
            throw new IllegalArgumentException("evalEvery must be >= 1, got " + evalEvery);
        }
        // the rest is validated by the step's builder
        step(eta, clip, alpha, c, pareto, momentum, weightDecay, lrStep, lrGamma, weightBound, method);
    }

    /** Table 1's FashionMNIST/LeNet settings for {@code method} (SB+Noise with its special settings). */
    public static TrainConfig paper(Method method, long seed) {
        if (method == Method.SB_NOISE) {
            return new TrainConfig(method, 100_000, 0.005, 100, 256, Double.POSITIVE_INFINITY, 1.4, 0.5, 50_000,
                    ParetoType.TYPE_I, 0, 0, 0, 1, 1.0, 5000, seed);
        }
        return new TrainConfig(method, 10_000, 0.05, 100, 256, 5, 1.4, 0.5, 5_000, ParetoType.TYPE_I, 0, 0, 0, 1,
                Double.POSITIVE_INFINITY, 500, seed);
    }

    /** A copy with other iteration counts (K, K_off, evaluation period). */
    public TrainConfig withIterations(int iterations, int noiseOff, int evalEvery) {
        return new TrainConfig(method, iterations, eta, batch, largeBatch, clip, alpha, c, noiseOff, pareto, momentum,
                weightDecay, lrStep, lrGamma, weightBound, evalEvery, seed);
    }

    /** A copy with another seed. */
    public TrainConfig withSeed(long s) {
        return new TrainConfig(method, iterations, eta, batch, largeBatch, clip, alpha, c, noiseOff, pareto, momentum,
                weightDecay, lrStep, lrGamma, weightBound, evalEvery, s);
    }

    /** A copy with another large batch size. */
    public TrainConfig withLargeBatch(int lb) {
        return new TrainConfig(method, iterations, eta, batch, lb, clip, alpha, c, noiseOff, pareto, momentum,
                weightDecay, lrStep, lrGamma, weightBound, evalEvery, seed);
    }

    /** The heavy-tailed step of this configuration. */
    public HeavyTailedStep newStep() {
        return step(eta, clip, alpha, c, pareto, momentum, weightDecay, lrStep, lrGamma, weightBound, method);
    }

    private static HeavyTailedStep step(double eta, double clip, double alpha, double c, ParetoType pareto,
            double momentum, double weightDecay, int lrStep, double lrGamma, double weightBound, Method method) {
        HeavyTailedStep.Builder b = HeavyTailedStep.builder().setLearningRate(eta).optMomentum(momentum)
                .optWeightDecay(weightDecay).optWeightBound(weightBound).optParetoType(pareto);
        if (method.truncated()) {
            b.optClip(clip);
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
