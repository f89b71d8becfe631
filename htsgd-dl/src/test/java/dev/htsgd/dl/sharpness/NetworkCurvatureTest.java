package dev.htsgd.dl.sharpness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Curvature of small DJL networks (a tanh MLP and a conv / maxpool / ReLU net, in float64) against their exact
 * Hessians: assembled column by column from exact (double back-propagation) products and checked against central
 * differences of gradients.
 */
class NetworkCurvatureTest {

    static NDManager manager;

    @BeforeAll
    static void open() {
        manager = NDManager.newBaseManager();
        // these networks are tiny: one engine thread is fastest, and avoids OpenMP spinning on a busy machine
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    @AfterAll
    static void close() {
        manager.close();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(Runtime.getRuntime().availableProcessors());
    }

    static NetworkLoss mlpLoss(DataType type) {
        Block b = TinyNets.mlp(manager, type);
        return NetworkLoss.of(b, TinyNets.features(manager, 1, 30, 4), TinyNets.labels(manager, 2, 30, 3), 7);
    }

    static NetworkLoss convLoss(DataType type) {
        Block b = TinyNets.convnet(manager, type);
        return NetworkLoss.of(b, TinyNets.features(manager, 3, 40, 1, 6, 6), TinyNets.labels(manager, 4, 40, 3), 16);
    }

    static double[] eigenvaluesDescending(DMatrixRMaj h) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(h.numRows, false, true);
        assertThat(eig.decompose(h.copy())).isTrue();
        double[] v = new double[h.numRows];
        for (int i = 0; i < v.length; i++) {
            v[i] = eig.getEigenvalue(i).real;
        }
        return QuadraticCurvatureTest.sortedDescending(v);
    }

    static double maxAbsDiff(DMatrixRMaj a, DMatrixRMaj b) {
        double m = 0;
        for (int i = 0; i < a.data.length; i++) {
            m = Math.max(m, Math.abs(a.data[i] - b.data[i]));
        }
        return m;
    }

    static double maxAbs(DMatrixRMaj a) {
        return Arrays.stream(a.data).map(Math::abs).max().orElse(0);
    }

    @Test
    void exactHessianIsSymmetricAndMatchesFiniteDifferences() {
        for (NetworkLoss f : new NetworkLoss[] {mlpLoss(DataType.FLOAT64), convLoss(DataType.FLOAT64)}) {
            try (f) {
                double[] theta = f.parameters();
                DMatrixRMaj exact = HessianOperator.of(f, theta, HvpMethod.EXACT).toMatrix();
                DMatrixRMaj fd = HessianOperator.of(f, theta, HvpMethod.FINITE_DIFFERENCE).toMatrix();
                double scale = maxAbs(exact);
                // double precision central differences: error about eps^(2/3) ~ 1e-11 relative (FiniteDifferenceHvp)
                assertThat(maxAbsDiff(exact, fd)).isLessThan(1e-8 * scale);
                DMatrixRMaj t = exact.copy();
                org.ejml.dense.row.CommonOps_DDRM.transpose(t);
                assertThat(maxAbsDiff(exact, t)).isLessThan(1e-12 * scale);
            }
        }
    }

    @Test
    void topEigenvaluesTraceAndDensityMatchTheExactHessian() {
        for (NetworkLoss f : new NetworkLoss[] {mlpLoss(DataType.FLOAT64), convLoss(DataType.FLOAT64)}) {
            try (f) {
                int d = f.dimension();
                double[] theta = f.parameters();
                HessianOperator h = HessianOperator.of(f, theta, HvpMethod.EXACT);
                DMatrixRMaj dense = h.toMatrix();
                double[] lambda = eigenvaluesDescending(dense);
                var top = HessianSpectrum.top(h, 3, HessianSpectrum.Options.defaults(5));
                for (int i = 0; i < 3; i++) {
                    assertThat(top.values()[i]).isCloseTo(lambda[i], within(1e-3 * Math.abs(lambda[i])));
                }
                double trace = Arrays.stream(lambda).sum();
                assertThat(HessianTrace.exact(h).trace()).isCloseTo(trace, within(1e-3 * Math.abs(trace)));
                var hutch = HessianTrace.hutchinson(h, 50, 0.999, 6);
                assertThat(trace).isBetween(hutch.ciLow(), hutch.ciHigh());
                SpectralDensity density = HessianSpectrum.density(h, 2, d, 7);
                assertThat(density.mass()).isCloseTo(d, within(1e-9 * d));
                assertThat(density.max()).isCloseTo(lambda[0], within(1e-6 * Math.abs(lambda[0])));
                // per layer: each block's top eigenvalue and trace against the dense block
                var layers = HessianSpectrum.perLayer(h, f.layout(), HessianSpectrum.Options.defaults(8), 1000);
                assertThat(layers).hasSize(f.layout().layers().size());
                for (var lc : layers) {
                    var layer = f.layout().layers().stream().filter(l -> l.name().equals(lc.layer())).findFirst().orElseThrow();
                    DMatrixRMaj blk = new DMatrixRMaj(layer.size(), layer.size());
                    org.ejml.dense.row.CommonOps_DDRM.extract(dense, layer.offset(), layer.offset() + layer.size(),
                            layer.offset(), layer.offset() + layer.size(), blk, 0, 0);
                    double[] mu = eigenvaluesDescending(blk);
                    assertThat(lc.top().top()).isCloseTo(mu[0], within(1e-3 * Math.abs(mu[0]) + 1e-12));
                    double tr = Arrays.stream(mu).sum();
                    assertThat(lc.trace().trace()).isCloseTo(tr, within(1e-9 * Math.max(1, Math.abs(tr))));
                }
            }
        }
    }

    @Test
    void aDjlSoftmaxCrossEntropyLossIsTheBuiltInLoss() {
        Block b = TinyNets.mlp(manager, DataType.FLOAT64);
        NDArray x = TinyNets.features(manager, 1, 30, 4);
        NDArray y = TinyNets.labels(manager, 2, 30, 3);
        try (NetworkLoss builtIn = NetworkLoss.of(b, x, y, 7);
             NetworkLoss djl = NetworkLoss.builder(b, x, y).optLoss(ai.djl.training.loss.Loss.softmaxCrossEntropyLoss())
                     .optBatchSize(7).build()) {
            double[] theta = builtIn.parameters();
            double[] v = new SplittableRandom(3).doubles(theta.length, -1, 1).toArray();
            double[] g1 = new double[theta.length];
            double[] g2 = new double[theta.length];
            double[] h1 = new double[theta.length];
            double[] h2 = new double[theta.length];
            double f1 = builtIn.valueAndGradient(theta, g1);
            double f2 = djl.valueAndGradient(theta, g2);
            builtIn.hessianVector(theta, v, h1);
            djl.hessianVector(theta, v, h2);
            // the same mean in float64, summed in another order: round-off only
            assertThat(f2).isCloseTo(f1, within(1e-13 * Math.abs(f1)));
            for (int i = 0; i < theta.length; i++) {
                assertThat(g2[i]).isCloseTo(g1[i], within(1e-12));
                assertThat(h2[i]).isCloseTo(h1[i], within(1e-12));
            }
        }
    }

    @Test
    void anyDjlLossIsTheMeanOverAllExamplesWithExactCurvature() {
        Block b = TinyNets.mlp(manager, DataType.FLOAT64);
        NDArray x = TinyNets.features(manager, 1, 30, 4);
        NDArray targets = TinyNets.features(manager, 9, 30, 3).toType(DataType.FLOAT64, false); // regression targets
        ai.djl.training.loss.Loss l2 = ai.djl.training.loss.Loss.l2Loss();
        try (NetworkLoss chunked = NetworkLoss.builder(b, x, targets).optLoss(l2).optBatchSize(7).build();
             NetworkLoss whole = NetworkLoss.builder(b, x, targets).optLoss(l2).optBatchSize(30).build()) {
            double[] theta = chunked.parameters();
            // chunks of 7, 7, 7, 7, 2 weighted by their share of N: the mean over all 30, as one evaluate gives
            assertThat(chunked.value(theta)).isCloseTo(whole.value(theta), within(1e-14));
            double direct;
            try (NDManager m = manager.newSubManager()) {
                NDArray pred = b.forward(new ai.djl.training.ParameterStore(m, false), new ai.djl.ndarray.NDList(x.toType(DataType.FLOAT64, false)), false)
                        .singletonOrThrow();
                direct = l2.evaluate(new ai.djl.ndarray.NDList(targets), new ai.djl.ndarray.NDList(pred)).getDouble();
            }
            assertThat(chunked.value(theta)).isCloseTo(direct, within(1e-14));
            DMatrixRMaj exact = HessianOperator.of(chunked, theta, HvpMethod.EXACT).toMatrix();
            DMatrixRMaj fd = HessianOperator.of(chunked, theta, HvpMethod.FINITE_DIFFERENCE).toMatrix();
            assertThat(maxAbsDiff(exact, fd)).isLessThan(1e-8 * maxAbs(exact));
        }
    }

    @Test
    void hessianTopInOneCallAsPyHessianDoes() {
        Block b = TinyNets.mlp(manager, DataType.FLOAT64);
        NDArray x = TinyNets.features(manager, 1, 30, 4);
        NDArray y = TinyNets.labels(manager, 2, 30, 3);
        double[] lambda;
        try (NetworkLoss f = NetworkLoss.of(b, x, y)) {
            lambda = eigenvaluesDescending(HessianOperator.of(f, f.parameters(), HvpMethod.EXACT).toMatrix());
        }
        var top = Sharpness.hessianTop(b, ai.djl.training.loss.Loss.softmaxCrossEntropyLoss(), new ai.djl.ndarray.NDList(x, y), 2);
        assertThat(top.values()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(top.values()[i]).isCloseTo(lambda[i], within(1e-3 * Math.abs(lambda[i])));
        }
        assertThatThrownBy(() -> Sharpness.hessianTop(b, ai.djl.training.loss.Loss.l2Loss(), new ai.djl.ndarray.NDList(x), 1))
                .hasMessageContaining("data must hold the inputs and the labels");
    }

    @Test
    void productsAreRepeatableAcrossGarbageCollections() {
        // regression: tensors aliasing Java buffers that the collector frees while the autograd graph still reads
        // them gave garbage gradients (see NetworkLoss); repeated products must agree bit for bit
        try (NetworkLoss f = convLoss(DataType.FLOAT64)) {
            double[] theta = f.parameters();
            int d = theta.length;
            double[] v = new double[d];
            v[5] = 1;
            double[] hv0 = new double[d];
            double[] g0 = new double[d];
            f.hessianVector(theta, v, hv0);
            f.valueAndGradient(theta, g0);
            for (int k = 0; k < 10; k++) {
                System.gc();
                double[] hv = new double[d];
                double[] g = new double[d];
                f.hessianVector(theta, v, hv);
                f.valueAndGradient(theta, g);
                assertThat(hv).containsExactly(hv0);
                assertThat(g).containsExactly(g0);
            }
        }
    }

    @Test
    void singlePrecisionProductsAgreeWithDoublePrecision() {
        try (NetworkLoss f32 = convLoss(DataType.FLOAT32); NetworkLoss f64 = convLoss(DataType.FLOAT64)) {
            double[] theta = f64.parameters();
            int d = theta.length;
            double[] v = gaussian(d, 9);
            double[] a = new double[d];
            double[] b = new double[d];
            f64.hessianVector(theta, v, a);
            f32.hessianVector(theta, v, b);
            assertThat(relativeError(b, a)).isLessThan(1e-4);
            assertThat(f32.value(theta)).isCloseTo(f64.value(theta), within(1e-5));
        }
    }

    @Test
    void aFloat32ConvNetMatchesItsFloat64TwinAndRepeats() {
        // regression: a float32 network ran on PyTorch's float32 CPU convolution (oneDNN), whose input gradient is
        // wrong, varies from run to run and can be NaN on some machines (AMD Zen 5 in a VM) when a convolution
        // has 10 output channels; Lanczos then failed in EJML with a size m that changed between runs. The tests
        // run with ONEDNN_MAX_CPU_ISA=SSE41 (root pom), where the kernels are right (relative error 0.17 without it
        // on that machine; float32 rounding, about 1e-6 here, with it), and ConvolutionCheck refuses otherwise
        NDArray x = TinyNets.features(manager, 5, 40, 1, 8, 8);
        NDArray y = TinyNets.labels(manager, 6, 40, 3);
        try (NetworkLoss f32 = NetworkLoss.of(TinyNets.twoConvs(manager, DataType.FLOAT32), x, y, 16);
             NetworkLoss f64 = NetworkLoss.of(TinyNets.twoConvs(manager, DataType.FLOAT64), x, y, 16)) {
            double[] theta = f32.parameters();
            int d = theta.length;
            double[] v = gaussian(d, 10);
            double[] g64 = new double[d];
            double[] hv64 = new double[d];
            f64.valueAndGradient(theta, g64);
            f64.hessianVector(theta, v, hv64);
            double[] g0 = null;
            double[] hv0 = null;
            for (int k = 0; k < 4; k++) {
                double[] g = new double[d];
                double[] hv = new double[d];
                f32.valueAndGradient(theta, g);
                f32.hessianVector(theta, v, hv);
                // at the same theta the float32 model's derivatives are the float64 model's, to float32 rounding
                assertThat(relativeError(g, g64)).isLessThan(1e-4);
                assertThat(relativeError(hv, hv64)).isLessThan(1e-4);
                if (g0 == null) {
                    g0 = g;
                    hv0 = hv;
                } else {
                    assertThat(g).containsExactly(g0);
                    assertThat(hv).containsExactly(hv0);
                }
            }
            assertThat(f32.value(theta)).isCloseTo(f64.value(theta), within(1e-5));
            assertThat(f32.unitRoundoff()).isEqualTo(0x1p-24);
            var top = HessianSpectrum.top(HessianOperator.of(f32, theta, HvpMethod.EXACT), 1, HessianSpectrum.Options.defaults(1));
            var again = HessianSpectrum.top(HessianOperator.of(f32, theta, HvpMethod.EXACT), 1, HessianSpectrum.Options.defaults(1));
            assertThat(again.values()).containsExactly(top.values());
            assertThat(again.products()).isEqualTo(top.products());
        }
    }

    /** d standard normal entries from a SplittableRandom seeded with {@code seed}: a direction v for H v. */
    static double[] gaussian(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    static double relativeError(double[] a, double[] ref) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - ref[i]) * (a[i] - ref[i]);
            norm += ref[i] * ref[i];
        }
        return Double.isNaN(diff) ? Double.POSITIVE_INFINITY : Math.sqrt(diff / norm);
    }

    @Test
    void expectedSharpnessIsSmallAndCloseToHalfDeltaSquaredTraceForTinyDelta() {
        try (NetworkLoss f = mlpLoss(DataType.FLOAT64)) {
            double[] theta = f.parameters();
            double tr = HessianTrace.exact(HessianOperator.of(f, theta, HvpMethod.EXACT)).trace();
            double[] g = new double[theta.length];
            f.valueAndGradient(theta, g);
            double gnorm = Math.sqrt(Arrays.stream(g).map(x -> x * x).sum());
            var res = ExpectedSharpness.of(1e-3, 400, 10).estimate(f, theta);
            // E[L(theta + v) - L(theta)] = delta^2 tr(H)/2 + O(delta^4); each draw's signed change has standard
            // deviation about delta |grad L| (the linear term), so allow 5 of its standard errors
            assertThat(res.meanChange()).isCloseTo(0.5 * 1e-6 * tr, within(5 * 1e-3 * gnorm / Math.sqrt(400)));
            assertThat(res.value()).isGreaterThan(0);
            assertThat(res.baseLoss()).isCloseTo(f.value(theta), within(1e-15));
        }
    }

    @Test
    void theModelIsNotChangedAndBadInputIsNamed() {
        Block b = TinyNets.mlp(manager, DataType.FLOAT32);
        float[] before = b.getParameters().get(0).getValue().getArray().toFloatArray();
        NDArray x = TinyNets.features(manager, 1, 30, 4);
        try (NetworkLoss f = NetworkLoss.of(b, x, TinyNets.labels(manager, 2, 30, 3))) {
            double[] theta = f.parameters();
            double[] v = theta.clone();
            double[] out = new double[theta.length];
            for (int i = 0; i < v.length; i++) {
                v[i] += 0.5;
            }
            f.value(v);
            f.valueAndGradient(v, out);
            f.hessianVector(v, v, out);
        }
        assertThat(b.getParameters().get(0).getValue().getArray().toFloatArray()).containsExactly(before);

        assertThatThrownBy(() -> NetworkLoss.of(b, x, TinyNets.labels(manager, 2, 29, 3)))
                .hasMessageContaining("dataset: labels must be a vector of 30 entries");
        assertThatThrownBy(() -> NetworkLoss.of(b, x, TinyNets.labels(manager, 2, 30, 7)))
                .hasMessageContaining("outside [0, 3)");
        assertThatThrownBy(() -> NetworkLoss.of(b, TinyNets.features(manager, 1, 30, 5), TinyNets.labels(manager, 2, 30, 3)))
                .hasMessageContaining("dataset: examples of shape (5) do not fit the model");
        NDArray w = b.getParameters().get(0).getValue().getArray();
        float[] bad = w.toFloatArray();
        bad[3] = Float.NaN;
        w.set(bad);
        assertThatThrownBy(() -> NetworkLoss.of(b, x, TinyNets.labels(manager, 2, 30, 3)))
                .hasMessageContaining("weights: parameter " + b.getParameters().get(0).getKey() + " has a non-finite value");
    }
}
