package dev.htsgd.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.spark.TaskContext;

/**
 * A trivial deterministic experiment for the plumbing tests: task (cell, r) sums 100 uniforms from a stream
 * seeded by (cell seed, r) and scales by eta. Counts executions (local mode runs executors in this JVM), and
 * can fail chosen tasks always or on their first attempt.
 */
public class CountingKind implements SweepKind {

    public static final AtomicInteger EXECUTIONS = new AtomicInteger();
    public static final Set<String> ALWAYS_FAIL = ConcurrentHashMap.newKeySet();
    /** Tasks that always fail as bad input (IllegalArgumentException). */
    public static final Set<String> BAD_INPUT = ConcurrentHashMap.newKeySet();
    public static volatile boolean failFirstAttempt;

    private final int replications;

    public CountingKind(int replications) {
        this.replications = replications;
    }

    /** Makes sweeps of this JVM find this experiment as {@code --experiment counting}. */
    public static void register(int replications) {
        SparkSweep.kinds(name -> name.equals("counting") ? new CountingKind(replications) : SweepKinds.of(name));
    }

    /** Forgets the registration, the injected failures and the execution count. */
    public static void reset() {
        SparkSweep.kinds(null);
        EXECUTIONS.set(0);
        ALWAYS_FAIL.clear();
        BAD_INPUT.clear();
        failFirstAttempt = false;
    }

    static double value(Cell cell, int r) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {cell.seed(), r});
        double s = 0;
        for (int i = 0; i < 100; i++) {
            s += rng.nextDouble();
        }
        return s * cell.eta();
    }

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public List<String> settingKeys() {
        return List.of();
    }

    @Override
    public void validate(SweepSpec spec) {
    }

    @Override
    public int tasks(Cell cell, SweepSettings settings) {
        return replications;
    }

    @Override
    public Worker worker(SweepSpec spec) {
        return (cell, r) -> {
            EXECUTIONS.incrementAndGet();
            TaskKey key = TaskKey.of(cell.index(), r);
            if (ALWAYS_FAIL.contains(key.id())) {
                throw new IllegalStateException("injected failure of " + key.id());
            }
            if (BAD_INPUT.contains(key.id())) {
                throw new IllegalArgumentException("--level injected bad input of " + key.id());
            }
            if (failFirstAttempt && TaskContext.get() != null && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("injected first-attempt failure of " + key.id());
            }
            return "{\"value\":" + value(cell, r) + "}";
        };
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Cell cell : spec.cells()) {
            double sum = 0;
            int n = 0;
            for (int r = 0; r < replications; r++) {
                String json = results.get(TaskKey.of(cell.index(), r));
                if (json != null) {
                    sum += Double.parseDouble(json.substring(json.indexOf(':') + 1, json.length() - 1));
                    n++;
                }
            }
            Map<String, Object> row = new LinkedHashMap<>(cell.describe());
            row.put("sum", sum);
            row.put("n", n);
            rows.add(row);
        }
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("cells", rows);
        return new SweepOutcome(res, Map.of("cells.csv", rows), "cells: " + rows.size());
    }
}
