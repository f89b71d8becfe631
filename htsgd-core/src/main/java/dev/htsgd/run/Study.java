package dev.htsgd.run;

import java.util.ArrayList;
import java.util.List;

/**
 * One experiment as a pure function (architecture.md "one study per experiment"): a typed, validated settings
 * record {@code S} and a seed give a typed result {@code R} that holds its fit and its theory prediction. The
 * work is split into {@link #tasks independent tasks} {@code T} (replications, paths, batches), each a pure
 * function of (settings, seed, index) drawing its own keyed stream ({@link dev.htsgd.sim.Streams#key}), and the result is a
 * pure function of the tasks in index order. That split is what every route shares: {@link StudyRunner} runs
 * the tasks on local threads (with a checkpoint), a Spark job runs them as Spark tasks, and both reduce with
 * {@link #result}, so the command, the reproduce target and the sweep give the same numbers bit for bit.
 *
 * @param <S> the settings record
 * @param <T> the result of one task (its {@link #codec()} turns it into one line of JSON and back)
 * @param <R> the study's result
 */
public interface Study<S, T, R> {

    /** The study's name: the {@code study} part of every stream key, and of checkpoint keys. */
    String name();

    /** The number of independent tasks of these settings. */
    int tasks(S settings);

    /** Task {@code index} (in [0, tasks)): a pure function of its arguments. */
    T task(S settings, long seed, int index);

    /**
     * Tasks {@code from .. to - 1}; the same results as calling {@link #task} for each, but a study may run them
     * together (the vector engine advances one path per lane).
     */
    default List<T> tasks(S settings, long seed, int from, int to) {
        List<T> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(task(settings, seed, i));
        }
        return out;
    }

    /** How many consecutive tasks {@link StudyRunner} hands to {@link #tasks(Object, long, int, int)} at once. */
    default int batch(S settings, int threads) {
        return 1;
    }

    /** The result from all tasks, in index order: a pure function of its arguments. */
    R result(S settings, long seed, List<T> tasks);

    /** A task result as one line of JSON and back, exactly (checkpoints, Spark task results). */
    Codec<T> codec();

    /**
     * A stable text that differs whenever the settings do (checkpoint keys and Spark fingerprints); by default
     * the record's {@code toString()}, which is stable for records of numbers, strings and enums.
     */
    default String key(S settings) {
        return settings.toString();
    }

    /** Exact JSON of one task's result. */
    interface Codec<T> {
        String encode(T value);

        T decode(String json);
    }
}
