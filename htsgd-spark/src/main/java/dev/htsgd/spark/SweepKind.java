package dev.htsgd.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One experiment as a sweep: how many independent tasks a grid cell splits into (replications, paths or
 * batches), how an executor runs one of them, and how the driver combines the stored task results into the
 * experiment's results. A task's result must be a pure function of (spec, cell, replication): each task
 * draws from its own stream, split from the cell's seed by the replication index, exactly as the local
 * command does, so a sweep reproduces the local command bit for bit.
 */
public interface SweepKind extends Serializable {

    /** The name given to {@code --experiment}. */
    String name();

    /** The {@link SweepSettings#asMap()} keys this experiment reads (they enter the fingerprint). */
    List<String> settingKeys();

    /** Checks the spec on the driver before any task runs; bad input is an IllegalArgumentException. */
    void validate(SweepSpec spec);

    /** The number of tasks of a cell. */
    int tasks(Cell cell, SweepSettings settings);

    /**
     * The engine of every task when the sweep asks for auto, decided once on the driver: scalar unless the
     * experiment runs paths on lanes and every cell of {@code spec} would take them ({@link StudyKind}).
     */
    default dev.htsgd.dynamics.Engine engineForAuto(SweepSpec spec) {
        return dev.htsgd.dynamics.Engine.SCALAR;
    }

    /** A rough relative cost of one task of a cell; costly tasks are scheduled first. */
    default double cost(Cell cell, SweepSettings settings) {
        return 1.0;
    }

    /**
     * This experiment writing its own files (if any) under the sweep's run directory; most experiments
     * return only task results and ignore it.
     */
    default SweepKind in(java.nio.file.Path runDirectory) {
        return this;
    }

    /** Executor side: a worker for one Spark partition (it may cache per-cell objects). */
    Worker worker(SweepSpec spec);

    /** Driver side: the results of the whole sweep from one stored result per task. */
    SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results);

    /** Runs tasks on an executor. */
    interface Worker {
        /** The result of task (cell, replication) as a one-line JSON object. */
        String run(Cell cell, int replication) throws Exception;
    }

    /**
     * What a sweep produces: the content of results.json, CSV tables by file name (rows as maps with the
     * same keys in the same order), and a readable summary for the terminal.
     */
    record SweepOutcome(Map<String, Object> results, Map<String, List<Map<String, Object>>> tables, String summary) {
    }
}
