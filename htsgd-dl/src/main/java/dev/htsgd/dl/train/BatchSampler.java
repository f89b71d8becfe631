package dev.htsgd.dl.train;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Mini-batches drawn without replacement within an epoch (PyTorch's {@code shuffle=True, drop_last=True}):
 * the index order is reshuffled (Fisher-Yates) whenever fewer than {@code batch} indices remain. A batch of the
 * whole set is a fresh permutation each step. The state (order, cursor, generator) is saved for exact resume.
 */
public final class BatchSampler {
    private final RestorableUniformRandomProvider rng;
    private final int[] order;
    private final int batch;
    private int cursor;

    /**
     * @param rng   this sampler's own stream
     * @param n     number of examples, &gt;= 1
     * @param batch batch size in [1, n]
     */
    public BatchSampler(RestorableUniformRandomProvider rng, int n, int batch) {
        if (batch < 1 || batch > n) {
            throw new IllegalArgumentException("batch size must be in [1, " + n + "] (the training set size), got " + batch);
        }
        this.rng = rng;
        this.batch = batch;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.cursor = n; // shuffle on first use
    }

    /** @return the batch size */
    public int batch() {
        return batch;
    }

    /** Copies the next batch's indices into {@code dst} at {@code offset}. */
    public void next(int[] dst, int offset) {
        if (order.length - cursor < batch) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            cursor = 0;
        }
        System.arraycopy(order, cursor, dst, offset, batch);
        cursor += batch;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeInt(order.length);
        for (int v : order) {
            out.writeInt(v);
        }
        out.writeInt(cursor);
        byte[] s = ((RandomProviderDefaultState) rng.saveState()).getState();
        out.writeInt(s.length);
        out.write(s);
    }

    void restore(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n != order.length) {
            throw new IOException("checkpoint sampler has " + n + " examples, expected " + order.length);
        }
        for (int i = 0; i < n; i++) {
            order[i] = in.readInt();
        }
        cursor = in.readInt();
        byte[] s = new byte[in.readInt()];
        in.readFully(s);
        rng.restoreState(new RandomProviderDefaultState(s));
    }
}
