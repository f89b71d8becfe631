package dev.htsgd.dl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * A self-check of the engine's float32 convolutions, run once per process before the first training step.
 *
 * <p>Why: on some CPUs PyTorch's float32 convolution backend (oneDNN) returns wrong, run-to-run varying results,
 * NaN included, when a convolution's channel count is not a multiple of its SIMD block (seen on an AMD Zen 5 CPU in
 * a virtual machine, PyTorch 2.7.1: relative error 0.1-0.7 in the gradient of a 10-channel convolution's input; LeNet
 * has such layers). Training on such a machine produces numbers that look like results and are not. The check runs
 * one small 10-channel convolution, forward and backward, in float32 and in float64 (where PyTorch uses its own
 * im2col/GEMM kernels) and refuses to go on when they disagree beyond float32 rounding. Setting
 * {@code ONEDNN_MAX_CPU_ISA=SSE41} before the process starts (the {@code htsgd} launcher and the tests do) gives
 * correct float32 kernels there.
 */
public final class ConvolutionCheck {

    /** Largest relative error of float32 against float64 accepted: float32 rounding is about 1e-7 here. */
    static final double TOLERANCE = 1e-4;

    private static volatile Double verified;

    private ConvolutionCheck() {
    }

    /** {@link #verify(NDManager)} on a manager of its own (PyTorch engine). */
    public static double verify() {
        if (verified != null) {
            return verified;
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            return verify(m);
        }
    }

    /**
     * Runs the check once (later calls return at once) and returns the measured relative error.
     *
     * @throws IllegalStateException when float32 convolutions are wrong on this machine, saying how to fix it
     */
    public static synchronized double verify(NDManager manager) {
        if (verified != null) {
            return verified;
        }
        double[][] ref = run(manager, DataType.FLOAT64);
        double worst = 0;
        // twice: the wrong kernels are not even repeatable, and one lucky run must not pass
        for (int rep = 0; rep < 2; rep++) {
            double[][] f = run(manager, DataType.FLOAT32);
            for (int i = 0; i < ref.length; i++) {
                worst = Math.max(worst, relativeError(f[i], ref[i]));
            }
        }
        if (!(worst <= TOLERANCE)) {
            String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
            throw new IllegalStateException("the PyTorch engine's float32 convolutions are wrong on this CPU (relative "
                    + "error " + String.format(java.util.Locale.ROOT, "%.3g", worst) + " against float64 on a 10-channel "
                    + "test convolution" + (isa == null ? "" : ", ONEDNN_MAX_CPU_ISA=" + isa) + "); training would give "
                    + "wrong numbers: start the process with ONEDNN_MAX_CPU_ISA=SSE41 (the htsgd launcher does unless it is set)");
        }
        verified = worst;
        return worst;
    }

    private static double[][] run(NDManager parent, DataType type) {
        try (NDManager m = parent.newSubManager()) {
            int n = 8;
            int channels = 10;
            int hw = 12;
            int k = 5;
            NDArray x = pattern(m, 1, new Shape(n, channels, hw, hw)).toType(type, false);
            NDArray w = pattern(m, 2, new Shape(channels, channels, k, k)).mul(0.2).toType(type, false);
            NDArray b = pattern(m, 3, new Shape(channels)).toType(type, false);
            NDArray r = pattern(m, 4, new Shape(n, channels, hw - k + 1, hw - k + 1)).toType(type, false);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            boolean mode = JniUtils.isGradMode();
            JniUtils.setGradMode(true);
            try {
                NDArray y = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).singletonOrThrow();
                NDArray loss = y.mul(r).sum();
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
                return new double[][] {doubles(y), doubles(x.getGradient()), doubles(w.getGradient())};
            } finally {
                JniUtils.setGradMode(mode);
            }
        }
    }

    /** Deterministic values in [-1, 1] without a random generator (the check must not touch any stream). */
    private static NDArray pattern(NDManager m, int salt, Shape shape) {
        float[] v = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(0.7 * i + 1.3 * salt);
        }
        return m.create(v, shape);
    }

    private static double[] doubles(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    static double relativeError(double[] a, double[] ref) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                return Double.POSITIVE_INFINITY;
            }
            num += (a[i] - ref[i]) * (a[i] - ref[i]);
            den += ref[i] * ref[i];
        }
        return Math.sqrt(num / den);
    }
}
