package dev.htsgd.dl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;

import java.util.List;

/**
 * The parameter update of truncated heavy-tailed SGD, theta &lt;- theta - phi_b(eta_k d), as a reusable DJL
 * component: call {@link #update} after a backward pass in any DJL training loop, instead of
 * {@code trainer.step()}. The gradient g is read from the parameters (so the heavy-tailed combination
 * g_SB + c W (g_SB* - g_LB) is best formed by one backward pass of the weighted loss, see
 * {@link LossWeights}); {@link #noiseMultiplier()} draws the c W of the step.
 *
 * <p>With weight decay lambda and momentum mu (both optional, 0 by default): d = g + lambda theta;
 * v &lt;- mu v + d (v = d at the first step, PyTorch's convention); u = eta_k v;
 * phi_b(u) = u min(1, b / ||u||) with ||.|| the global L2 norm over all parameters (the paper's truncation of
 * the update, symmetric, unlike DJL's element-wise {@code optClipGrad}). The step records the pre-clip norm
 * ||u|| and whether truncation fired. Optionally the weights are then clipped element-wise to [-L, L] (the
 * paper's SB+Noise). eta_k = eta gamma^floor(k / every) (step schedule; constant by default).
 *
 * <p>{@link #update} zeroes the gradients after use (PyTorch accumulates them), so the caller need not.
 *
 * <p>Build with {@link #builder()}: {@code set*} for required options, {@code opt*} for optional ones,
 * {@code build()} validates. Not thread-safe; holds momentum buffers, so use one instance per model.
 */
public final class HeavyTailedStep {
    private final double eta;
    private final double clip;
    private final ClipOn clipOn;
    private final double alpha;
    private final double c;
    private final ParetoType paretoType;
    private final double momentum;
    private final double weightDecay;
    private final int lrEvery;
    private final double lrGamma;
    private final double weightBound;
    private final boolean errorIfNonfinite;
    private final ai.djl.training.tracker.Tracker tracker;

    private NDArray[] velocity;
    private ParetoType.Sampler sampler;
    private double lastPreClipNorm = Double.NaN;
    private boolean lastTruncated;
    private long updates;
    private long truncations;

    private HeavyTailedStep(Builder b) {
        this.eta = b.eta;
        this.clip = b.clip;
        this.clipOn = b.clipOn;
        this.alpha = b.alpha;
        this.c = b.c;
        this.paretoType = b.paretoType;
        this.momentum = b.momentum;
        this.weightDecay = b.weightDecay;
        this.lrEvery = b.lrEvery;
        this.lrGamma = b.lrGamma;
        this.weightBound = b.weightBound;
        this.errorIfNonfinite = b.errorIfNonfinite;
        this.tracker = b.tracker;
        if (b.noiseSource != null) {
            setNoiseSource(b.noiseSource);
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return eta, the base learning rate */
    public double learningRate() {
        return eta;
    }

    /** @return eta_k at iteration k (0-based): the DJL {@code Tracker} when one was given, else the step schedule */
    public double learningRate(long k) {
        if (tracker != null) {
            return tracker.getNewValue((int) Math.min(k, Integer.MAX_VALUE));
        }
        return lrEvery <= 0 ? eta : eta * Math.pow(lrGamma, k / lrEvery);
    }

    /** @return b, the truncation threshold (infinite when off); what it bounds is {@link #clipOn()} */
    public double clip() {
        return clip;
    }

    /** @return what b bounds: the gradient (update truncated at eta_k b) or the update (at b) */
    public ClipOn clipOn() {
        return clipOn;
    }

    /** @return whether heavy-tailed noise is configured */
    public boolean noisy() {
        return c > 0;
    }

    /**
     * Connects the stream the Pareto multipliers W are drawn from (or give it to the builder,
     * {@link Builder#optNoiseSource}); needed before {@link #noiseMultiplier()} when the step has noise.
     */
    public void setNoiseSource(org.apache.commons.rng.UniformRandomProvider rng) {
        this.sampler = c > 0 ? paretoType.sampler(rng, alpha) : null;
    }

    /** Draws c W for the next step (0 when the step has no noise). */
    public double noiseMultiplier() {
        if (c == 0) {
            return 0;
        }
        if (sampler == null) {
            throw new IllegalStateException("the step has noise (c = " + c + ") but no generator of W: give one with "
                    + "builder().optNoiseSource(rng) or setNoiseSource(rng)");
        }
        return c * sampler.sample();
    }

    /**
     * Applies the update at the step's own iteration count k = {@link #updates()} (for the learning-rate schedule):
     * what a DJL loop calls instead of {@code trainer.step()}.
     *
     * @param params   the trainable parameters (their gradients hold g)
     * @param truncate whether the truncation applies (false in the noise-free phase)
     * @return the pre-clip norm ||u||
     */
    public double update(List<Parameter> params, boolean truncate) {
        return update(params, updates, truncate);
    }

    /**
     * Applies theta &lt;- theta - phi(eta_k d) to {@code params}, reading their gradients. With
     * {@code optErrorIfNonfinite} (the default) a non-finite pre-clip norm throws before any weight is written.
     *
     * @param params    the trainable parameters (their gradients hold g)
     * @param iteration k, for the learning-rate schedule
     * @param truncate  whether the truncation applies (false in the noise-free phase)
     * @return the pre-clip norm ||u||
     * @throws TrainingDivergedException when the norm is NaN or infinite and {@code optErrorIfNonfinite} is on
     */
    public double update(List<Parameter> params, long iteration, boolean truncate) {
        int n = params.size();
        if (velocity == null && momentum > 0) {
            velocity = new NDArray[n];
        }
        double lr = learningRate(iteration);
        NDManager sub = params.get(0).getArray().getManager().newSubManager();
        try {
            NDArray[] d = new NDArray[n];
            NDArray[] raw = new NDArray[n];
            for (int i = 0; i < n; i++) {
                NDArray w = params.get(i).getArray();
                NDArray g = w.getGradient();
                g.attach(sub);
                raw[i] = g;
                if (weightDecay > 0) {
                    NDArray t = w.mul(weightDecay);
                    t.attach(sub);
                    g = g.add(t);
                }
                if (momentum > 0) {
                    g = momentumDirection(i, w, g);
                }
                d[i] = g;
            }
            double norm = lr * GlobalNorm.of(d);
            lastPreClipNorm = norm;
            if (errorIfNonfinite && !Double.isFinite(norm)) {
                // nothing written yet: the weights are those before this step (momentum aside, see momentumDirection)
                throw new TrainingDivergedException("the pre-clip update norm became " + norm + " at step "
                        + (iteration + 1) + " (no weight was written)", iteration + 1);
            }
            // GRADIENT: ||d|| <= b, i.e. the update at eta_k b with eta_k of this step; UPDATE: the update at b
            double bound = clipOn.updateBound(clip, lr);
            lastTruncated = truncate && norm > bound;
            double scale = lastTruncated ? bound / norm : 1.0;
            for (int i = 0; i < n; i++) {
                NDArray w = params.get(i).getArray();
                w.subi(d[i].mul(lr * scale));
                raw[i].subi(raw[i]); // zero the gradient for the next backward pass
                if (weightBound < Double.POSITIVE_INFINITY) {
                    NDArray clipped = w.clip(-weightBound, weightBound);
                    clipped.attach(sub);
                    w.set(clipped.toFloatArray());
                }
            }
            updates++;
            if (lastTruncated) {
                truncations++;
            }
            return norm;
        } finally {
            sub.close();
        }
    }

    private NDArray momentumDirection(int i, NDArray w, NDArray g) {
        if (velocity[i] == null) {
            velocity[i] = g.duplicate();
            velocity[i].attach(w.getManager());
        } else {
            velocity[i].muli(momentum).addi(g);
        }
        return velocity[i];
    }

    /** @return ||u|| of the last update (before truncation) */
    public double lastPreClipNorm() {
        return lastPreClipNorm;
    }

    /** @return whether the last update was truncated */
    public boolean lastTruncated() {
        return lastTruncated;
    }

    /** @return updates applied */
    public long updates() {
        return updates;
    }

    /** @return updates truncated */
    public long truncations() {
        return truncations;
    }

    /** Momentum buffers as float arrays (null entries before the first step, or all null without momentum). */
    public float[][] velocityState(int parameterCount) {
        float[][] v = new float[parameterCount][];
        if (velocity != null) {
            for (int i = 0; i < parameterCount; i++) {
                v[i] = velocity[i] == null ? null : velocity[i].toFloatArray();
            }
        }
        return v;
    }

    /** Restores momentum buffers and counters (checkpoint resume). */
    public void restore(List<Parameter> params, float[][] v, long updates, long truncations) {
        this.updates = updates;
        this.truncations = truncations;
        if (momentum > 0 && v != null) {
            velocity = new NDArray[params.size()];
            for (int i = 0; i < params.size(); i++) {
                if (v[i] != null) {
                    NDArray w = params.get(i).getArray();
                    velocity[i] = dev.htsgd.dl.data.ImageSet.owned(w.getManager().create(v[i], w.getShape()));
                }
            }
        }
    }

    /** Builder: {@code set*} required, {@code opt*} optional ({@link UpdateSettings}), {@link #build()} validates. */
    public static final class Builder extends UpdateSettings<Builder> {
        private double eta = Double.NaN;
        private boolean errorIfNonfinite = true;
        private ai.djl.training.tracker.Tracker tracker;
        private org.apache.commons.rng.UniformRandomProvider noiseSource;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** eta, in (0, inf). */
        public Builder setLearningRate(double eta) {
            this.eta = eta;
            return this;
        }

        /**
         * Whether a NaN or infinite pre-clip norm throws {@link TrainingDivergedException} before any weight is
         * written (default true, like PyTorch's {@code clip_grad_norm_(..., error_if_nonfinite=True)}); false writes it.
         */
        public Builder optErrorIfNonfinite(boolean on) {
            this.errorIfNonfinite = on;
            return this;
        }

        /**
         * The learning rate eta_k as a DJL {@code Tracker} of the step's iteration (instead of eta and
         * {@code optLrSchedule}); eta is then the tracker's value at step 0.
         */
        public Builder optLearningRateTracker(ai.djl.training.tracker.Tracker t) {
            this.tracker = t;
            if (t != null) {
                this.eta = t.getNewValue(0);
            }
            return this;
        }

        /** The generator the Pareto multipliers W are drawn from (needed when the step has noise). */
        public Builder optNoiseSource(org.apache.commons.rng.UniformRandomProvider rng) {
            this.noiseSource = rng;
            return this;
        }

        /** Validates and builds. */
        public HeavyTailedStep build() {
            validate(eta);
            return new HeavyTailedStep(this);
        }
    }
}
