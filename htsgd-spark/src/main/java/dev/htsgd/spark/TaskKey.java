package dev.htsgd.spark;

import java.io.Serializable;

/**
 * The identity of one task of a sweep: grid cell {@code cell} (0-based, in {@link SweepSpec#cells()} order)
 * and replication {@code replication} within it. A task's result is a pure function of the sweep and this
 * key, so results are keyed by it everywhere: a retried or speculative copy of a task produces the same
 * key and the same result, and is counted once.
 */
public record TaskKey(int cell, int replication) implements Serializable, Comparable<TaskKey> {

    public TaskKey {
        if (cell < 0) {
            throw new IllegalArgumentException("cell must be >= 0, got " + cell);
        }
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
    }

    public static TaskKey of(int cell, int replication) {
        return new TaskKey(cell, replication);
    }

    /** The stable text id, {@code c00003-r000012}, used in the completed-task files. */
    public String id() {
        return String.format("c%05d-r%06d", cell, replication);
    }

    /** Parses {@link #id()}. */
    public static TaskKey parse(String id) {
        if (!id.matches("c\\d{5,}-r\\d{6,}")) {
            throw new IllegalArgumentException("not a task id: '" + id + "'");
        }
        int dash = id.indexOf('-');
        return new TaskKey(Integer.parseInt(id.substring(1, dash)), Integer.parseInt(id.substring(dash + 2)));
    }

    @Override
    public int compareTo(TaskKey o) {
        int c = Integer.compare(cell, o.cell);
        return c != 0 ? c : Integer.compare(replication, o.replication);
    }

    @Override
    public String toString() {
        return id();
    }
}
