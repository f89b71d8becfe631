package dev.htsgd.sim;

import dev.htsgd.check.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs independent replications 0..n-1 on a fixed number of threads and returns their results in index
 * order. Each replication draws from its own stream ({@link Streams#forReplication}), and every reduction
 * over the returned list runs in index order, so results are bit-identical whatever the thread count.
 */
public final class Replications {

    private Replications() {
    }

    /**
     * Runs {@code task} for every index in [0, n) on {@code threads} threads.
     *
     * @throws IllegalArgumentException when n &lt; 0 or threads &lt; 1
     */
    public static <T> List<T> run(int n, int threads, IntFunction<T> task) {
        if (n < 0) {
            throw new IllegalArgumentException("replications must be >= 0, got " + n);
        }
        Require.atLeast("threads", threads, 1);
        Object[] out = new Object[n];
        int t = Math.min(threads, Math.max(1, n));
        if (t == 1) {
            for (int i = 0; i < n; i++) {
                out[i] = task.apply(i);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "htsgd-replication");
                th.setDaemon(true);
                return th;
            });
            try {
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> fs = new ArrayList<>();
                for (int w = 0; w < t; w++) {
                    fs.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            out[i] = task.apply(i);
                        }
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error er) {
                    throw er;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
        }
        List<T> list = new ArrayList<>(n);
        for (Object o : out) {
            @SuppressWarnings("unchecked")
            T v = (T) o;
            list.add(v);
        }
        return list;
    }
}
