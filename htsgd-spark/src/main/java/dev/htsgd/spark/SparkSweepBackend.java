package dev.htsgd.spark;

import dev.htsgd.cli.Json;
import dev.htsgd.cli.SweepCommand;
import dev.htsgd.cli.report.Checkpoint;
import dev.htsgd.cli.report.Progress;
import dev.htsgd.cli.report.Provenance;
import dev.htsgd.cli.report.RunDirectory;
import dev.htsgd.cli.report.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The {@code htsgd sweep} runner (registered for {@link SweepCommand.Backend} in META-INF/services): builds
 * the {@link SweepSpec} from the options, opens (or with {@code --resume} continues) the {@link RunDirectory},
 * runs the tasks missing from its {@code tasks/} store with {@link SparkSweepRunner} on the given master,
 * aggregates the stored results (one per task id) into results.json and CSV tables, and commits the run
 * directory. {@code tasks/} stays in the finished directory: it holds the result of every replication.
 */
public final class SparkSweepBackend implements SweepCommand.Backend {

    /** The folder of the completed-task files inside the run directory. */
    public static final String TASKS_DIR = "tasks";
    /** The Spark version on the class path. */
    public static final String SPARK_VERSION = org.apache.spark.package$.MODULE$.SPARK_VERSION();

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
        cmd.common.effectiveThreads(); // validates --threads
        SparkConf conf = new SparkConf();
        String master = cmd.master != null ? cmd.master
                : conf.get("spark.master", cmd.common.threads > 0 ? "local[" + cmd.common.threads + "]" : DEFAULT_MASTER);
        defaults(conf, master, "htsgd sweep " + spec.experiment());
        if (!master.startsWith("local") && !conf.contains("spark.jars")) {
            Path app = appJar();
            if (app != null) {
                conf.set("spark.jars", app.toUri().toString()); // executors of a cluster need the htsgd classes
            }
        }

        String name = "sweep-" + spec.experiment();
        Path out = cmd.common.out;
        boolean resume = cmd.run.resume;
        if (resume && out != null && !Files.isDirectory(partialOf(out))) {
            resume = false; // --resume with nothing unfinished at --out: a fresh sweep
        }
        RunOptions options = new RunOptions();
        options.force = cmd.run.force;
        options.resume = resume;
        Provenance provenance = Provenance.of("sweep", spec.config(kind.settingKeys()), spec.grid().seeds().get(0));
        List<TaskKey> all = SparkSweepRunner.tasks(spec, kind);
        PrintWriter stdout = cmd.spec.commandLine().getOut();
        try (RunDirectory run = RunDirectory.open(out, name, options, provenance)) {
            Checkpoint cp = run.checkpoint(); // records the fingerprint, so --resume refuses other options
            cp.put("sweep", Map.of("fingerprint", spec.fingerprint(kind.settingKeys()), "tasks", all.size()));
            cp.flush();
            TaskStore store = TaskStore.open(run.path().resolve(TASKS_DIR));
            kind = kind.in(run.path());

            JavaSparkContext given = shared;
            boolean created = given == null || given.sc().isStopped();
            JavaSparkContext sc = created ? new JavaSparkContext(conf) : given;
            String used = sc.master();
            run.log("Spark " + SPARK_VERSION + " master " + used + ", " + all.size() + " tasks in " + spec.grid().size()
                    + " cells");
            SparkSweepRunner.Stats stats;
            try (Progress progress = Progress.start("sweep", all.size(), cmd.common.quiet)) {
                int[] seen = {-1};
                stats = SparkSweepRunner.run(sc, spec, kind, store, cmd.partitions, (done, total) -> {
                    progress.advance(seen[0] < 0 ? done : done - seen[0]);
                    seen[0] = done;
                });
            } catch (RuntimeException e) {
                int stored = store.load().size();
                run.log("failed after storing " + stored + " of " + all.size() + " tasks: " + rootMessage(e));
                throw new IllegalStateException("sweep failed after storing " + stored + " of " + all.size()
                        + " tasks in " + run.path() + "; add --resume (same options and --out "
                        + run.target() + ") to continue (" + rootMessage(e) + ")", e);
            } finally {
                if (created) {
                    sc.stop();
                }
            }
            run.log(String.format(Locale.ROOT, "%d tasks: %d reused, %d computed in %.1f s on %d partitions",
                    stats.total(), stats.reused(), stats.computed(), stats.seconds(), stats.partitions()));

            Map<TaskKey, String> results = store.load();
            SweepKind.SweepOutcome outcome = kind.aggregate(spec, results);
            Map<String, Object> all2 = new LinkedHashMap<>();
            all2.put("experiment", spec.experiment());
            all2.put("fingerprint", spec.fingerprint(kind.settingKeys()));
            all2.put("cells", spec.grid().size());
            Map<String, Object> tasks = new LinkedHashMap<>();
            tasks.put("total", stats.total());
            tasks.put("reused", stats.reused());
            tasks.put("computed", stats.computed());
            tasks.put("partitions", stats.partitions());
            tasks.put("seconds", stats.seconds());
            tasks.put("tasks_per_second", Double.isNaN(stats.tasksPerSecond()) ? null : stats.tasksPerSecond());
            all2.put("tasks", tasks);
            all2.put("master", used);
            all2.put("spark_version", SPARK_VERSION);
            all2.putAll(outcome.results());
            if (outcome.results().get("total_steps") instanceof Long steps && stats.computed() == stats.total()
                    && stats.seconds() > 0) {
                tasks.put("steps_per_second", steps / stats.seconds()); // all steps were computed in this run
            }
            run.writeResults(all2);
            for (Map.Entry<String, List<Map<String, Object>>> t : outcome.tables().entrySet()) {
                List<Map<String, Object>> rows = t.getValue();
                List<String> header = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
                run.writeCsv(t.getKey(), header, rows.stream().map(r -> new ArrayList<>(r.values())).toList());
            }
            Path done = run.commit();
            if (cmd.common.json()) {
                Json.print(stdout, all2);
            } else {
                stdout.println(outcome.summary());
                stdout.printf(Locale.ROOT, "%d tasks: %d reused, %d computed in %.1f s (%.1f tasks/s) on %s%n",
                        stats.total(), stats.reused(), stats.computed(), stats.seconds(),
                        Double.isNaN(stats.tasksPerSecond()) ? 0.0 : stats.tasksPerSecond(), used);
                stdout.println("run directory: " + done);
                stdout.flush();
            }
        }
        return 0;
    }

    /**
     * {@code htsgd-spark-app.jar} beside the jar this class was loaded from ({@code ./mvnw -Papp ...} builds it
     * in htsgd-spark/target), or null.
     */
    static Path appJar() {
        try {
            Path here = Path.of(SparkSweepBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(here) ? here.getParent() : here.getParent();
            Path app = dir.resolve("htsgd-spark-app.jar");
            return Files.isRegularFile(app) ? app : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The unfinished sibling of a run directory. */
    static Path partialOf(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + RunDirectory.PARTIAL_SUFFIX);
    }

    /** The spec the options describe. */
    public static SweepSpec specOf(SweepCommand cmd) {
        List<Double> clips = cmd.clip.stream().map(SweepGrid::parseClip).toList();
        List<Double> etas = cmd.eta.stream().map(SweepGrid::parseEta).toList();
        SweepGrid grid = SweepGrid.of(cmd.target, cmd.landscape, cmd.noise, cmd.alpha, cmd.scale, clips, etas,
                cmd.seedList());
        SweepSettings settings = SweepSettings.of(cmd.domain, cmd.ball, cmd.normalScale, cmd.x0, cmd.basin,
                cmd.samples, cmd.maxSteps, cmd.steps, cmd.paths, cmd.batch, cmd.level, cmd.horizon,
                cmd.clipMode, cmd.project, cmd.method, cmd.size);
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
}
