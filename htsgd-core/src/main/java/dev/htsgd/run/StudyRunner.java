package dev.htsgd.run;

import dev.htsgd.check.Require;
import dev.htsgd.sim.Replications;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs a {@link Study} on local threads: the tasks in batches ({@link Study#batch}), each batch taken from the
 * checkpoint when it is there and stored in it when computed, then {@link Study#result} over the tasks in index
 * order. The thread count, the batch split and the checkpoint change only the speed, never a number.
 *
 * @param threads worker threads, at least 1
 * @param checkpoint where finished tasks are kept for a resume, or null
 * @param progress told the number of tasks each finished batch held, or null
 */
public record StudyRunner(int threads, Checkpoint checkpoint, LongConsumer progress) {

    public StudyRunner {
        Require.atLeast("threads", threads, 1);
    }

    /** On {@code threads} threads, without checkpoint or progress. */
    public static StudyRunner of(int threads) {
        return new StudyRunner(threads, null, null);
    }

    /** Runs the study to its result. */
    public <S, T, R> R run(Study<S, T, R> study, S settings, long seed) {
        return study.result(settings, seed, runTasks(study, settings, seed));
    }

    /** All task results of the study, in index order. */
    public <S, T, R> List<T> runTasks(Study<S, T, R> study, S settings, long seed) {
        int n = study.tasks(settings);
        int size = Math.max(1, study.batch(settings, threads));
        int batches = (n + size - 1) / size;
        String prefix = study.name() + "/" + study.key(settings) + "/seed=" + seed + "/task=";
        List<List<T>> parts = parallel(batches, threads, b -> {
            int from = b * size;
            int to = Math.min(n, from + size);
            List<T> got = fromCheckpoint(study, prefix, from, to);
            if (got == null) {
                got = study.tasks(settings, seed, from, to);
                if (checkpoint != null) {
                    for (int i = from; i < to; i++) {
                        checkpoint.put(prefix + i, study.codec().encode(got.get(i - from)));
                    }
                }
            }
            if (progress != null) {
                progress.accept(to - from);
            }
            return got;
        });
        List<T> all = new ArrayList<>(n);
        parts.forEach(all::addAll);
        return all;
    }

    private <S, T, R> List<T> fromCheckpoint(Study<S, T, R> study, String prefix, int from, int to) {
        if (checkpoint == null) {
            return null;
        }
        List<T> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            String json = checkpoint.get(prefix + i, String.class);
            if (json == null) {
                return null;
            }
            out.add(study.codec().decode(json));
        }
        return out;
    }

    private static <T> List<T> parallel(int n, int threads, java.util.function.IntFunction<T> task) {
        return Replications.run(n, threads, task);
    }
}
