package dev.htsgd.dl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.htsgd.dl.data.ImageSet;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A classifier network theta: a DJL block with its parameters initialised from a seeded stream exactly as
 * PyTorch's defaults do for {@code nn.Conv2d}/{@code nn.Linear} (weights and biases uniform on
 * [-1/sqrt(fan_in), 1/sqrt(fan_in)]), so a run is a pure function of the seed. Owns its {@link NDManager};
 * close it when done.
 *
 * <p>Provides what the training methods and the sharpness measures need: forward passes, the training loss
 * L(theta) (mean cross-entropy) and accuracy over an {@link ImageSet}, and the weights as float arrays in the
 * block's parameter order, named by the block's parameter names.
 */
public final class Network implements AutoCloseable {
    /** Images per forward pass in evaluation. */
    public static final int EVAL_CHUNK = 1000;

    private final Architecture architecture;
    private final NDManager manager;
    private final Block block;
    private final ParameterStore store;
    private final List<String> names;
    private final List<Parameter> params;
    private final Shape imageShape;
    private final int classes;

    private Network(Architecture architecture, NDManager manager, Block block, Shape imageShape, int classes) {
        this.architecture = architecture;
        this.manager = manager;
        this.block = block;
        this.imageShape = imageShape;
        this.classes = classes;
        this.store = new ParameterStore(manager, false);
        List<String> n = new ArrayList<>();
        List<Parameter> p = new ArrayList<>();
        for (Pair<String, Parameter> e : block.getParameters()) {
            n.add(e.getKey());
            p.add(e.getValue());
        }
        this.names = Collections.unmodifiableList(n);
        this.params = Collections.unmodifiableList(p);
    }

    /**
     * Builds and initialises a network for images of {@code data}'s shape.
     *
     * @param arch the architecture; must fit the data ({@link Architecture#checkFits})
     * @param data gives the image shape, class count and name
     * @param init the initialisation stream
     */
    public static Network create(Architecture arch, ImageSet data, UniformRandomProvider init) {
        arch.checkFits(data.imageShape(), data.classes(), data.name());
        return create(arch, arch.newBlock(data.classes()), data.imageShape(), data.classes(), init);
    }

    /** Builds a network from any block (used with hand-made tiny models in tests). */
    public static Network create(Architecture arch, Block block, Shape imageShape, int classes, UniformRandomProvider init) {
        NDManager m = NDManager.newBaseManager();
        try {
            block.initialize(m, DataType.FLOAT32, new Shape(1).addAll(imageShape));
            Shape[] out = block.getOutputShapes(new Shape[] {new Shape(1).addAll(imageShape)});
            if (out.length != 1 || out[0].dimension() != 2 || out[0].get(1) != classes) {
                throw new IllegalArgumentException("model output shape " + (out.length == 1 ? out[0] : "?")
                        + " does not match " + classes + " classes for images " + imageShape);
            }
            Network net = new Network(arch, m, block, imageShape, classes);
            net.initialiseLikePyTorch(init);
            return net;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    private void initialiseLikePyTorch(UniformRandomProvider rng) {
        double bound = 0;
        for (Parameter p : params) {
            Shape s = p.getArray().getShape();
            if (p.getType() == Parameter.Type.WEIGHT || s.dimension() > 1) {
                long fanIn = s.size() / s.get(0);
                bound = 1.0 / Math.sqrt(fanIn);
            }
            float[] v = new float[(int) s.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            p.getArray().set(v);
        }
    }

    /** @return the architecture */
    public Architecture architecture() {
        return architecture;
    }

    /** @return the DJL block */
    public Block block() {
        return block;
    }

    /** @return the manager owning the parameters */
    public NDManager manager() {
        return manager;
    }

    /** @return the parameter store to pass to {@link Block#forward} */
    public ParameterStore store() {
        return store;
    }

    /** @return parameter names in block order (e.g. "01Conv2d_weight") */
    public List<String> parameterNames() {
        return names;
    }

    /** @return parameters in block order */
    public List<Parameter> parameters() {
        return params;
    }

    /** @return shape (C, H, W) of one input image */
    public Shape imageShape() {
        return imageShape;
    }

    /** @return number of classes */
    public int classes() {
        return classes;
    }

    /** @return total number of weights d (dimension of theta) */
    public long numWeights() {
        long n = 0;
        for (Parameter p : params) {
            n += p.getArray().getShape().size();
        }
        return n;
    }

    /** Logits (n, classes) of a batch of images (n, C, H, W). */
    public NDArray forward(NDArray images, boolean training) {
        return block.forward(store, new NDList(images), training).singletonOrThrow();
    }

    /** Copies of the weights, one array per parameter in block order. */
    public float[][] weights() {
        float[][] w = new float[params.size()][];
        for (int i = 0; i < w.length; i++) {
            w[i] = params.get(i).getArray().toFloatArray();
        }
        return w;
    }

    /** Overwrites the weights (same layout as {@link #weights()}). */
    public void setWeights(float[][] w) {
        if (w.length != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " weight arrays, got " + w.length);
        }
        for (int i = 0; i < w.length; i++) {
            NDArray a = params.get(i).getArray();
            if (w[i].length != a.getShape().size()) {
                throw new IllegalArgumentException("parameter " + names.get(i) + " has " + a.getShape().size()
                        + " weights, got " + w[i].length);
            }
            a.set(w[i]);
        }
    }

    /** The weights as named arrays for {@link dev.htsgd.dl.io.Npz#write} (weights.npz). */
    public java.util.Map<String, dev.htsgd.dl.io.Npz.Array> namedWeights() {
        java.util.Map<String, dev.htsgd.dl.io.Npz.Array> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            NDArray a = params.get(i).getArray();
            m.put(names.get(i), new dev.htsgd.dl.io.Npz.Array(a.getShape().getShape(), a.toFloatArray()));
        }
        return m;
    }

    /** Loads weights saved by {@link #namedWeights()} (e.g. from weights.npz), checking names and shapes. */
    public void setNamedWeights(java.util.Map<String, dev.htsgd.dl.io.Npz.Array> arrays, String source) {
        float[][] w = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            dev.htsgd.dl.io.Npz.Array a = arrays.get(names.get(i));
            long[] expected = params.get(i).getArray().getShape().getShape();
            if (a == null || !java.util.Arrays.equals(a.shape(), expected)) {
                throw new IllegalArgumentException(source + ": parameter " + names.get(i) + " of shape "
                        + java.util.Arrays.toString(expected) + (a == null ? " is missing" : " has shape "
                        + java.util.Arrays.toString(a.shape())) + " (weights of another model?)");
            }
            w[i] = a.data();
        }
        setWeights(w);
    }

    /** Loss and accuracy over a data set. @param loss mean cross-entropy L  @param accuracy fraction correct */
    public record Evaluation(double loss, double accuracy) {
    }

    /** Mean cross-entropy and accuracy of the current weights over all of {@code data} (no gradients). */
    public Evaluation evaluate(ImageSet data) {
        checkData(data);
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < data.size(); from += EVAL_CHUNK) {
            int count = Math.min(EVAL_CHUNK, data.size() - from);
            try (NDManager sub = manager.newSubManager()) {
                NDArray x = data.allImages(sub, from, count);
                NDArray logits = forward(x, false);
                int[] y = new int[count];
                for (int i = 0; i < count; i++) {
                    y[i] = data.label(from + i);
                }
                NDArray labels = ImageSet.owned(sub.create(y));
                NDArray logp = logits.logSoftmax(1);
                lossSum -= logp.mul(labels.oneHot(classes)).sum().getFloat();
                int[] pred = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < count; i++) {
                    if (pred[i] == y[i]) {
                        correct++;
                    }
                }
            }
        }
        return new Evaluation(lossSum / data.size(), (double) correct / data.size());
    }

    /** The training loss L(theta): mean cross-entropy over {@code data}. */
    public double loss(ImageSet data) {
        return evaluate(data).loss();
    }

    private void checkData(ImageSet data) {
        if (!data.imageShape().equals(imageShape) || data.classes() != classes) {
            throw new IllegalArgumentException("data " + data + " does not fit a network for " + imageShape
                    + " images and " + classes + " classes");
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
