package dev.htsgd.spark;

import dev.htsgd.run.Checkpoint;
import dev.htsgd.run.Progress;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.run.RunMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One sweep end to end, the entry point of this module ({@link #run(SweepRequest)}; {@code htsgd sweep} and
 * spark-submit reach it through htsgd-app): checks the request, opens (or with resume continues) the
 * {@link RunDirectory}, runs the tasks missing from its {@code tasks/} store with {@link SparkSweepRunner} on the
 * master, aggregates the stored results (one per task id) into results.json and CSV tables, and commits the run
 * directory. {@code tasks/} stays in the finished directory: it holds the result of every replication.
 */
public final class SparkSweep {

    /** The folder of the completed-task files inside the run directory. */
    public static final String TASKS_DIR = "tasks";
    /** The Spark version on the class path. */
    public static final String SPARK_VERSION = org.apache.spark.package$.MODULE$.SPARK_VERSION();

    private static volatile JavaSparkContext shared;

    /**
     * Makes sweeps in this JVM run on an existing context (tests, notebooks) instead of starting and
     * stopping their own; the master of the request is then ignored. Null restores the default.
     */
    public static void share(JavaSparkContext context) {
        shared = context;
    }

    /** The master used when neither the request nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** Where the experiments come from by name; tests add their own (see {@link #kinds}). */
    private static volatile Function<String, SweepKind> kinds = SweepKinds::of;

    /**
     * Tests and embedders: look experiments up with {@code lookup} instead of {@link SweepKinds#of} (an
     * experiment that is not registered for {@link java.util.ServiceLoader}); null restores it.
     */
    public static void kinds(Function<String, SweepKind> lookup) {
        kinds = lookup == null ? SweepKinds::of : lookup;
    }

    /** The master URLs a sweep accepts, as the error message lists them. */
    static final String MASTERS = "local, local[N], local[*], local[N,M] (M = attempts per task), "
            + "spark://HOST:PORT[,HOST:PORT...], yarn or k8s://URL";

    private static final Pattern LOCAL = Pattern.compile("local\\[\\s*(\\d{1,9}|\\*)\\s*(?:,\\s*(\\d{1,9})\\s*)?]");
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*]");
    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):(\\d{1,5})");

    /**
     * The JVM options of the vector engine on one line: the java argument file that the launcher gives the driver
     * (the resource dev/htsgd/dynamics/vector-engine.options of htsgd-core), for the executors.
     */
    static String vectorEngineOptions() {
        try (java.io.InputStream in = dev.htsgd.dynamics.Engine.class.getResourceAsStream("vector-engine.options")) {
            if (in == null) {
                throw new IllegalStateException("htsgd-core has no resource dev/htsgd/dynamics/vector-engine.options");
            }
            return String.join(" ", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip()
                    .split("\\s+"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SparkSweep() {
    }

    /**
     * Runs the sweep of {@code request} and returns its results; the run directory holds them when this returns.
     * Every option is checked before the run directory or a Spark context exists (bad input is an
     * IllegalArgumentException naming the option); a failed job is one line with the task's own error,
     * IllegalArgumentException when that error is bad input, else IllegalStateException, with the resume hint
     * when tasks were stored. On a cluster master the application jar must hold the driver's classes
     * ({@link #checkAppJar}, IllegalStateException before anything is created), and a resume whose code differs
     * from the one that stored the tasks ({@link TaskCode}) is an IllegalArgumentException naming the classes.
     */
    public static SweepResult run(SweepRequest request) throws Exception {
        SweepSpec spec = request.spec();
        SweepKind kind = kinds.apply(spec.experiment());
        if ("auto".equals(spec.settings().engine())) {
            // resolved once, here: every task then runs on the same engine whichever executor takes it
            spec = SweepSpec.of(spec.experiment(), spec.grid(),
                    spec.settings().withEngine(kind.engineForAuto(spec).cliName()));
        }
        kind.validate(spec);
        if (request.partitions() < 0) {
            throw new IllegalArgumentException("--partitions must be >= 0 (0 = one per task), got " + request.partitions());
        }
        checkTaskCount(spec, kind);
        if (request.threads() < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = all cores), got " + request.threads());
        }
        SparkOptions options = request.spark();
        SparkConf conf = new SparkConf();
        options.conf().forEach(conf::set); // --conf first: like spark-submit's, the explicit options below win
        String master = request.master() != null ? checkMaster(request.master(), "--master")
                : checkMaster(conf.get("spark.master", request.threads() > 0 ? "local[" + request.threads() + "]"
                        : DEFAULT_MASTER), "spark.master");
        boolean local = master.startsWith("local");
        defaults(conf, master, "htsgd sweep " + spec.experiment());
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
        if (isa != null && !conf.contains("spark.executorEnv.ONEDNN_MAX_CPU_ISA")) {
            // executors train too: they need the launcher's cap on oneDNN kernels (dl.model.ConvolutionCheck)
            conf.set("spark.executorEnv.ONEDNN_MAX_CPU_ISA", isa);
        }
        if (!local && spec.settings().engineValue() == dev.htsgd.dynamics.Engine.VECTOR) {
            // the executors' JVMs need what the launcher gives the driver for the vector engine: the module, the
            // passes compiled one by one
            String given = conf.get("spark.executor.extraJavaOptions", "");
            conf.set("spark.executor.extraJavaOptions", (given + " " + vectorEngineOptions()).strip());
        }
        conf.setIfMissing("spark.log.level", options.logLevel());
        driverAddress(conf, master, options.driverHost());
        // the code the tasks run, checked against the jar a cluster's executors get, and fingerprinted for --resume
        TaskCode code = TaskCode.ofClassPath(codeLoader());
        if (!local && !conf.contains("spark.jars") && !conf.contains("spark.submit.deployMode")) {
            conf.set("spark.jars", checkAppJar(request.appJar(), code, master).toUri().toString());
        }

        String name = "sweep-" + spec.experiment();
        Path out = request.out();
        boolean resume = request.mode().resume();
        if (resume && out != null && !Files.isDirectory(partialOf(out))) {
            resume = false; // resume with nothing unfinished at the output: a fresh sweep
        }
        RunMode mode = new RunMode(request.mode().force(), resume);
        Provenance provenance = Provenance.of("sweep", spec.config(kind.settingKeys()), spec.grid().seeds().get(0));
        List<TaskKey> all = SparkSweepRunner.tasks(spec, kind);
        try (RunDirectory run = RunDirectory.open(out, name, mode, provenance)) {
            Checkpoint cp = run.checkpoint(); // records the fingerprint, so --resume refuses other options
            cp.put("sweep", Map.of("fingerprint", spec.fingerprint(kind.settingKeys()), "tasks", all.size()));
            checkCode(cp, code, run.path());
            cp.put(CODE_KEY, Map.of("sha256", code.sha256(), "classes", code.classes()));
            cp.flush();
            TaskStore store = TaskStore.open(run.path().resolve(TASKS_DIR));
            kind = kind.in(run.path());

            JavaSparkContext given = shared;
            boolean created = given == null || given.sc().isStopped();
            JavaSparkContext sc = created ? start(conf, master) : given;
            String used = sc.master();
            run.log("Spark " + SPARK_VERSION + " master " + used + ", " + all.size() + " tasks in " + spec.grid().size()
                    + " cells");
            SparkSweepRunner.Stats stats;
            try (Progress progress = Progress.start("sweep", all.size(), request.quiet())) {
                int[] seen = {-1};
                stats = SparkSweepRunner.run(sc, spec, kind, store, request.partitions(), (done, total) -> {
                    progress.advance(seen[0] < 0 ? done : done - seen[0]);
                    seen[0] = done;
                });
            } catch (Exception e) { // a failed job is a SparkException (checked), whose message is a stack trace
                int stored = store.load().size();
                SweepFailure.TaskError error = SweepFailure.of(e, used.startsWith("local"));
                run.log("failed after storing " + stored + " of " + all.size() + " tasks: " + error.message());
                String message = error.message() + (stored == 0 ? " (no task completed)"
                        : "; stored " + stored + " of " + all.size() + " tasks in " + run.path()
                        + ", add --resume (same options and --out " + run.target() + ") to continue");
                throw error.badInput() ? new IllegalArgumentException(message, e) : new IllegalStateException(message, e);
            } finally {
                if (created) {
                    sc.stop();
                }
            }
            run.log(String.format(Locale.ROOT, "%d tasks: %d reused, %d computed in %.1f s (job), %.1f s (tasks) on %d partitions",
                    stats.total(), stats.reused(), stats.computed(), stats.seconds(), stats.taskSeconds(),
                    stats.partitions()));

            Map<TaskKey, String> results = store.load();
            SweepKind.SweepOutcome outcome = kind.aggregate(spec, results);
            Map<String, Object> all2 = new LinkedHashMap<>();
            all2.put("experiment", spec.experiment());
            all2.put("fingerprint", spec.fingerprint(kind.settingKeys()));
            all2.put("cells", spec.grid().size());
            all2.put("engine", spec.settings().engine());
            Map<String, Object> tasks = new LinkedHashMap<>();
            tasks.put("total", stats.total());
            tasks.put("reused", stats.reused());
            tasks.put("computed", stats.computed());
            tasks.put("partitions", stats.partitions());
            tasks.put("seconds", stats.seconds());
            tasks.put("job_seconds", stats.seconds());
            tasks.put("task_seconds", stats.taskSeconds());
            tasks.put("tasks_per_second", Double.isNaN(stats.tasksPerSecond()) ? null : stats.tasksPerSecond());
            all2.put("tasks", tasks);
            all2.put("master", used);
            all2.put("spark_version", SPARK_VERSION);
            all2.put("code_sha256", code.sha256());
            all2.putAll(outcome.results());
            if (outcome.results().get("total_steps") instanceof Long steps && stats.computed() == stats.total()
                    && stats.seconds() > 0) {
                // all steps were computed in this run: per second of the job, and of the tasks (no executor start-up)
                tasks.put("steps_per_second", steps / stats.seconds());
                tasks.put("steps_per_second_job", steps / stats.seconds());
                if (stats.taskSeconds() > 0) {
                    tasks.put("steps_per_second_tasks", steps / stats.taskSeconds());
                }
            }
            run.writeResults(all2);
            for (Map.Entry<String, List<Map<String, Object>>> t : outcome.tables().entrySet()) {
                List<Map<String, Object>> rows = t.getValue();
                List<String> header = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
                run.writeCsv(t.getKey(), header, rows.stream().map(r -> new ArrayList<>(r.values())).toList());
            }
            Path done = run.commit();
            return new SweepResult(all2, outcome.summary(), stats, used, done);
        }
    }

    /** The checkpoint entry that records {@link TaskCode} of the run. */
    static final String CODE_KEY = "code";

    /** The class loader of the code the tasks run: the application's (spark-submit adds its jar to it). */
    static ClassLoader codeLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : SparkSweep.class.getClassLoader();
    }

    /**
     * The jar a cluster's executors load, when it holds the driver's code: refused when it is missing (they
     * would fail with ClassNotFoundException) or when any of its classes differs from the driver's (they would
     * run older code).
     */
    static Path checkAppJar(Path appJar, TaskCode driver, String master) {
        String build = "build it with ./mvnw -Papp -pl htsgd-app -am package -DskipTests (./htsgd sweep --master does)"
                + " or name a jar with --conf spark.jars=URL";
        if (appJar == null || !Files.isRegularFile(appJar)) {
            throw new IllegalStateException("the executors of " + master + " need the htsgd application jar "
                    + "(htsgd-app/target/htsgd-spark-app.jar), which is missing: " + build);
        }
        List<String> stale = TaskCode.ofJar(appJar).staleAgainst(driver);
        if (!stale.isEmpty()) {
            throw new IllegalStateException("the application jar " + appJar + " is stale: " + stale.size()
                    + " of its classes differ from the driver's (" + TaskCode.list(stale, 3) + "); re" + build);
        }
        return appJar;
    }

    /**
     * Refuses to continue a sweep whose stored tasks were computed by other code (the checkpoint's {@link TaskCode});
     * a checkpoint of a version that recorded none is continued.
     */
    static void checkCode(Checkpoint cp, TaskCode code, Path run) {
        @SuppressWarnings("unchecked")
        Map<String, Object> before = cp.get(CODE_KEY, Map.class);
        if (before == null || code.sha256().equals(before.get("sha256"))) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> classes = before.get("classes") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        TaskCode then = new TaskCode(String.valueOf(before.get("sha256")), classes);
        List<String> changed = code.changedFrom(then);
        throw new IllegalArgumentException("--resume: the code that runs in tasks changed since the sweep in " + run
                + " started (" + changed.size() + " classes: " + TaskCode.list(changed, 3) + "; code "
                + then.shortHash() + " then, " + code.shortHash() + " now), so its stored tasks cannot be mixed with new ones; "
                + "resume with the code that started it, or use --force to start again");
    }

    /**
     * Sets where the driver listens ({@code spark.driver.host} and {@code spark.driver.bindAddress}): the
     * {@code host} asked for, else on a cluster the local address of the route to the master unless the
     * configuration names one ({@link DriverAddress#routeTo}).
     */
    static void driverAddress(SparkConf conf, String master, String host) {
        if (host != null) {
            conf.set("spark.driver.host", host);
            conf.set("spark.driver.bindAddress", host);
            return;
        }
        if (!master.startsWith("local") && !conf.contains("spark.driver.host")) {
            String route = DriverAddress.routeTo(master);
            if (route != null) {
                conf.set("spark.driver.host", route);
                conf.setIfMissing("spark.driver.bindAddress", route);
            }
        }
    }

    /** The unfinished sibling of a run directory. */
    static Path partialOf(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + RunDirectory.PARTIAL_SUFFIX);
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

    /** A Spark context on {@code master}; a failure to start is one line (bad input when Spark says so). */
    static JavaSparkContext start(SparkConf conf, String master) {
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // SparkException (checked) or Spark's IllegalArgumentException, often several lines
            String m = "cannot start Spark on " + master + ": " + SweepFailure.oneLine(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e instanceof IllegalArgumentException ? new IllegalArgumentException(m, e) : new IllegalStateException(m, e);
        }
    }

    /**
     * The master URL, stripped, when it has a form Spark 4 accepts (local, local[N], local[*], local[N,M],
     * local-cluster[N,C,M], spark://HOST:PORT,..., yarn, k8s://URL); else bad input naming {@code option}.
     * Nothing is contacted: an unreachable cluster shows when the job runs.
     */
    static String checkMaster(String master, String option) {
        String m = master == null ? "" : master.strip();
        if (!validMaster(m)) {
            throw new IllegalArgumentException(option + " must be " + MASTERS + ", got '" + master + "'");
        }
        return m;
    }

    static boolean validMaster(String m) {
        if (m.equals("local") || m.equals("yarn")) {
            return true;
        }
        Matcher local = LOCAL.matcher(m);
        if (local.matches()) {
            return (local.group(1).equals("*") || Integer.parseInt(local.group(1)) >= 1)
                    && (local.group(2) == null || Integer.parseInt(local.group(2)) >= 1);
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(m);
        if (cluster.matches()) {
            return Integer.parseInt(cluster.group(1)) >= 1 && Integer.parseInt(cluster.group(2)) >= 1
                    && Integer.parseInt(cluster.group(3)) >= 1;
        }
        if (m.startsWith("spark://")) {
            String[] hosts = m.substring("spark://".length()).split(",", -1);
            for (String h : hosts) {
                Matcher hp = HOST_PORT.matcher(h.strip());
                if (!hp.matches() || Integer.parseInt(hp.group(1)) < 1 || Integer.parseInt(hp.group(1)) > 65535) {
                    return false;
                }
            }
            return true;
        }
        if (m.startsWith("k8s://")) {
            String rest = m.substring("k8s://".length());
            try {
                URI uri = new URI(rest.contains("://") ? rest : "https://" + rest);
                return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                        && !uri.getHost().isEmpty();
            } catch (URISyntaxException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Refuses a sweep of more than {@link SparkSweepRunner#MAX_TASKS} tasks before listing them (the driver
     * holds one key per task), naming the options that multiply them.
     */
    static void checkTaskCount(SweepSpec spec, SweepKind kind) {
        long n = 0;
        for (Cell cell : spec.cells()) {
            n += kind.tasks(cell, spec.settings());
        }
        if (n > SparkSweepRunner.MAX_TASKS) {
            String per = switch (kind.name()) {
                case "exit-times" -> "--samples";
                case "simulate" -> "--paths";
                case "rare-event" -> "--samples / --batch";
                default -> null;
            };
            throw new IllegalArgumentException("the sweep must have at most " + SparkSweepRunner.MAX_TASKS
                    + " tasks, got " + n + " (" + spec.grid().size() + " cells x " + (per == null ? "tasks per cell" : per)
                    + "); lower " + (per == null ? "" : per + " or ") + "the grid");
        }
    }
}
