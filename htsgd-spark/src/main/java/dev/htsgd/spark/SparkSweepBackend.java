package dev.htsgd.spark;

import dev.htsgd.cli.Json;
import dev.htsgd.cli.SweepCommand;
import dev.htsgd.cli.VersionProvider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The {@code htsgd sweep} runner (registered for {@link SweepCommand.Backend} in META-INF/services): builds
 * the {@link SweepSpec} from the options, opens (or resumes) the run directory, runs the pending tasks with
 * {@link SparkSweepRunner} on the given master, aggregates the stored results and completes the run
 * directory.
 */
public final class SparkSweepBackend implements SweepCommand.Backend {

    private static volatile JavaSparkContext shared;

    /**
     * Makes sweeps in this JVM run on an existing context (tests, notebooks) instead of starting and
     * stopping their own; {@code --master} is then ignored. Null restores the default.
     */
    public static void share(JavaSparkContext context) {
        shared = context;
    }

    /** The master used when neither --master nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    @Override
    public int run(SweepCommand cmd) throws Exception {
        SweepSpec spec = specOf(cmd);
        SweepKind kind = SweepKinds.of(spec.experiment());
        kind.validate(spec);
        if (cmd.partitions < 0) {
            throw new IllegalArgumentException("--partitions must be >= 0 (0 = one per task), got " + cmd.partitions);
        }
        Path out = cmd.common.out != null ? cmd.common.out
                : Path.of("htsgd-runs", "sweep-" + spec.experiment() + "-" + spec.fingerprint(kind.settingKeys()).substring(0, 8));
        PrintWriter err = cmd.spec.commandLine().getErr();
        PrintWriter stdout = cmd.spec.commandLine().getOut();
        SweepRunDirectory dir = SweepRunDirectory.open(out, spec, kind, cmd.resume, cmd.force);

        SparkConf conf = new SparkConf();
        cmd.common.effectiveThreads(); // validates --threads
        String master = cmd.master != null ? cmd.master
                : conf.get("spark.master", cmd.common.threads > 0 ? "local[" + cmd.common.effectiveThreads() + "]" : DEFAULT_MASTER);
        defaults(conf, master, "htsgd sweep " + spec.experiment());
        JavaSparkContext given = shared;
        boolean created = given == null || given.sc().isStopped();
        JavaSparkContext sc = created ? new JavaSparkContext(conf) : given;
        master = sc.master();
        SparkSweepRunner.Stats stats;
        Progress progress = new Progress(err, cmd.common.quiet || cmd.common.json());
        try {
            stats = SparkSweepRunner.run(sc, spec, kind, dir.store(), cmd.partitions, progress);
        } catch (RuntimeException e) {
            int stored = dir.store().load().size();
            throw new IllegalStateException("sweep failed after storing " + stored + " of "
                    + SparkSweepRunner.tasks(spec, kind).size() + " tasks in " + dir.work()
                    + "; run the same command again to resume (" + rootMessage(e) + ")", e);
        } finally {
            progress.done();
            if (created) {
                sc.stop();
            }
        }
        Map<TaskKey, String> results = dir.store().load();
        SweepKind.SweepOutcome outcome = kind.aggregate(spec, results);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("experiment", spec.experiment());
        all.put("fingerprint", spec.fingerprint(kind.settingKeys()));
        all.put("cells", spec.grid().size());
        Map<String, Object> tasks = new LinkedHashMap<>();
        tasks.put("total", stats.total());
        tasks.put("reused", stats.reused());
        tasks.put("computed", stats.computed());
        tasks.put("partitions", stats.partitions());
        tasks.put("seconds", stats.seconds());
        tasks.put("tasks_per_second", Double.isNaN(stats.tasksPerSecond()) ? null : stats.tasksPerSecond());
        all.put("tasks", tasks);
        all.put("master", master);
        all.putAll(outcome.results());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("htsgd", VersionProvider.version());
        provenance.put("java", System.getProperty("java.version"));
        provenance.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        provenance.put("master", master);
        Path done = dir.complete(all, outcome.tables(), provenance,
                String.format("sweep %s: %d tasks (%d reused, %d computed) in %.1f s on %s%n",
                        spec.experiment(), stats.total(), stats.reused(), stats.computed(), stats.seconds(), master));
        if (cmd.common.json()) {
            Json.print(stdout, all);
        } else {
            stdout.println(outcome.summary());
            stdout.printf("%d tasks: %d reused, %d computed in %.1f s (%.1f tasks/s) on %s%n", stats.total(),
                    stats.reused(), stats.computed(), stats.seconds(),
                    Double.isNaN(stats.tasksPerSecond()) ? 0.0 : stats.tasksPerSecond(), master);
            stdout.println("run directory: " + done);
            stdout.flush();
        }
        return 0;
    }

    /** The spec the options describe. */
    public static SweepSpec specOf(SweepCommand cmd) {
        List<Double> clips = cmd.clip.stream().map(SweepGrid::parseClip).toList();
        SweepGrid grid = SweepGrid.of(cmd.target, cmd.landscape, cmd.noise, cmd.alpha, cmd.scale, clips, cmd.eta,
                cmd.seedList());
        SweepSettings settings = SweepSettings.of(cmd.domain, cmd.ball, cmd.normalScale, cmd.x0, cmd.basin,
                cmd.samples, cmd.maxSteps, cmd.steps, cmd.paths, cmd.batch);
        return SweepSpec.of(cmd.experiment, grid, settings);
    }

    /**
     * Sets the master and the defaults of an embedded run: on local masters no web UI and a loopback driver
     * address (a sweep needs no network there); quiet logs are the class path's business (slf4j).
     */
    public static SparkConf defaults(SparkConf conf, String master, String appName) {
        conf.setMaster(master).setIfMissing("spark.app.name", appName);
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        return conf;
    }

    static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        String m = r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /** A one-line progress bar with an ETA on stderr. */
    static final class Progress implements SparkSweepRunner.Listener {
        private final PrintWriter err;
        private final boolean quiet;
        private final long start = System.nanoTime();
        private long last;
        private int first = -1;
        private boolean printed;

        Progress(PrintWriter err, boolean quiet) {
            this.err = err;
            this.quiet = quiet;
        }

        @Override
        public synchronized void progress(int done, int total) {
            if (quiet) {
                return;
            }
            if (first < 0) {
                first = done;
            }
            long now = System.nanoTime();
            if (done < total && now - last < 1_000_000_000L) {
                return;
            }
            last = now;
            double secs = (now - start) / 1e9;
            int fresh = done - first;
            String eta = fresh > 0 && done < total ? String.format(", ETA %.0f s", secs / fresh * (total - done)) : "";
            err.printf("\rsweep: %d/%d tasks (%.0f%%)%s   ", done, total, 100.0 * done / Math.max(1, total), eta);
            err.flush();
            printed = true;
        }

        void done() {
            if (printed) {
                err.println();
                err.flush();
            }
        }
    }
}
