package dev.htsgd.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * The result of one task: its {@link TaskKey} and a JSON object (as text) written by the experiment's
 * {@link SweepKind.Worker}. Text keeps the result exact (doubles round-trip) and lets a duplicate be
 * compared with the stored copy byte for byte.
 */
public record TaskResult(TaskKey key, String json) implements Serializable {

    public TaskResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        if (json.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("task result json must be one line, got: " + json);
        }
    }
}
