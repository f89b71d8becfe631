package dev.htsgd.dl.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Network;
import dev.htsgd.io.AtomicFiles;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One training run of a {@link Method} on a {@link Network}: the loop of paper-notes section 6. Each iteration
 * draws the batches of its phase, forms the method's gradient with ONE forward and backward pass of a weighted
 * loss over the concatenated batches ({@link LossWeights}; or one pass per batch, {@link GradientPasses}), and applies the {@link HeavyTailedStep}. Evaluates
 * on the training and test sets every {@code evalEvery} iterations; saves and restores its complete state
 * (weights, momentum, samplers, generators, metrics) so a resumed run is bit-identical to an uninterrupted one.
 */
public final class HeavyTailedTraining {
    private static final long STATE_MAGIC = 0x4854534744545331L; // "HTSGDTS1"

    private final TrainConfig cfg;
    private final Network net;
    private final ImageSet train;
    private final ImageSet test;
    private final HeavyTailedStep step;
    private final BatchSampler small;
    private final BatchSampler star;
    private final BatchSampler large;
    private final RestorableUniformRandomProvider noiseRng;
    private final int ns;
    private final int nl;
    private final int[] idx;
    private final float[] sampleWeights;
    private final float[] targets;
    private final NDArray deviceImages;
    private final List<MetricsRow> rows = new ArrayList<>();

    private long k;
    private long gradientNanos;
    private long updateNanos;
    private long truncationsAtLastRow;
    private long updatesAtLastRow;
    private double lastBatchLoss = Double.NaN;

    /** Called after each iteration and evaluation (progress, checkpoints). */
    public interface Listener {
        /** After iteration {@code done} (1-based count). */
        default void afterStep(HeavyTailedTraining run, long done) {
        }

        /** After each evaluation. */
        default void evaluated(HeavyTailedTraining run, MetricsRow row) {
        }
    }

    private HeavyTailedTraining(TrainConfig cfg, Network net, ImageSet train, ImageSet test) {
        this.cfg = cfg;
        this.net = net;
        this.train = train;
        this.test = test;
        this.step = cfg.newStep();
        this.ns = cfg.method().usesSmallBatch() ? cfg.batch() : 0;
        this.nl = cfg.method().usesLargeBatch() ? Math.min(cfg.largeBatch(), train.size()) : 0;
        if (ns > train.size()) {
            throw new IllegalArgumentException("batch must be in [1, " + train.size() + "] (the training set size), got " + ns);
        }
        long seed = cfg.seed();
        this.small = ns > 0 ? new BatchSampler(TrainingStream.SMALL.of(seed), train.size(), ns) : null;
        this.star = cfg.method().independentStar() ? new BatchSampler(TrainingStream.STAR.of(seed), train.size(), ns) : null;
        this.large = nl > 0 ? new BatchSampler(TrainingStream.LARGE.of(seed), train.size(), nl) : null;
        this.noiseRng = TrainingStream.NOISE.of(seed);
        step.setNoiseSource(noiseRng);
        int maxN = 2 * ns + nl;
        this.idx = new int[maxN];
        this.sampleWeights = new float[maxN];
        this.targets = new float[maxN * train.classes()];
        // small training sets live on the device once; batches are gathered there (no per-step host copy)
        this.deviceImages = (long) train.size() * train.imageSize() <= DEVICE_COPY_MAX_FLOATS
                ? train.allImages(net.manager(), 0, train.size()) : null;
    }

    /** Training sets up to this many floats are copied to the device once. */
    static final long DEVICE_COPY_MAX_FLOATS = 64L << 20;

    /**
     * Prepares a run; the network must be freshly initialised (from {@code TrainingStream.INIT.of(cfg.seed())})
     * or restored. The samplers and the noise take their {@link TrainingStream}s of {@code cfg.seed()}.
     *
     * @param cfg     the settings
     * @param net     the model theta (updated in place)
     * @param train   training set (already subset/corrupted)
     * @param test    test set (may be null: then test metrics are NaN)
     */
    public static HeavyTailedTraining create(TrainConfig cfg, Network net, ImageSet train, ImageSet test) {
        // refuse to train where the engine's float32 convolutions are wrong, rather than report garbage
        dev.htsgd.dl.model.ConvolutionCheck.verify(net.manager());
        return new HeavyTailedTraining(cfg, net, train, test);
    }

    /** @return the configuration */
    public TrainConfig config() {
        return cfg;
    }

    /** @return the heavy-tailed step (pre-clip norm, truncation counts) */
    public HeavyTailedStep step() {
        return step;
    }

    /** @return iterations done */
    public long iteration() {
        return k;
    }

    /** @return the effective large batch size (0 when the method needs none) */
    public int largeBatch() {
        return nl;
    }

    /** @return the evaluations so far */
    public List<MetricsRow> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** @return seconds spent forming gradients (batches, forward, backward) */
    public double gradientSeconds() {
        return gradientNanos * 1e-9;
    }

    /** @return seconds spent in the update (noise draw, norm, truncation, weight update) */
    public double updateSeconds() {
        return updateNanos * 1e-9;
    }

    /** @return iterations per second of training (evaluation excluded) */
    public double stepsPerSecond() {
        double s = (gradientNanos + updateNanos) * 1e-9;
        return s > 0 ? k / s : Double.NaN;
    }

    /** @return the weighted batch loss of the last iteration */
    public double lastBatchLoss() {
        return lastBatchLoss;
    }

    /** The phase of iteration {@code i}. */
    LossWeights.Phase phase(long i) {
        return LossWeights.Phase.of(cfg.method(), i, cfg.noiseFreeFrom());
    }

    /** Runs to {@code cfg.iterations()}. */
    public void run(Listener listener) {
        runUntil(cfg.iterations(), listener);
    }

    /** Runs until {@code until} iterations are done (at most the configured K). */
    public void runUntil(long until, Listener listener) {
        long end = Math.min(until, cfg.iterations());
        if (k == 0 && rows.isEmpty()) {
            evaluate(listener);
        }
        while (k < end) {
            stepOnce();
            listener.afterStep(this, k);
            if (k % cfg.evalEvery() == 0 || k == cfg.iterations()) {
                evaluate(listener);
            }
        }
    }

    /** One iteration. */
    public void stepOnce() {
        long t0 = System.nanoTime();
        LossWeights.Phase phase = phase(k);
        double cw = 0;
        if (phase.noisy()) {
            cw = step.noiseMultiplier();
        }
        int n = phase.size(ns, nl);
        switch (phase) {
            case SMALL -> small.next(idx, 0);
            case LARGE -> large.next(idx, 0);
            case NOISY_SAME -> {
                small.next(idx, 0);
                large.next(idx, ns);
            }
            case NOISY_INDEPENDENT -> {
                small.next(idx, 0);
                star.next(idx, ns);
                large.next(idx, 2 * ns);
            }
            default -> throw new IllegalStateException();
        }
        LossWeights.fill(phase, ns, nl, cw, sampleWeights);
        int classes = train.classes();
        java.util.Arrays.fill(targets, 0, n * classes, 0f);
        for (int i = 0; i < n; i++) {
            targets[i * classes + train.label(idx[i])] = sampleWeights[i];
        }
        float loss;
        try (NDManager sub = net.manager().newSubManager()) {
            NDArray x;
            if (deviceImages != null) {
                NDArray rows = ImageSet.owned(sub.create(java.util.Arrays.copyOf(idx, n)));
                x = deviceImages.get(new NDIndex("{}", rows));
                x.attach(sub);
            } else {
                x = train.images(sub, idx, 0, n);
            }
            NDArray t = ImageSet.owned(sub.create(java.nio.FloatBuffer.wrap(targets, 0, n * classes), new Shape(n, classes)));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                // the weights already carry each batch's 1/n and cW, so the batches' losses (and gradients) add up;
                // one part is the fused pass over x itself
                int[] parts = cfg.passes() == GradientPasses.FUSED ? new int[] {n} : phase.parts(ns, nl);
                loss = 0;
                int from = 0;
                for (int part : parts) {
                    NDArray xi = x;
                    NDArray ti = t;
                    if (parts.length > 1) {
                        NDIndex rows = new NDIndex(from + ":" + (from + part));
                        xi = x.get(rows);
                        ti = t.get(rows);
                    }
                    NDArray l = HeavyTailedLoss.weightedCrossEntropy(net.forward(xi, true), ti);
                    gc.backward(l);
                    loss += l.getFloat();
                    from += part;
                }
            }
        }
        long t1 = System.nanoTime();
        lastBatchLoss = loss;
        if (!Float.isFinite(loss)) {
            throw diverged("loss", loss);
        }
        boolean truncate = cfg.method().truncated() && phase != LossWeights.Phase.LARGE;
        double norm;
        try {
            norm = step.update(net.parameters(), k, truncate);
        } catch (TrainingDivergedException e) {
            throw diverged("update norm", step.lastPreClipNorm()); // stopped before any weight was written
        }
        long t2 = System.nanoTime();
        if (!Double.isFinite(norm)) {
            throw diverged("update norm", norm);
        }
        gradientNanos += t1 - t0;
        updateNanos += t2 - t1;
        k++;
    }

    private TrainingDivergedException diverged(String what, double value) {
        // what would help depends on the method (only the truncated ones have a b to lower): the caller advises
        return new TrainingDivergedException("the " + what + " became " + value + " at step " + (k + 1) + " of "
                + cfg.iterations() + " (method " + cfg.method().cliName() + ", eta " + cfg.eta() + ")", k + 1);
    }

    /** Evaluates now and records a metrics row. */
    public MetricsRow evaluate(Listener listener) {
        Network.Evaluation tr = net.evaluate(train);
        Network.Evaluation te = test == null ? new Network.Evaluation(Double.NaN, Double.NaN) : net.evaluate(test);
        long upd = step.updates() - updatesAtLastRow;
        double frac = upd == 0 ? 0 : (double) (step.truncations() - truncationsAtLastRow) / upd;
        updatesAtLastRow = step.updates();
        truncationsAtLastRow = step.truncations();
        MetricsRow row = new MetricsRow(k, tr.loss(), tr.accuracy(), te.loss(), te.accuracy(),
                step.learningRate(Math.max(0, k - 1)), k == 0 ? 0 : step.lastPreClipNorm(), frac,
                (gradientNanos + updateNanos) * 1e-9);
        if (!Double.isFinite(tr.loss())) {
            throw new TrainingDivergedException("the training loss became " + tr.loss() + " at step " + k + " of "
                    + cfg.iterations() + " (method " + cfg.method().cliName() + ", eta " + cfg.eta() + ")", k);
        }
        rows.add(row);
        listener.evaluated(this, row);
        return row;
    }

    // ---- exact resume ---------------------------------------------------------------------------------

    /** Writes the complete state to {@code file} atomically (temporary file, then rename). */
    public void save(Path file) {
        AtomicFiles.write(file, "training state", stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeLong(STATE_MAGIC);
            out.writeUTF(cfg.toString());
            out.writeLong(k);
            out.writeLong(gradientNanos);
            out.writeLong(updateNanos);
            out.writeLong(truncationsAtLastRow);
            out.writeLong(updatesAtLastRow);
            out.writeLong(step.updates());
            out.writeLong(step.truncations());
            writeArrays(out, net.weights());
            writeArrays(out, step.velocityState(net.parameters().size()));
            for (BatchSampler s : new BatchSampler[] {small, star, large}) {
                out.writeBoolean(s != null);
                if (s != null) {
                    s.save(out);
                }
            }
            byte[] ns = ((RandomProviderDefaultState) noiseRng.saveState()).getState();
            out.writeInt(ns.length);
            out.write(ns);
            out.writeInt(rows.size());
            for (MetricsRow r : rows) {
                for (double v : r.toArray()) {
                    out.writeDouble(v);
                }
            }
            out.flush();
        });
    }

    /** Restores the state written by {@link #save} for the same configuration. */
    public void restore(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readLong() != STATE_MAGIC) {
                throw new IllegalArgumentException(file + ": not an htsgd training state");
            }
            String c = in.readUTF();
            if (!c.equals(cfg.toString())) {
                throw new IllegalArgumentException(file + ": training state of another configuration (" + c + ")");
            }
            k = in.readLong();
            gradientNanos = in.readLong();
            updateNanos = in.readLong();
            truncationsAtLastRow = in.readLong();
            updatesAtLastRow = in.readLong();
            long upd = in.readLong();
            long tr = in.readLong();
            net.setWeights(readArrays(in));
            step.restore(net.parameters(), readArrays(in), upd, tr);
            for (BatchSampler s : new BatchSampler[] {small, star, large}) {
                boolean present = in.readBoolean();
                if (present != (s != null)) {
                    throw new IllegalArgumentException(file + ": sampler layout differs from this configuration");
                }
                if (s != null) {
                    s.restore(in);
                }
            }
            byte[] ns = new byte[in.readInt()];
            in.readFully(ns);
            noiseRng.restoreState(new RandomProviderDefaultState(ns));
            rows.clear();
            int nr = in.readInt();
            for (int i = 0; i < nr; i++) {
                double[] a = new double[MetricsRow.HEADER.size()];
                for (int j = 0; j < a.length; j++) {
                    a[j] = in.readDouble();
                }
                rows.add(MetricsRow.fromArray(a));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read training state (" + e.getMessage() + ")", e);
        }
    }

    private static void writeArrays(DataOutputStream out, float[][] a) throws IOException {
        out.writeInt(a.length);
        for (float[] v : a) {
            out.writeInt(v == null ? -1 : v.length);
            if (v != null) {
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
        }
    }

    private static float[][] readArrays(DataInputStream in) throws IOException {
        float[][] a = new float[in.readInt()][];
        for (int i = 0; i < a.length; i++) {
            int n = in.readInt();
            if (n >= 0) {
                a[i] = new float[n];
                for (int j = 0; j < n; j++) {
                    a[i][j] = in.readFloat();
                }
            }
        }
        return a;
    }
}
