package dev.htsgd.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.run.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests and measurements: a master and workers, each in its own
 * JVM started from a class path of Spark jars only (no htsgd class: executors get those from the application
 * jar the sweep ships), on free ports chosen now. {@link #close()} (and a shutdown hook, should the test JVM be
 * stopped first) kills every process started here, executors included.
 *
 * <p>The Spark jars are laid out as a Spark installation ({@code SPARK_HOME/jars}, links to the jars of the class
 * path), which is where a worker takes the class path of the executors it launches.
 */
final class StandaloneCluster implements AutoCloseable {

    /** Generous: JVM start-up on 2 busy cores takes seconds, never a minute. */
    static final long START_TIMEOUT_MILLIS = 90_000;

    private final Path dir;
    private final Path home;
    private final String classPath;
    private final List<String> jvmFlags;
    private final int port;
    private final int webPort;
    private final Process master;
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final Thread hook = new Thread(this::killAll, "stop-standalone-cluster");

    /** A started worker: its name, process and RPC port (as the master's JSON lists it). */
    record Worker(String name, Process process, int port) {
    }

    private StandaloneCluster(Path dir, List<Path> jars, List<String> jvmFlags) throws IOException, InterruptedException {
        this.dir = dir;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.home = dir.resolve("spark-home");
        Path lib = Files.createDirectories(home.resolve("jars"));
        List<String> cp = new ArrayList<>();
        for (Path jar : jars) {
            Path link = lib.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar.toAbsolutePath());
            }
            cp.add(link.toString());
        }
        this.classPath = String.join(java.io.File.pathSeparator, cp);
        Runtime.getRuntime().addShutdownHook(hook);
        this.port = freePort();
        this.webPort = freePort();
        this.master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(webPort));
        try {
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (!"ALIVE".equals(state().path("status").asText())) {
                waitOrFail(deadline, "the master did not come up; see " + dir.resolve("master.log"));
            }
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** Starts a master on 127.0.0.1 with {@code jars} (Spark and what it needs) in {@code dir}. */
    static StandaloneCluster start(Path dir, List<Path> jars, List<String> jvmFlags) throws IOException, InterruptedException {
        return new StandaloneCluster(dir, jars, jvmFlags);
    }

    /** {@code spark://127.0.0.1:PORT}. */
    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** Starts a worker with 1 core and 1 GiB and waits until the master lists it ALIVE. */
    Worker addWorker(String name) throws IOException, InterruptedException {
        int wport = freePort();
        Process p = start(name, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--port", Integer.toString(wport), "--webui-port", Integer.toString(freePort()),
                "--cores", "1", "--memory", "1g", "--work-dir", Files.createDirectories(dir.resolve(name + "-work")).toString(),
                masterUrl());
        Worker w = new Worker(name, p, wport);
        workers.put(name, w);
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!alive(wport)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("worker " + name + " exited; see " + dir.resolve(name + ".log"));
            }
            waitOrFail(deadline, "worker " + name + " did not register; see " + dir.resolve(name + ".log"));
        }
        return w;
    }

    /** Kills a worker and the executors it launched at once (SIGKILL), as a lost machine. */
    void kill(Worker w) throws InterruptedException {
        destroyTree(w.process());
        workers.remove(w.name());
    }

    /** The master's state as its web UI serves it ({@code /json/}), or an empty object while it is not up. */
    JsonNode state() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + webPort + "/json/").toURL().openConnection();
            c.setConnectTimeout(2_000);
            c.setReadTimeout(5_000);
            try (InputStream in = c.getInputStream()) {
                return Json.MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private boolean alive(int workerPort) {
        for (JsonNode w : state().path("workers")) {
            if (w.path("port").asInt() == workerPort && "ALIVE".equals(w.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        // the daemons compute nothing: the client compiler and the serial collector start them faster on busy cores
        // (the executors they launch get the sweep's own JVM options)
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.addAll(jvmFlags);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_HOME", home.toString());       // the worker's executors get SPARK_HOME/jars/*
        env.put("SPARK_SCALA_VERSION", "2.13");       // else the launcher library looks for a Spark build tree
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start();
    }

    private static void waitOrFail(long deadline, String message) throws InterruptedException {
        if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException(message);
        }
        Thread.sleep(200);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void destroyTree(Process p) throws InterruptedException {
        p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private void killAll() {
        try {
            for (Worker w : List.copyOf(workers.values())) {
                destroyTree(w.process());
            }
            workers.clear();
            destroyTree(master);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs killAll again, harmlessly
        }
    }
}
