package dev.htsgd.dl.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The two-phase loop of a {@link Method} on a plain DJL {@link Trainer} (its loss a {@link HeavyTailedLoss}):
 * each step combines the drawn batches ({@link HeavyTailedBatches}), runs {@code EasyTrain.trainBatch} (one
 * forward and backward pass; the trainer's {@code TrainingListener}s see every step, so metrics, logging and
 * checkpoint listeners work) and applies the {@link HeavyTailedStep} instead of {@code trainer.step()}; the last
 * {@code noiseOff} iterations of the noisy methods are plain large-batch steps, each phase ends with
 * {@code onEpoch}. Returns the history of the steps.
 */
public final class HeavyTailedFit {

    /** One step of the history: its phase, eta_k, the pre-clip norm of the update and whether it was truncated. */
    public record Step(long iteration, LossWeights.Phase phase, double learningRate, double preClipNorm, boolean truncated) {
    }

    /** The steps of a fit, in order. */
    public record History(List<Step> steps) {
        /** @return the fraction of truncated steps */
        public double truncatedFraction() {
            return steps.isEmpty() ? 0 : steps.stream().filter(Step::truncated).count() / (double) steps.size();
        }
    }

    private HeavyTailedFit() {
    }

    /**
     * Trains {@code iterations} steps of {@code method}.
     *
     * @param trainer    a DJL trainer whose loss is a {@link HeavyTailedLoss}, initialised
     * @param step       the update (its noise generator given when the method is noisy)
     * @param method     which batches a step combines ({@link Method})
     * @param iterations K, &gt;= 1
     * @param noiseOff   K_off, the final iterations without noise (noisy methods), in [0, K]
     * @param small      draws a small batch (class-index labels); null only for LB
     * @param large      draws a large batch; null only for SB and SB+Clip
     * @param classes    the number of classes
     */
    public static History fit(Trainer trainer, HeavyTailedStep step, Method method, int iterations, int noiseOff,
            Supplier<Batch> small, Supplier<Batch> large, int classes) {
        dev.htsgd.check.Require.positive("iterations", iterations);
        if (noiseOff < 0 || noiseOff > iterations) {
            throw dev.htsgd.check.Require.fail("noiseOff", "must be in [0, `iterations` = " + iterations + "], got " + noiseOff);
        }
        if (!(trainer.getLoss() instanceof HeavyTailedLoss)) {
            throw dev.htsgd.check.Require.fail("trainer", "its loss must be a HeavyTailedLoss, got " + trainer.getLoss().getName());
        }
        if (method.usesSmallBatch() && small == null || method.usesLargeBatch() && large == null) {
            throw dev.htsgd.check.Require.fail(small == null ? "small" : "large", "method " + method.cliName() + " needs it, got null");
        }
        HeavyTailedBatches combiner = new HeavyTailedBatches(classes);
        List<Parameter> params = new ArrayList<>();
        trainer.getModel().getBlock().getParameters().values().forEach(p -> {
            if (p.requiresGradient()) {
                params.add(p);
            }
        });
        long noiseFreeFrom = method.noisy() ? iterations - noiseOff : iterations;
        List<Step> history = new ArrayList<>(iterations);
        LossWeights.Phase previous = null;
        for (long k = 0; k < iterations; k++) {
            LossWeights.Phase phase = LossWeights.Phase.of(method, k, noiseFreeFrom);
            if (previous != null && phase != previous) {
                trainer.notifyListeners(l -> l.onEpoch(trainer));
            }
            previous = phase;
            double cw = phase.noisy() ? step.noiseMultiplier() : 0;
            Batch sb = phase == LossWeights.Phase.LARGE ? null : small.get();
            Batch star = phase == LossWeights.Phase.NOISY_INDEPENDENT ? small.get() : null;
            Batch lb = phase == LossWeights.Phase.SMALL ? null : large.get();
            try (NDManager m = trainer.getManager().newSubManager()) {
                Batch combined = combiner.combine(m, sb, star, lb, cw);
                EasyTrain.trainBatch(trainer, combined);
                boolean truncate = method.truncated() && phase != LossWeights.Phase.LARGE;
                double lr = step.learningRate(step.updates());
                double norm = step.update(params, truncate);
                history.add(new Step(k, phase, lr, norm, step.lastTruncated()));
            } finally {
                for (Batch b : new Batch[] {sb, star, lb}) {
                    if (b != null) {
                        b.close();
                    }
                }
            }
        }
        trainer.notifyListeners(l -> l.onEpoch(trainer));
        return new History(Collections.unmodifiableList(history));
    }
}
