package dev.htsgd.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.htsgd.cli.CliRun;
import dev.htsgd.run.Json;
import dev.htsgd.spark.SparkSweep;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code htsgd sweep --master spark://127.0.0.1:PORT} on a real standalone cluster: a master and one worker in
 * their own JVMs with Spark jars only on their class path, so the executors run the htsgd classes of the
 * application jar that the build made just before this test (target/htsgd-spark-app.jar, shipped by the sweep).
 * The results equal those of local[2] bit for bit; a second sweep whose worker is killed (SIGKILL, executor
 * included) mid-sweep and replaced by a new one finishes with every task stored exactly once and the same results.
 *
 * <p>Run by {@code ./mvnw verify} (the cluster-test execution of htsgd-app's pom, after the application jar is
 * built); it asserts no timings but prints them. Nothing is left running: the cluster is closed in finally and by
 * a shutdown hook.
 */
class StandaloneClusterIT {

    @TempDir
    Path tmp;

    /**
     * 2 seeds x 12 simulate paths (one task each on the scalar engine) of 6e5 steps: a few seconds on one core, long
     * enough to kill a worker in.
     */
    static final String[] SWEEP = {"sweep", "--experiment", "simulate", "--landscape", "iclr1d", "--noise", "pareto",
        "--alpha", "1.2", "--scale", "0.1", "--clip", "0.5", "--eta", "0.001", "--x0", "0.3", "--paths", "12",
        "--steps", "6e5", "--seeds", "5,6", "--quiet", "--format", "json", "--engine", "scalar"};

    static String[] with(String... more) {
        return Stream.concat(Stream.of(SWEEP), Stream.of(more)).toArray(String[]::new);
    }

    static JsonNode sweep(String... more) throws IOException {
        String[] r = CliRun.run(with(more));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        return Json.MAPPER.readTree(r[1]);
    }

    /** {@link #sweep} on the vector engine ({@link #SWEEP}'s last option changed). */
    static JsonNode sweepOnLanes(String... more) throws IOException {
        String[] args = with(more);
        args[SWEEP.length - 1] = "vector";
        String[] r = CliRun.run(args);
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        return Json.MAPPER.readTree(r[1]);
    }

    /** What a sweep computed: results.json without the keys that say where and how fast it ran. */
    static JsonNode numbers(Path out) throws IOException {
        ObjectNode n = (ObjectNode) Json.MAPPER.readTree(Files.readString(out.resolve("results.json")));
        n.remove(List.of("tasks", "master"));
        return n;
    }

    @Test
    void aSweepOnAStandaloneClusterEqualsLocalAndSurvivesALostWorkerExactlyOnce() throws Exception {
        // only in the cluster-test execution (after the jar is built), not when -Dtest names this class in the test phase
        assumeTrue(System.getProperty("htsgd.app.jar") != null, "run by the cluster-test execution of verify");
        Path appJar = Path.of(System.getProperty("htsgd.app.jar"));
        assertThat(appJar).as("the application jar, built before this test by the app-jar execution").isRegularFile();
        long t0 = System.nanoTime();
        Map<String, Double> times = new java.util.LinkedHashMap<>();
        try (StandaloneCluster cluster = StandaloneCluster.start(tmp, sparkJars(), jvmFlags())) {
            StandaloneCluster.Worker first = cluster.addWorker("worker-a");
            times.put("cluster_start_s", (System.nanoTime() - t0) / 1e9);
            // the sweep ships target/htsgd-spark-app.jar itself (found beside this module's classes, as beside
            // htsgd-app.jar for ./htsgd sweep), after checking that its classes are the driver's
            List<String> cluster1 = List.of("--master", cluster.masterUrl(), "--conf", "spark.executor.memory=512m");

            Path local = tmp.resolve("local");
            JsonNode l = sweep("--master", "local[2]", "--out", local.toString());
            times.put("local2_job_s", l.path("tasks").path("job_seconds").asDouble());
            times.put("local2_task_s", l.path("tasks").path("task_seconds").asDouble());

            Path remote = tmp.resolve("remote");
            long s1 = System.nanoTime();
            JsonNode c = sweep(concat(cluster1, "--out", remote.toString()));
            times.put("cluster_sweep_s", (System.nanoTime() - s1) / 1e9);
            times.put("cluster_job_s", c.path("tasks").path("job_seconds").asDouble());
            times.put("cluster_task_s", c.path("tasks").path("task_seconds").asDouble());
            assertThat(c.path("master").asText()).isEqualTo(cluster.masterUrl());
            assertThat(c.path("tasks").path("computed").asInt()).isEqualTo(24);
            assertThat(numbers(remote)).isEqualTo(numbers(local));

            // on lanes: the executors get the vector engine's JVM options from the sweep (spark.executor
            // .extraJavaOptions) and give the numbers of local[2] on lanes (one task of 12 paths per cell)
            if (dev.htsgd.dynamics.LaneEngine.available()) {
                Path localV = tmp.resolve("local-vector");
                sweepOnLanes("--master", "local[2]", "--out", localV.toString());
                Path remoteV = tmp.resolve("remote-vector");
                JsonNode cv = sweepOnLanes(concat(cluster1, "--out", remoteV.toString()));
                times.put("cluster_vector_job_s", cv.path("tasks").path("job_seconds").asDouble());
                assertThat(cv.path("engine").asText()).isEqualTo("vector");
                assertThat(cv.path("tasks").path("computed").asInt()).isEqualTo(2);
                assertThat(numbers(remoteV)).isEqualTo(numbers(localV));
            }

            // the same sweep again; its only worker dies once two partitions are stored (the task it runs then is
            // lost with its executor), and a new worker, started after the kill, takes over
            Path killed = tmp.resolve("killed");
            long s2 = System.nanoTime();
            CompletableFuture<String[]> run = CompletableFuture.supplyAsync(
                    () -> CliRun.run(with(concat(cluster1, "--out", killed.toString()))));
            Path tasks = killed.resolveSibling("killed.partial").resolve(SparkSweep.TASKS_DIR);
            long deadline = System.currentTimeMillis() + 120_000;
            int before;
            while ((before = storedIds(tasks).size()) < 2 && !run.isDone()) {
                assertThat(System.currentTimeMillis()).as("two stored partitions").isLessThan(deadline);
                Thread.sleep(5);
            }
            cluster.kill(first);
            assertThat(run).as("the sweep ended before its worker was killed").isNotDone();
            assertThat(before).as("tasks stored when the worker was killed").isBetween(2, 23);
            cluster.addWorker("worker-b");
            String[] r = run.get(180, TimeUnit.SECONDS);
            times.put("killed_sweep_s", (System.nanoTime() - s2) / 1e9);
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            JsonNode k = Json.MAPPER.readTree(r[1]);
            assertThat(k.path("tasks").path("total").asInt()).isEqualTo(24);
            assertThat(k.path("tasks").path("computed").asInt()).isEqualTo(24);
            List<String> ids = storedIds(killed.resolve(SparkSweep.TASKS_DIR));
            assertThat(ids).as("every task stored exactly once").hasSize(24).doesNotHaveDuplicates();
            assertThat(numbers(killed)).isEqualTo(numbers(local));
        } finally {
            times.put("test_s", (System.nanoTime() - t0) / 1e9);
            System.out.println("StandaloneClusterIT timings (s): " + times);
        }
    }

    static String[] concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The task ids in the stored part files, one entry per stored line (a task stored twice appears twice). */
    static List<String> storedIds(Path tasks) throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(tasks)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tasks, "part-*.tsv")) {
            for (Path f : files) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.isBlank()) {
                        ids.add(line.substring(0, line.indexOf('\t')));
                    }
                }
            }
        }
        return ids;
    }

    /**
     * The jars of a Spark installation: the build's list of Spark's dependencies (target/spark-classpath.txt)
     * and Jackson and the SLF4J API, which Spark needs and htsgd's own build brings (so they are not in Spark's
     * provided list).
     */
    static List<Path> sparkJars() throws Exception {
        Path file = Path.of(System.getProperty("htsgd.spark.classpath", "target/spark-classpath.txt"));
        List<Path> jars = new ArrayList<>();
        for (String p : Files.readString(file).strip().split(java.io.File.pathSeparator)) {
            jars.add(Path.of(p));
        }
        for (Class<?> c : List.of(com.fasterxml.jackson.databind.ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, com.fasterxml.jackson.annotation.JsonProperty.class,
                org.slf4j.Logger.class)) {
            jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        Map<String, Path> byName = new HashMap<>();
        for (Path j : jars) {
            assertThat(j.getFileName().toString()).as("no htsgd class on the cluster's class path").doesNotStartWith("htsgd");
            byName.putIfAbsent(j.getFileName().toString(), j);
        }
        return List.copyOf(byName.values());
    }

    /** The flags Spark needs on Java 17 (this JVM's own, from the pom's spark.jvm.opens). */
    static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        for (String a : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
                    || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty")) {
                flags.add(a);
            }
        }
        return flags;
    }
}
