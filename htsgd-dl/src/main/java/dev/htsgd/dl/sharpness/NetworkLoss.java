package dev.htsgd.dl.sharpness;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The training loss L(theta) of a DJL network on a labelled data set: the mean softmax cross-entropy over all N
 * examples (or the mean of any DJL {@link Loss}, {@link #builder}), as a function of the flat vector theta of all the model's parameters (layout:
 * {@link ParameterLayout}). Gradients come from back-propagation; Hessian-vector products H(theta) v are exact, by
 * double back-propagation through the PyTorch engine (Pearlmutter's trick): a first backward pass with
 * {@code create_graph} builds the graph of g = grad L, and a second backward pass of g . v gives H v.
 *
 * <p>The data are processed in chunks of {@code batchSize} examples (memory only: the result is the full-data
 * loss). The arithmetic is the block's data type: float32 as trained, or float64 after
 * {@code block.cast(DataType.FLOAT64)} (then {@link HvpMethod#FINITE_DIFFERENCE} is accurate to about 1e-11).
 * A float32 loss first runs {@link dev.htsgd.dl.model.ConvolutionCheck}: on some machines (an AMD Zen 5 CPU in a
 * virtual machine) PyTorch's float32 oneDNN convolutions give wrong, run-to-run varying results, NaN included,
 * for channel counts such as LeNet's 10, unless oneDNN is capped ({@code ONEDNN_MAX_CPU_ISA=SSE41}); the check
 * refuses to go on there. (Computing in float64 avoids oneDNN too, but PyTorch's float64 double back-propagation
 * through convolutions is over ten times slower: a reproduce grid went from minutes to over a quarter of an hour.)
 *
 * <p>Requires the PyTorch engine. Not thread-safe; it writes theta into the block's parameters and puts the
 * original weights back on {@link #close()}. It needs the engine's gradient mode, so do not call it inside an
 * open DJL {@code GradientCollector}.
 */
public final class NetworkLoss implements LossFunction, AutoCloseable {

    /** Default number of examples per forward pass. */
    public static final int DEFAULT_BATCH_SIZE = 2000;

    private final Block block;
    private final Parameter[] params;
    private final PtNDArray[] arrays;
    private final ParameterLayout layout;
    private final NDManager manager;
    /** The examples and their targets in chunks, and the loss of a chunk. */
    private final LossChunks chunks;
    private final int examples;
    private final int classes;
    /** The block's parameter type: how the examples are stored. */
    private final DataType storage;
    /** The type of all arithmetic: the block's (float32 as trained, or float64 after a cast). */
    private final DataType dtype;
    private final LeafStore store;
    private final double[] original;
    private NetworkLoss(Block block, NDArray features, NDArray labels, int batchSize, Loss criterion) {
        this.block = block;
        List<Parameter> params = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        DataType type = null;
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (!p.isInitialized()) {
                throw new IllegalArgumentException("model: parameter " + pair.getKey() + " is not initialized");
            }
            NDArray a = p.getArray();
            if (!(a instanceof PtNDArray)) {
                throw new IllegalArgumentException("model: parameter " + pair.getKey()
                        + " is not on the PyTorch engine (got " + a.getClass().getSimpleName() + ")");
            }
            if (type == null) {
                type = a.getDataType();
            } else if (a.getDataType() != type) {
                throw new IllegalArgumentException("model: parameters mix data types " + type + " and " + a.getDataType()
                        + " (" + pair.getKey() + ")");
            }
            params.add(p);
            names.add(pair.getKey());
            shapes.add(a.getShape().getShape());
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException("model: has no parameters");
        }
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("model: parameters must be float32 or float64, got " + type);
        }
        this.storage = type;
        this.dtype = type;
        if (type == DataType.FLOAT32) {
            // float32 convolutions are wrong on some CPUs unless oneDNN is capped: refuse rather than return garbage
            dev.htsgd.dl.model.ConvolutionCheck.verify();
        }
        this.layout = ParameterLayout.of(names, shapes);
        this.params = params.toArray(new Parameter[0]);
        this.arrays = new PtNDArray[params.size()];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = (PtNDArray) params.get(i).getArray();
        }
        this.original = readParameters();
        for (int i = 0; i < arrays.length; i++) {
            int off = layout.offsets()[i];
            for (int j = 0; j < layout.sizes()[i]; j++) {
                if (!Double.isFinite(original[off + j])) {
                    throw new IllegalArgumentException("weights: parameter " + names.get(i) + " has a non-finite value ("
                            + original[off + j] + ") at flat index " + j);
                }
            }
        }

        long n = features.getShape().get(0);
        if (criterion != null && (labels.getShape().dimension() == 0 || labels.getShape().get(0) != n)) {
            throw new IllegalArgumentException("dataset: labels must have first axis " + n + " (one entry per example), got shape "
                    + labels.getShape());
        }
        if (criterion == null && (labels.getShape().dimension() != 1 || labels.getShape().get(0) != n)) {
            throw new IllegalArgumentException("dataset: labels must be a vector of " + n + " entries (one per example), got shape "
                    + labels.getShape());
        }
        if (n == 0) {
            throw new IllegalArgumentException("dataset: has no examples");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.examples = Math.toIntExact(n);
        this.manager = arrays[0].getManager().newSubManager();
        this.store = new LeafStore(manager);
        if (criterion != null) {
            this.classes = 0;
            this.chunks = LossChunks.of(criterion, features, labels, batchSize, manager, storage, dtype);
            return;
        }
        long[] y;
        try (NDScope scope = new NDScope()) {
            y = labels.toType(DataType.INT64, false).toLongArray();
        }
        int c;
        try (NDScope scope = new NDScope()) {
            NDArray probe = features.get(new NDIndex("0:1")).toType(dtype, false);
            Shape out;
            try {
                store.use(leaves(original, false));
                out = block.forward(store, new NDList(probe), false).singletonOrThrow().getShape();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("dataset: examples of shape " + features.getShape().slice(1)
                        + " do not fit the model (" + e.getMessage() + ")", e);
            } finally {
                store.use(null);
            }
            if (out.dimension() != 2 || out.get(0) != 1) {
                throw new IllegalArgumentException("model: output must be one row of class scores per example, got shape " + out);
            }
            c = Math.toIntExact(out.get(1));
        }
        this.classes = c;
        for (int i = 0; i < y.length; i++) {
            if (y[i] < 0 || y[i] >= classes) {
                throw new IllegalArgumentException("dataset: label " + y[i] + " of example " + i + " is outside [0, " + classes
                        + ") of the model's " + classes + " classes");
            }
        }
        this.chunks = LossChunks.oneHot(features, y, classes, batchSize, manager, storage, dtype);
    }

    /**
     * A builder in DJL's style: {@code NetworkLoss.builder(block, features, labels).optLoss(Loss.l2Loss())
     * .optBatchSize(500).build()}. Without {@code optLoss} the loss is the mean softmax cross-entropy of class
     * scores against class indices (the paper's L); with it, the mean of that DJL {@link Loss} over all N examples,
     * labels of any shape with first axis N.
     */
    public static Builder builder(Block block, NDArray features, NDArray labels) {
        return new Builder(block, features, labels);
    }

    /** Options of a {@link NetworkLoss}; see {@link #builder}. */
    public static final class Builder {
        private final Block block;
        private final NDArray features;
        private final NDArray labels;
        private Loss loss;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder(Block block, NDArray features, NDArray labels) {
            this.block = block;
            this.features = features;
            this.labels = labels;
        }

        /** The DJL loss to average over the examples (default: the built-in softmax cross-entropy). */
        public Builder optLoss(Loss loss) {
            this.loss = java.util.Objects.requireNonNull(loss, "loss");
            return this;
        }

        /** Examples per forward pass, memory only: the result is the full-data loss (default {@value #DEFAULT_BATCH_SIZE}). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public NetworkLoss build() {
            return new NetworkLoss(block, features, labels, batchSize, loss);
        }
    }

    /**
     * The training loss of a {@link Network} on an {@link ImageSet} (all its images), in chunks of
     * {@value #DEFAULT_BATCH_SIZE}. Checks that the data fit the network.
     */
    public static NetworkLoss of(Network network, ImageSet data) {
        if (!data.imageShape().equals(network.imageShape()) || data.classes() != network.classes()) {
            throw new IllegalArgumentException("dataset: " + data + " does not fit a network for " + network.imageShape()
                    + " images and " + network.classes() + " classes");
        }
        try (NDManager temp = network.manager().newSubManager()) {
            NDArray x = data.allImages(temp, 0, data.size());
            NDArray y = temp.create(data.labelsCopy());
            return of(network.block(), x, y, DEFAULT_BATCH_SIZE);
        }
    }

    /** The loss of {@code block} on all examples, in chunks of {@value #DEFAULT_BATCH_SIZE}. */
    public static NetworkLoss of(Block block, NDArray features, NDArray labels) {
        return of(block, features, labels, DEFAULT_BATCH_SIZE);
    }

    /**
     * @param block an initialized model on the PyTorch engine whose output is one row of class scores (logits) per
     *              example
     * @param features the examples, first axis N (cast to the model's data type)
     * @param labels N class indices in [0, number of classes)
     * @param batchSize examples per forward pass (memory only)
     */
    public static NetworkLoss of(Block block, NDArray features, NDArray labels, int batchSize) {
        return new NetworkLoss(block, features, labels, batchSize, null);
    }

    /** Where each parameter tensor and layer sits in theta. */
    public ParameterLayout layout() {
        return layout;
    }

    /** The weights the model had when this loss was made: the point theta of interest. */
    public double[] parameters() {
        return original.clone();
    }

    /** Number of examples N. */
    public int examples() {
        return examples;
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    /** Unit round-off of the model's data type, the arithmetic of this loss. */
    @Override
    public double unitRoundoff() {
        return dtype == DataType.FLOAT64 ? 0x1p-53 : 0x1p-24;
    }

    @Override
    public double value(double[] theta) {
        checkLength(theta, "theta");
        return inScope(false, () -> {
            store.use(leaves(theta, false));
            double total = 0;
            for (int c = 0; c < chunks.size(); c++) {
                total += scalar(chunkLoss(c));
            }
            return total;
        });
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        checkLength(theta, "theta");
        checkLength(gradient, "gradient");
        return inScope(true, () -> {
            PtNDArray[] w = leaves(theta, true);
            store.use(w);
            double total = 0;
            for (int c = 0; c < chunks.size(); c++) {
                NDArray loss = chunkLoss(c);
                total += scalar(loss);
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
            }
            Arrays.fill(gradient, 0.0);
            for (int i = 0; i < w.length; i++) {
                add(w[i].getGradient(), gradient, layout.offsets()[i]);
            }
            checkFinite(gradient, "gradient");
            return total;
        });
    }

    /**
     * Exact H(theta) v by double back-propagation (about two gradients' work). Per chunk: fresh leaf tensors w
     * hold theta; a backward pass with {@code create_graph} leaves g = grad L(w) with its graph in w.grad; g is
     * cleared in place (the graph of g . v does not save g, since v needs no gradient) and a second backward pass
     * of g . v accumulates exactly H v into w.grad.
     */
    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
        checkLength(theta, "theta");
        checkLength(v, "v");
        checkLength(out, "out");
        inScope(true, () -> {
            NDArray[] direction = leaves(v, false);
            Arrays.fill(out, 0.0);
            for (int c = 0; c < chunks.size(); c++) {
                PtNDArray[] w = leaves(theta, true);
                store.use(w);
                NDArray loss = chunkLoss(c);
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), true, true);
                PtNDArray[] g = new PtNDArray[w.length];
                NDArray dot = null;
                for (int i = 0; i < w.length; i++) {
                    g[i] = w[i].getGradient();
                    NDArray term = g[i].mul(direction[i]).sum();
                    dot = dot == null ? term : dot.add(term);
                }
                for (PtNDArray leaf : w) {
                    JniUtils.zeroGrad(leaf);
                }
                JniUtils.backward((PtNDArray) dot, (PtNDArray) dot.onesLike(), false, false);
                for (int i = 0; i < w.length; i++) {
                    PtNDArray hv = w[i].getGradient();
                    add(hv, out, layout.offsets()[i]);
                    CycleRelease.release(w[i], g[i], hv);
                }
            }
            checkFinite(out, "Hessian-vector product");
            return null;
        });
    }

    /**
     * {@code body} in a fresh NDScope (its tensors freed at the end) with PyTorch's grad mode {@code gradMode}; the
     * caller's grad mode is restored and the parameter store unbound afterwards, also when it throws.
     */
    private <T> T inScope(boolean gradMode, Supplier<T> body) {
        boolean mode = JniUtils.isGradMode();
        JniUtils.setGradMode(gradMode);
        try (NDScope scope = new NDScope()) {
            return body.get();
        } finally {
            store.use(null);
            JniUtils.setGradMode(mode);
        }
    }

    /** Frees the data copies; the model itself is never modified. */
    @Override
    public void close() {
        manager.close();
    }

    /** The loss of chunk c, in the model's type (the examples are cast here, inside the caller's NDScope). */
    private NDArray chunkLoss(int c) {
        NDArray x = chunks.input(c);
        if (x.getDataType() != dtype) {
            x = x.toType(dtype, false);
        }
        return chunks.loss(c, block.forward(store, new NDList(x), false).singletonOrThrow());
    }

    private static double scalar(NDArray x) {
        return x.getDataType() == DataType.FLOAT64 ? x.getDouble() : x.getFloat();
    }

    /** Fresh tensors holding theta in the model's shapes and data type, registered in the current NDScope. */
    private PtNDArray[] leaves(double[] theta, boolean requiresGradient) {
        PtNDArray[] w = new PtNDArray[arrays.length];
        for (int i = 0; i < w.length; i++) {
            int off = layout.offsets()[i];
            int size = layout.sizes()[i];
            ByteBuffer buf = ByteBuffer.allocateDirect(size * dtype.getNumOfBytes()).order(ByteOrder.nativeOrder());
            if (dtype == DataType.FLOAT64) {
                buf.asDoubleBuffer().put(theta, off, size);
            } else {
                var fb = buf.asFloatBuffer();
                for (int j = 0; j < size; j++) {
                    fb.put(j, (float) theta[off + j]);
                }
            }
            // create() aliases the Java buffer, which the collector may free while the engine still reads it
            // (the JIT ends a local's life at its last use): keep an engine-owned copy instead
            try (NDArray alias = manager.create(buf, arrays[i].getShape(), dtype)) {
                w[i] = (PtNDArray) alias.duplicate();
            }
            if (requiresGradient) {
                w[i].setRequiresGradient(true);
            }
        }
        return w;
    }

    private static void add(NDArray g, double[] out, int off) {
        if (g.getDataType() == DataType.FLOAT64) {
            double[] x = g.toDoubleArray();
            for (int j = 0; j < x.length; j++) {
                out[off + j] += x[j];
            }
        } else {
            float[] x = g.toFloatArray();
            for (int j = 0; j < x.length; j++) {
                out[off + j] += x[j];
            }
        }
    }

    private double[] readParameters() {
        double[] theta = new double[layout.dimension()];
        for (int i = 0; i < arrays.length; i++) {
            add(arrays[i], theta, layout.offsets()[i]);
        }
        return theta;
    }

    /**
     * Fails on a NaN or infinite entry of a result, naming the parameter tensor: from finite weights and data (both
     * checked) a finite loss has finite derivatives, so such a value means the engine's arithmetic went wrong.
     */
    private void checkFinite(double[] x, String what) {
        for (int j = 0; j < x.length; j++) {
            if (!Double.isFinite(x[j])) {
                int i = 0;
                while (i + 1 < params.length && layout.offsets()[i + 1] <= j) {
                    i++;
                }
                throw new IllegalStateException("the " + what + " of the loss has a non-finite value (" + x[j]
                        + ") for parameter " + layout.names().get(i) + " at flat index " + (j - layout.offsets()[i])
                        + " although the weights and the data are finite: the deep-learning engine computed garbage");
            }
        }
    }

    private void checkLength(double[] x, String name) {
        if (x.length != layout.dimension()) {
            throw new IllegalArgumentException(name + " must have length " + layout.dimension() + ", got " + x.length);
        }
    }

    /** Serves the current leaf tensors to the block in place of its parameters. */
    private final class LeafStore extends ParameterStore {
        private final java.util.Map<String, Integer> index = new java.util.HashMap<>();
        private NDArray[] current;

        LeafStore(NDManager manager) {
            super(manager, false);
            for (int i = 0; i < params.length; i++) {
                index.put(params[i].getId(), i);
            }
        }

        void use(NDArray[] leaves) {
            current = leaves;
        }

        @Override
        public NDArray getValue(Parameter parameter, ai.djl.Device device, boolean training) {
            Integer i = parameter == null ? null : index.get(parameter.getId());
            if (current == null || i == null) {
                return super.getValue(parameter, device, training);
            }
            return current[i];
        }
    }
}
