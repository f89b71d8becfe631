package dev.htsgd.dl.sharpness;

import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Network;

/**
 * One-call curvature measures of a trained {@link Network} on its training set, for {@code htsgd train} and
 * {@code htsgd sharpness} (results.json keys {@code expected_sharpness}, {@code hessian_top}, {@code hessian_trace},
 * {@code trace_ci}). Each call builds a {@link NetworkLoss} over all images of {@code data} (the paper's L: the mean
 * cross-entropy on the training subset, corrupted labels included), measures, and frees it; the network's weights
 * are not changed. Call from one thread, outside any open DJL {@code GradientCollector}.
 *
 * <p>Typical use at the end of a training run:
 *
 * <pre>{@code
 * ExpectedSharpness.Result s = Sharpness.expected(net, train, ExpectedSharpness.paper(seed));     // delta 0.01, 100 draws
 * HessianSpectrum.TopEigenvalues top = Sharpness.hessianTop(net, train, 1, HessianSpectrum.Options.defaults(seed));
 * results.put("expected_sharpness", s.value());
 * results.put("expected_sharpness_stderr", s.standardError());
 * results.put("hessian_top", top.list());
 * }</pre>
 *
 * Cost on LeNet with 1,200 FashionMNIST images on 2 cores: expected sharpness about 101 forward passes; the top
 * eigenvalue a few dozen Hessian-vector products (each about two gradients).
 */
public final class Sharpness {

    private Sharpness() {
    }

    /** The paper's expected sharpness E|L(theta + v) - L(theta)|, v ~ N(0, delta^2 I), with its standard error. */
    public static ExpectedSharpness.Result expected(Network network, ImageSet data, ExpectedSharpness options) {
        try (NetworkLoss loss = NetworkLoss.of(network, data)) {
            return options.estimate(loss, loss.parameters());
        }
    }

    /** The k largest Hessian eigenvalues (exact Hessian-vector products, Lanczos). */
    public static HessianSpectrum.TopEigenvalues hessianTop(Network network, ImageSet data, int k, HessianSpectrum.Options options) {
        try (NetworkLoss loss = NetworkLoss.of(network, data)) {
            return HessianSpectrum.top(HessianOperator.of(loss, loss.parameters(), HvpMethod.EXACT), k, options);
        }
    }

    /**
     * The k largest eigenvalues of the Hessian of {@code loss} averaged over {@code data} at the block's current
     * weights, largest first: one call in the spirit of PyHessian's
     * {@code hessian(model, criterion, data=(inputs, targets)).eigenvalues(top_n=k)}. Exact Hessian-vector products
     * (double back-propagation), Lanczos with {@link HessianSpectrum.Options#defaults} (seed 0).
     *
     * @param block an initialized model on the PyTorch engine
     * @param loss any DJL loss of (labels, predictions), e.g. {@code Loss.softmaxCrossEntropyLoss()}
     * @param data the inputs and the labels, first axis N each
     * @param k how many eigenvalues, at least 1
     */
    public static HessianSpectrum.TopEigenvalues hessianTop(ai.djl.nn.Block block, ai.djl.training.loss.Loss loss,
            ai.djl.ndarray.NDList data, int k) {
        if (data.size() != 2) {
            throw new IllegalArgumentException("data must hold the inputs and the labels, got " + data.size() + " array(s)");
        }
        try (NetworkLoss l = NetworkLoss.builder(block, data.get(0), data.get(1)).optLoss(loss).build()) {
            return HessianSpectrum.top(HessianOperator.of(l, l.parameters(), HvpMethod.EXACT), k, HessianSpectrum.Options.defaults(0));
        }
    }

    /** Hutchinson's estimate of the Hessian trace with a {@code confidence} interval. */
    public static HessianTrace.Estimate hessianTrace(Network network, ImageSet data, int samples, double confidence, long seed) {
        try (NetworkLoss loss = NetworkLoss.of(network, data)) {
            return HessianTrace.hutchinson(HessianOperator.of(loss, loss.parameters(), HvpMethod.EXACT), samples, confidence, seed);
        }
    }
}
