package dev.htsgd.spark;

import dev.htsgd.run.Progress;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Runs the pending tasks of a sweep as one Spark job and stores each partition's results on the driver
 * the moment it finishes.
 *
 * <p>Exactly-once accounting: Spark hands the driver one result per partition however many attempts
 * (retries, speculative copies) ran it, the driver stores it through {@link TaskStore} (atomic, idempotent,
 * keyed by task id), and the sweep's results are aggregated from the store alone, one result per task id.
 * Executors write nothing, so a cluster needs no shared file system. A killed sweep keeps every partition
 * stored before the kill; run again, it computes only the tasks missing from the store.
 */
public final class SparkSweepRunner {

    /** Upper bound on the number of partitions when one task per partition would be more. */
    public static final int MAX_PARTITIONS = 20_000;

    /** Upper bound on the tasks of one sweep: the driver lists and tracks every task. */
    public static final int MAX_TASKS = 10_000_000;

    /** Progress of a running sweep, called on the driver after each stored partition. */
    public interface Listener {
        void progress(int done, int total);
    }

    /**
     * What a run did: tasks in the sweep, tasks found in the store, tasks computed now, the partitions of
     * the job, its wall time ({@code seconds}: from submitting the job to its end, waiting for executors
     * included) and its task time ({@code taskSeconds}: from the start of the first task to the end of the last,
     * without executor start-up; 0 when nothing was computed).
     */
    public record Stats(int total, int reused, int computed, int partitions, double seconds, double taskSeconds) {
        /** Computed tasks per second of wall time. */
        public double tasksPerSecond() {
            return seconds > 0 ? computed / seconds : Double.NaN;
        }
    }

    /**
     * What one partition sends back: its results and how long the executor took to compute them, from which
     * the driver dates the partition's start on its own clock (executors' clocks may differ from the driver's).
     */
    record PartitionRun(ArrayList<TaskResult> results, long nanos) implements Serializable {
    }

    private SparkSweepRunner() {
    }

    /** All tasks of the sweep, in cell and replication order. */
    public static List<TaskKey> tasks(SweepSpec spec, SweepKind kind) {
        List<TaskKey> all = new ArrayList<>();
        for (Cell cell : spec.cells()) {
            int n = kind.tasks(cell, spec.settings());
            for (int r = 0; r < n; r++) {
                all.add(TaskKey.of(cell.index(), r));
            }
        }
        return all;
    }

    /**
     * Runs the tasks of {@code spec} that {@code store} lacks. {@code partitions} = 0 means one task per
     * partition (at most {@link #MAX_PARTITIONS}). Throws Spark's exception when the job fails; what was
     * stored before stays stored.
     */
    public static Stats run(JavaSparkContext sc, SweepSpec spec, SweepKind kind, TaskStore store, int partitions,
                            Listener listener) {
        long t0 = System.nanoTime();
        store.cleanTemporaries();
        List<TaskKey> all = tasks(spec, kind);
        Map<TaskKey, String> done = store.load();
        List<TaskKey> pending = new ArrayList<>();
        for (TaskKey k : all) {
            if (!done.containsKey(k)) {
                pending.add(k);
            }
        }
        int reused = all.size() - pending.size();
        if (pending.isEmpty()) {
            return new Stats(all.size(), reused, 0, 0, 0.0, 0.0);
        }
        List<List<TaskKey>> groups = partition(spec, kind, pending, partitions);
        AtomicInteger finished = new AtomicInteger(reused);
        int total = all.size();
        if (listener != null) {
            listener.progress(reused, total);
        }

        JavaRDD<List<TaskKey>> rdd = sc.parallelize(groups, groups.size());
        final SweepSpec s = spec;
        final SweepKind k = kind;
        Function1<Iterator<List<TaskKey>>, PartitionRun> process =
                (Function1<Iterator<List<TaskKey>>, PartitionRun> & Serializable) it -> {
                    long start = System.nanoTime();
                    ArrayList<TaskResult> results = runPartition(s, k, it);
                    return new PartitionRun(results, System.nanoTime() - start);
                };
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE}; // first start, last end (driver nanos); one scheduler thread
        Function2<Object, PartitionRun, BoxedUnit> handler = (index, run) -> {
            long end = System.nanoTime();
            span[0] = Math.min(span[0], end - run.nanos());
            span[1] = Math.max(span[1], end);
            store.write(run.results());
            int n = finished.addAndGet(run.results().size());
            if (listener != null) {
                listener.progress(n, total);
            }
            return BoxedUnit.UNIT;
        };
        ClassTag<PartitionRun> tag = ClassTag$.MODULE$.apply(PartitionRun.class);
        sc.setJobDescription("htsgd sweep " + spec.experiment() + ": " + pending.size() + " tasks");
        sc.sc().runJob(rdd.rdd(), process, handler, tag);
        double taskSeconds = span[1] > span[0] ? (span[1] - span[0]) / 1e9 : 0.0;
        return new Stats(total, reused, pending.size(), groups.size(), (System.nanoTime() - t0) / 1e9, taskSeconds);
    }

    /** Executor side: runs the tasks of one partition with one worker. */
    static ArrayList<TaskResult> runPartition(SweepSpec spec, SweepKind kind, Iterator<List<TaskKey>> it) {
        SweepKind.Worker worker = kind.worker(spec);
        ArrayList<TaskResult> out = new ArrayList<>();
        while (it.hasNext()) {
            for (TaskKey key : it.next()) {
                Cell cell = spec.grid().cell(key.cell());
                try {
                    out.add(new TaskResult(key, worker.run(cell, key.replication())));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("task " + key.id() + " failed: " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /**
     * Splits the pending tasks into partitions: costliest first (Spark schedules partitions in order, so the
     * long tasks do not finish last), dealt round-robin so that each partition gets a similar mix.
     */
    static List<List<TaskKey>> partition(SweepSpec spec, SweepKind kind, List<TaskKey> pending, int partitions) {
        if (partitions < 0) {
            throw new IllegalArgumentException("--partitions must be >= 0 (0 = one per task), got " + partitions);
        }
        int n = partitions == 0 ? Math.min(pending.size(), MAX_PARTITIONS) : Math.min(partitions, pending.size());
        List<TaskKey> order = new ArrayList<>(pending);
        double[] cost = new double[spec.grid().size()];
        for (TaskKey key : pending) {
            if (cost[key.cell()] == 0.0) {
                cost[key.cell()] = Math.max(Double.MIN_VALUE, kind.cost(spec.grid().cell(key.cell()), spec.settings()));
            }
        }
        order.sort(Comparator.comparingDouble((TaskKey key) -> -cost[key.cell()]).thenComparing(key -> key));
        List<List<TaskKey>> groups = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < order.size(); i++) {
            groups.get(i % n).add(order.get(i));
        }
        return groups;
    }
}
