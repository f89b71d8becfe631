package dev.htsgd.spark;

import java.io.Serializable;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options of a sweep that are the same in every cell: projection ({@code domain}, {@code ball}), the
 * Gaussian part of mixture noise, the start {@code x0}, and the sizes of the experiments (exit-times:
 * {@code basin}, {@code samples}, {@code maxSteps}; simulate: {@code steps}, {@code paths}; rare-event:
 * {@code samples}, {@code batch}, {@code method} is|mc, the event level and the horizon in steps, 0 meaning floor(1/eta)),
 * and the path {@code engine} of every task, scalar or vector; auto is resolved once on the driver
 * ({@link SweepKind#engineForAuto}) before any task runs, since each executor would resolve it by its own JVM and a
 * task's numbers would then depend on where it ran.
 * Nullable fields are options that were not given.
 */
public record SweepSettings(String domain, Double ball, Double normalScale, String x0, int basin, long samples,
                            long maxSteps, long steps, int paths, long batch, double level, long horizon,
                            String clipMode, boolean project, String method, String size, String engine)
        implements Serializable {

    /** Validates eagerly; messages name the option and its allowed range. */
    public static SweepSettings of(String domain, Double ball, Double normalScale, String x0, int basin,
                                   long samples, long maxSteps, long steps, int paths, long batch,
                                   double level, long horizon) {
        return of(domain, ball, normalScale, x0, basin, samples, maxSteps, steps, paths, batch, level, horizon,
                "l2", true, "is", "full", "scalar");
    }

    /**
     * As above with the clipping mode ({@code --clip-mode}), projection ({@code --[no-]project}), estimator, size
     * of reproduce targets and path engine.
     */
    public static SweepSettings of(String domain, Double ball, Double normalScale, String x0, int basin,
                                   long samples, long maxSteps, long steps, int paths, long batch,
                                   double level, long horizon, String clipMode, boolean project, String method,
                                   String size, String engine) {
        dev.htsgd.dynamics.Engine.parse(engine, "engine"); // validates the name, in the library's words
        if (!java.util.List.of("full", "quick", "tiny").contains(size)) {
            throw new IllegalArgumentException("--size must be full, quick or tiny, got " + size);
        }
        dev.htsgd.study.RareEventStudy.Method.of(method); // validates the name, in the library's words
        dev.htsgd.dynamics.Clipping.parse(clipMode); // validates the name
        if (ball != null && !(ball > 0 && Double.isFinite(ball))) {
            throw new IllegalArgumentException("--ball must be in (0, inf), got " + ball);
        }
        if (normalScale != null && !(normalScale >= 0 && Double.isFinite(normalScale))) {
            throw new IllegalArgumentException("--normal-scale must be in [0, inf), got " + normalScale);
        }
        if (basin < 0) {
            throw new IllegalArgumentException("--basin must be >= 0, got " + basin);
        }
        if (samples < 1 || samples > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--samples must be in [1, 2147483647], got " + samples);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("--max-steps must be >= 1, got " + maxSteps);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        }
        if (paths < 1) {
            throw new IllegalArgumentException("--paths must be >= 1, got " + paths);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be >= 1, got " + batch);
        }
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("--level must be finite, got " + level);
        }
        if (horizon < 0) {
            throw new IllegalArgumentException("--horizon must be >= 0 (0 = floor(1/eta)), got " + horizon);
        }
        return new SweepSettings(domain, ball, normalScale, x0 == null ? "min" : x0.strip(), basin, samples,
                maxSteps, steps, paths, batch, level, horizon, clipMode.strip().toLowerCase(Locale.ROOT),
                project, method, size, engine);
    }

    /** Defaults of {@code htsgd sweep}, for tests and library use. */
    public static SweepSettings defaults() {
        return of(null, null, null, "min", 1, 20, 10_000_000L, 1_000_000L, 10, 100_000L, 0.0, 0L);
    }

    /** The path engine of every task. */
    public dev.htsgd.dynamics.Engine engineValue() {
        return dev.htsgd.dynamics.Engine.parse(engine, "engine");
    }

    /** These settings with the path engine {@code e} (the driver's resolution of auto: {@link SparkSweep#run}). */
    public SweepSettings withEngine(String e) {
        return of(domain, ball, normalScale, x0, basin, samples, maxSteps, steps, paths, batch, level, horizon, clipMode, project, method, size, e);
    }

    public SweepSettings withSamples(long n) {
        return of(domain, ball, normalScale, x0, basin, n, maxSteps, steps, paths, batch, level, horizon, clipMode, project, method, size, engine);
    }

    public SweepSettings withMaxSteps(long n) {
        return of(domain, ball, normalScale, x0, basin, samples, n, steps, paths, batch, level, horizon, clipMode, project, method, size, engine);
    }

    public SweepSettings withSteps(long n, int p) {
        return of(domain, ball, normalScale, x0, basin, samples, maxSteps, n, p, batch, level, horizon, clipMode, project, method, size, engine);
    }

    public SweepSettings withBatch(long n) {
        return of(domain, ball, normalScale, x0, basin, samples, maxSteps, steps, paths, n, level, horizon, clipMode, project, method, size, engine);
    }

    public SweepSettings withEvent(double l, long h, String m) {
        return of(domain, ball, normalScale, x0, basin, samples, maxSteps, steps, paths, batch, l, h, clipMode, project, m, size, engine);
    }

    public SweepSettings withStart(String start, int basinIndex) {
        return of(domain, ball, normalScale, start, basinIndex, samples, maxSteps, steps, paths, batch, level, horizon, clipMode, project, method, size, engine);
    }

    /**
     * All settings by option name (nulls left out), in declaration order: each component under its option name,
     * the kebab-case of the component's ({@code maxSteps} is {@code max-steps}).
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (RecordComponent c : SweepSettings.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v != null) {
                m.put(c.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT), v);
            }
        }
        return m;
    }
}
