package dev.htsgd.dl.train;

import ai.djl.ndarray.types.Shape;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Models;
import dev.htsgd.dl.model.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One training step of each method against the update computed by hand (in double precision, independently
 * of DJL) on softmax regression: 2 inputs, 3 classes, theta = (W 3x2, b 3). For mean cross-entropy over a
 * batch B, grad_W = (1/|B|) sum (p_i - e_{y_i}) x_i^T and grad_b = (1/|B|) sum (p_i - e_{y_i}).
 * Tolerance 2e-6: float32 rounding of O(1) quantities over a few operations.
 */
class MethodStepTest {
    static final float[] X = {0.5f, -1f, 1f, 0.25f, -0.75f, 0.5f, 0.2f, 0.9f, -0.3f, -0.6f, 1f, 1f};
    static final int[] Y = {0, 2, 1, 1, 0, 2};
    static final ImageSet DATA = new ImageSet("tiny", 1, 1, 2, 3, X, Y);

    /**
     * The README's table of updates, written out here independently of {@link Method}'s flags so that a wrong
     * flag cannot make the hand computation agree with the code (SB was once declared truncated, and this test,
     * reading the flag, truncated its expected update too).
     *
     * @param small     the first phase draws a small batch g_SB
     * @param star      g_SB* comes from an independent small batch (Our 1)
     * @param large     a large batch g_LB is drawn (LB itself, and the noise direction g_SB* - g_LB)
     * @param noise     the update adds c W (g_SB* - g_LB)
     * @param truncated the update is truncated by phi_b
     */
    record Update(boolean small, boolean star, boolean large, boolean noise, boolean truncated) {
    }

    static Update readme(Method m) {
        return switch (m) {
            case LB -> new Update(false, false, true, false, false);       // theta -= eta g_LB
            case SB -> new Update(true, false, false, false, false);       // theta -= eta g_SB
            case SB_CLIP -> new Update(true, false, false, false, true);   // theta -= phi_b(eta g_SB)
            case SB_NOISE -> new Update(true, false, true, true, false);   // theta -= eta (g_SB + c W (g_SB - g_LB))
            case OUR1 -> new Update(true, true, true, true, true);         // phi_b(eta (g_SB + c W (g_SB* - g_LB)))
            case OUR2 -> new Update(true, false, true, true, true);        // phi_b(eta (g_SB + c W (g_SB - g_LB)))
        };
    }

    static Network tiny(long seed) {
        return Network.create(Architecture.MLP, Models.mlp(3), new Shape(1, 1, 2), 3, TrainingStream.INIT.of(seed));
    }

    static TrainConfig cfg(Method m, double clip, int noiseOff, double weightBound) {
        return cfg(m, clip, ClipOn.GRADIENT, noiseOff, weightBound, 0);
    }

    /** K = 4, eta 0.5, batches 2 and 4; {@code lrStep} > 0 halves eta every lrStep iterations. */
    static TrainConfig cfg(Method m, double clip, ClipOn on, int noiseOff, double weightBound, int lrStep) {
        TrainConfig.Builder b = TrainConfig.builder().setMethod(m).setIterations(4).optEta(0.5).optBatch(2).optLargeBatch(4)
                .optClip(clip).optClipOn(on).optNoiseOff(noiseOff).optWeightBound(weightBound).optEvalEvery(100).optSeed(11);
        if (lrStep > 0) {
            b.optLrSchedule(lrStep, 0.5);
        }
        return b.build();
    }

    /** Gradient of the mean cross-entropy over idx[from, from+n) at theta = (w 3x2 row-major, b 3). */
    static double[] grad(double[] theta, int[] idx, int from, int n) {
        double[] g = new double[9];
        for (int k = from; k < from + n; k++) {
            int i = idx[k];
            double[] z = new double[3];
            double max = -1e300;
            for (int c = 0; c < 3; c++) {
                z[c] = theta[2 * c] * X[2 * i] + theta[2 * c + 1] * X[2 * i + 1] + theta[6 + c];
                max = Math.max(max, z[c]);
            }
            double s = 0;
            for (int c = 0; c < 3; c++) {
                s += Math.exp(z[c] - max);
            }
            for (int c = 0; c < 3; c++) {
                double r = Math.exp(z[c] - max) / s - (Y[i] == c ? 1 : 0);
                g[2 * c] += r * X[2 * i] / n;
                g[2 * c + 1] += r * X[2 * i + 1] / n;
                g[6 + c] += r / n;
            }
        }
        return g;
    }

    static double[] flat(float[][] w) {
        double[] t = new double[9];
        for (int i = 0; i < 6; i++) {
            t[i] = w[0][i];
        }
        for (int i = 0; i < 3; i++) {
            t[6 + i] = w[1][i];
        }
        return t;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * The run's streams (batches and W) replayed by hand, one step at a time: the expected theta after step k of
     * the README's update, eta_k = eta 0.5^floor(k / lrStep), truncation at eta_k b (gradient) or b (update).
     */
    static final class Replay {
        final TrainConfig cfg;
        final Update m;
        final BatchSampler small;
        final BatchSampler star;
        final BatchSampler large;
        final ParetoType.Sampler w;
        int k;

        Replay(TrainConfig cfg) {
            this.cfg = cfg;
            this.m = readme(cfg.method());
            small = m.small() ? new BatchSampler(TrainingStream.SMALL.of(cfg.seed()), 6, 2) : null;
            star = m.star() ? new BatchSampler(TrainingStream.STAR.of(cfg.seed()), 6, 2) : null;
            large = m.large() ? new BatchSampler(TrainingStream.LARGE.of(cfg.seed()), 6, 4) : null;
            w = ParetoType.TYPE_I.sampler(TrainingStream.NOISE.of(cfg.seed()), cfg.alpha());
        }

        double[] step(double[] theta) {
            int[] sb = new int[2];
            int[] st = new int[2];
            int[] lb = new int[4];
            double eta = cfg.lrStep() > 0 ? cfg.eta() * Math.pow(0.5, k / cfg.lrStep()) : cfg.eta();
            double[] u = new double[9];
            // the noise-free phase (K - K_off onwards) exists for the noisy methods only
            boolean noiseFree = m.noise() && k >= cfg.iterations() - cfg.noiseOff();
            if (!m.small() || noiseFree) {
                large.next(lb, 0);
                double[] g = grad(theta, lb, 0, 4);
                for (int i = 0; i < 9; i++) {
                    u[i] = eta * g[i];
                }
            } else if (!m.noise()) {
                small.next(sb, 0);
                double[] g = grad(theta, sb, 0, 2);
                for (int i = 0; i < 9; i++) {
                    u[i] = eta * g[i];
                }
            } else {
                double cw = cfg.c() * w.sample();
                small.next(sb, 0);
                if (m.star()) {
                    star.next(st, 0);
                }
                large.next(lb, 0);
                double[] gs = grad(theta, sb, 0, 2);
                double[] gstar = m.star() ? grad(theta, st, 0, 2) : gs;
                double[] gl = grad(theta, lb, 0, 4);
                for (int i = 0; i < 9; i++) {
                    u[i] = eta * (gs[i] + cw * (gstar[i] - gl[i]));
                }
            }
            if (m.truncated() && !noiseFree) {
                double bound = cfg.clipOn() == ClipOn.GRADIENT ? eta * cfg.clip() : cfg.clip();
                double n = norm(u);
                if (n > bound) {
                    for (int i = 0; i < 9; i++) {
                        u[i] *= bound / n;
                    }
                }
            }
            double[] out = new double[9];
            for (int i = 0; i < 9; i++) {
                out[i] = Math.max(-cfg.weightBound(), Math.min(cfg.weightBound(), theta[i] - u[i]));
            }
            k++;
            return out;
        }
    }

    /** The expected theta after one step. */
    static double[] expected(TrainConfig cfg, double[] theta) {
        return new Replay(cfg).step(theta);
    }

    /** Runs {@code steps} steps of the code and of the hand replay, comparing theta after each. */
    static void checkSteps(TrainConfig cfg, int steps) {
        try (Network net = tiny(cfg.seed())) {
            double[] theta = flat(net.weights());
            Replay replay = new Replay(cfg);
            HeavyTailedTraining run = HeavyTailedTraining.create(cfg, net, DATA, null);
            for (int s = 0; s < steps; s++) {
                double[] before = theta;
                run.stepOnce();
                double[] got = flat(net.weights());
                theta = replay.step(theta);
                for (int i = 0; i < 9; i++) {
                    assertThat(got[i]).as(cfg.method() + " " + cfg.clipOn() + " step " + s + " theta[" + i + "]")
                            .isCloseTo(theta[i], org.assertj.core.data.Offset.offset(4e-6));
                }
                assertThat(got).isNotEqualTo(before);
                theta = got; // continue from the code's float32 weights so rounding does not accumulate
            }
        }
    }

    static void checkOneStep(TrainConfig cfg) {
        checkSteps(cfg, 1);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void oneStepMatchesHandComputation(Method m) {
        // b = 0.05 is small enough that the clipped methods truncate (checked below)
        checkOneStep(cfg(m, 0.05, 0, m == Method.SB_NOISE ? 1.0 : Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void eachClipModeAndALearningRateDecayMatchTheHandComputation(Method m) {
        // 4 steps with eta halved after every step (eta_k = 0.5, 0.25, 0.125, 0.0625) and K_off = 2, so the noisy
        // methods also take their noise-free large-batch steps; b = 0.05 truncates the clipped methods under both
        // readings (the gradient one then bounds the update by eta_k b, which shrinks with eta_k)
        for (ClipOn on : ClipOn.values()) {
            checkSteps(cfg(m, 0.05, on, 2, m == Method.SB_NOISE ? 1.0 : Double.POSITIVE_INFINITY, 1), 4);
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void onePassPerBatchMatchesTheHandComputation(Method m) {
        // the same 4 steps as above (K_off = 2, so the noise-free large-batch phase too) with one forward and
        // backward pass per batch (SB, SB*, LB) accumulating into the gradients instead of one fused pass
        TrainConfig perBatch = TrainConfig.builder().setMethod(m).setIterations(4).optEta(0.5).optBatch(2).optLargeBatch(4)
                .optClip(0.05).optNoiseOff(2).optWeightBound(m == Method.SB_NOISE ? 1.0 : Double.POSITIVE_INFINITY).optEvalEvery(100).optSeed(11)
                .optLrSchedule(1, 0.5).optPasses(GradientPasses.PER_BATCH).build();
        assertThat(perBatch.passes()).isEqualTo(GradientPasses.PER_BATCH);
        assertThat(perBatch.withSeed(11)).isEqualTo(perBatch);
        checkSteps(perBatch, 4);
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void declaredPropertiesMatchTheReadmeTable(Method m) {
        Update u = readme(m);
        assertThat(m.usesSmallBatch()).as(m + " small batch").isEqualTo(u.small());
        assertThat(m.independentStar()).as(m + " independent SB*").isEqualTo(u.star());
        assertThat(m.usesLargeBatch()).as(m + " large batch").isEqualTo(u.large());
        assertThat(m.noisy()).as(m + " noise").isEqualTo(u.noise());
        assertThat(m.truncated()).as(m + " truncated").isEqualTo(u.truncated());
        // the step a configuration builds carries b only for the truncated methods (infinite otherwise)
        assertThat(cfg(m, 0.05, 0, Double.POSITIVE_INFINITY).newStep().clip())
                .isEqualTo(u.truncated() ? 0.05 : Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"LB", "SB", "SB_NOISE"})
    void untruncatedMethodsTakeTheWholeStepBeyondB(Method m) {
        // b = 1e-6 is far below ||eta g|| (checked): a truncated method would move by exactly b
        TrainConfig c = cfg(m, 1e-6, 0, Double.POSITIVE_INFINITY);
        try (Network net = tiny(c.seed())) {
            HeavyTailedTraining run = HeavyTailedTraining.create(c, net, DATA, null);
            double[] before = flat(net.weights());
            run.stepOnce();
            double[] d = new double[9];
            double[] after = flat(net.weights());
            for (int i = 0; i < 9; i++) {
                d[i] = before[i] - after[i];
            }
            assertThat(run.step().lastPreClipNorm()).isGreaterThan(1e-3);
            assertThat(run.step().lastTruncated()).isFalse();
            assertThat(run.step().truncations()).isZero();
            assertThat(norm(d)).isCloseTo(run.step().lastPreClipNorm(), org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @ParameterizedTest
    @EnumSource(ClipOn.class)
    void truncationFiresAndRecordsThePreClipNorm(ClipOn on) {
        // one decay after the first step: the second update is bounded by eta_1 b = 0.25 * 0.05 (gradient) or b (update)
        TrainConfig c = cfg(Method.OUR2, 0.05, on, 0, Double.POSITIVE_INFINITY, 1);
        try (Network net = tiny(c.seed())) {
            HeavyTailedTraining run = HeavyTailedTraining.create(c, net, DATA, null);
            for (int k = 0; k < 2; k++) {
                double[] before = flat(net.weights());
                run.stepOnce();
                double[] after = flat(net.weights());
                double[] d = new double[9];
                for (int i = 0; i < 9; i++) {
                    d[i] = before[i] - after[i];
                }
                double bound = on == ClipOn.GRADIENT ? 0.5 * Math.pow(0.5, k) * 0.05 : 0.05;
                assertThat(run.step().lastTruncated()).isTrue();
                assertThat(run.step().lastPreClipNorm()).isGreaterThan(bound);
                assertThat(norm(d)).isCloseTo(bound, org.assertj.core.data.Offset.offset(1e-6));
            }
        }
    }

    @Test
    void noiseFreePhaseIsAPlainLargeBatchStep() {
        // K_off = K: the very first step is already theta -= eta g_LB, unclipped
        checkOneStep(cfg(Method.OUR1, 0.05, 4, Double.POSITIVE_INFINITY));
        checkOneStep(cfg(Method.OUR2, 0.05, 4, Double.POSITIVE_INFINITY));
    }

    @Test
    void nanLossNamesTheStep() {
        float[] bad = X.clone();
        bad[3] = Float.NaN;
        ImageSet d = new ImageSet("nan", 1, 1, 2, 3, bad, Y);
        TrainConfig c = TrainConfig.builder().setMethod(Method.LB).setIterations(4).optEta(0.5).optBatch(2)
                .optLargeBatch(6).optClip(1).optEvalEvery(100).optSeed(1).build();
        try (Network net = tiny(1)) {
            HeavyTailedTraining run = HeavyTailedTraining.create(c, net, d, null);
            assertThatThrownBy(run::stepOnce).isInstanceOf(TrainingDivergedException.class)
                    .hasMessageContaining("at step 1 of 4").hasMessageContaining("method lb")
                    .extracting(e -> ((TrainingDivergedException) e).step()).isEqualTo(1L);
        }
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> HeavyTailedStep.builder().build()).hasMessageContaining("eta must be in (0, inf)");
        assertThatThrownBy(() -> HeavyTailedStep.builder().setLearningRate(0.1).optClip(0).build())
                .hasMessageContaining("clip must");
        assertThatThrownBy(() -> HeavyTailedStep.builder().setLearningRate(0.1).optNoise(-1, 0.5).build())
                .hasMessageContaining("alpha must");
        assertThatThrownBy(() -> HeavyTailedStep.builder().setLearningRate(0.1).optMomentum(1).build())
                .hasMessageContaining("momentum must");
        assertThatThrownBy(() -> cfg(Method.OUR2, 5, 10, Double.POSITIVE_INFINITY))
                .hasMessageContaining("noiseOff must be in [0, `iterations` = 4]");
        assertThat(HeavyTailedStep.builder().setLearningRate(0.1).optLrSchedule(10, 0.5).build().learningRate(25))
                .isEqualTo(0.025);
    }
}
