package dev.htsgd.dl.train;

import dev.htsgd.check.Require;

/**
 * The optional settings of the update theta &lt;- theta - phi_b(eta_k d) (paper notes, section 6), shared by the
 * builders of {@link HeavyTailedStep} (the update alone) and {@link TrainConfig} (a whole run): b, the noise
 * c W with W ~ Pareto(alpha), momentum, weight decay, the step schedule of eta_k and the weight bound. The
 * {@code opt*} methods return the concrete builder, in DJL's style.
 *
 * @param <B> the concrete builder
 */
public abstract class UpdateSettings<B extends UpdateSettings<B>> {
    double clip = Double.POSITIVE_INFINITY;
    ClipOn clipOn = ClipOn.GRADIENT;
    double alpha = Double.NaN;
    double c;
    ParetoType paretoType = ParetoType.TYPE_I;
    double momentum;
    double weightDecay;
    int lrEvery;
    double lrGamma = 1;
    double weightBound = Double.POSITIVE_INFINITY;

    UpdateSettings() {
    }

    /** @return this builder as its concrete type */
    protected abstract B self();

    /** b, the truncation threshold of the update, in (0, inf]. */
    public B optClip(double b) {
        this.clip = b;
        return self();
    }

    /**
     * What b bounds (default {@link ClipOn#GRADIENT}, Table 1's "gradient clipping threshold": the update is
     * truncated at eta_k b, eta_k of the schedule at each step); {@link ClipOn#UPDATE} truncates it at b.
     */
    public B optClipOn(ClipOn on) {
        this.clipOn = on;
        return self();
    }

    /** Heavy-tailed noise c W with W ~ Pareto(alpha): alpha in (0, inf), c in [0, inf). */
    public B optNoise(double alpha, double c) {
        this.alpha = alpha;
        this.c = c;
        return self();
    }

    /** The Pareto law of W (default {@link ParetoType#TYPE_I}). */
    public B optParetoType(ParetoType type) {
        this.paretoType = type;
        return self();
    }

    /** mu in [0, 1). */
    public B optMomentum(double mu) {
        this.momentum = mu;
        return self();
    }

    /** lambda in [0, inf). */
    public B optWeightDecay(double lambda) {
        this.weightDecay = lambda;
        return self();
    }

    /** Step schedule eta_k = eta gamma^floor(k / every); every &gt;= 1, gamma in (0, 1]; every 0 = constant eta. */
    public B optLrSchedule(int every, double gamma) {
        this.lrEvery = every;
        this.lrGamma = gamma;
        return self();
    }

    /** Clip each weight to [-L, L] after the update (the paper's SB+Noise uses L = 1); L in (0, inf]. */
    public B optWeightBound(double l) {
        this.weightBound = l;
        return self();
    }

    /** Checks every setting of the update with learning rate {@code eta}, naming the parameter. */
    void validate(double eta) {
        Require.positive("eta", eta);
        Require.positiveOrInfinite("clip", clip);
        if (clipOn == null) {
            throw Require.fail("clipOn", "must be one of gradient, update, got nothing");
        }
        Require.nonNegative("c", c);
        if (c > 0) {
            Require.positive("alpha", alpha);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw Require.fail("momentum", "must be in [0, 1), got " + momentum);
        }
        Require.nonNegative("weightDecay", weightDecay);
        if (lrEvery < 0 || (lrEvery > 0 && !(lrGamma > 0 && lrGamma <= 1))) {
            throw Require.fail("lrStep", "must be >= 1 with `lrGamma` in (0, 1], got " + lrEvery + ", " + lrGamma);
        }
        Require.positiveOrInfinite("weightBound", weightBound);
        if (paretoType == null) {
            throw Require.fail("pareto", "must be type1 or lomax, got nothing");
        }
    }
}
