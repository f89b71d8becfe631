package dev.htsgd.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where a run came from (Tribuo-style provenance, architecture.md "Output directory of a run"): the resolved
 * options, the seed, the htsgd version, the Java and engine versions and the git commit when known.
 *
 * <p>{@link #options()} uses the option names without dashes, so the {@code config.yaml} written from it can
 * be given back with {@code --config} to rebuild the run; {@link #environment()} is informative only.
 */
public record Provenance(String command, Map<String, Object> options, long seed, Map<String, Object> environment) {

    /** Options that do not change what a run computes and so are not part of its configuration. */
    public static final Set<String> NOT_CONFIGURATION = Set.of(
            "out", "config", "format", "quiet", "verbose", "force", "resume", "help", "version", "threads");

    public Provenance {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** Provenance from an explicit option map. */
    public static Provenance of(String command, Map<String, ?> options, long seed) {
        Map<String, Object> o = new LinkedHashMap<>(options);
        o.put("seed", seed);
        return new Provenance(command, o, seed, currentEnvironment());
    }

    /** Versions of htsgd, Java, the engines on the class path, the OS and the git commit (when available). */
    public static Map<String, Object> currentEnvironment() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("htsgd_version", Version.version());
        e.put("java_version", System.getProperty("java.version"));
        e.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        e.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        e.put("cores", Runtime.getRuntime().availableProcessors());
        // DJL's jars carry no Maven metadata and a fat jar (the Spark application jar) no DJL manifest: then the
        // version files that DJL's jars hold themselves
        String djl = firstNonNull(firstNonNull(mavenVersion("ai.djl", "api"), manifestVersion("ai.djl.Device")),
                resourceProperty("/ai/djl/engine/api.properties", "djl_version"));
        if (djl != null) {
            e.put("djl_version", djl);
        }
        String pt = firstNonNull(firstNonNull(mavenVersion("ai.djl.pytorch", "pytorch-engine"),
                manifestVersion("ai.djl.pytorch.engine.PtEngine")), resourceProperty("/pytorch-engine.properties", "djl_version"));
        if (pt != null) {
            e.put("djl_pytorch_engine_version", pt);
        }
        String rng = mavenVersion("org.apache.commons", "commons-rng-core");
        if (rng != null) {
            e.put("commons_rng_version", rng);
        }
        e.put("git_commit", gitCommit());
        e.put("started", Instant.now().toString());
        return e;
    }

    /** The version of a library on the class path from its Maven metadata, or null; loads no native code. */
    static String mavenVersion(String group, String artifact) {
        return resourceProperty("/META-INF/maven/" + group + "/" + artifact + "/pom.properties", "version");
    }

    /** Property {@code key} of the properties resource {@code res} on the class path, or null. */
    static String resourceProperty(String res, String key) {
        try (InputStream in = Provenance.class.getResourceAsStream(res)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            return null;
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** The version in the manifest of the jar holding {@code className} (not initialised: no native code), or null. */
    static String manifestVersion(String className) {
        try {
            Package p = Class.forName(className, false, Provenance.class.getClassLoader()).getPackage();
            if (p == null) {
                return null;
            }
            return p.getImplementationVersion() != null ? p.getImplementationVersion() : p.getSpecificationVersion();
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static volatile String gitCommit;

    /** The git commit of the checkout that holds the running code (with "-dirty" for local changes), or "unknown". */
    public static String gitCommit() {
        String c = gitCommit;
        if (c == null) {
            c = computeGitCommit();
            gitCommit = c;
        }
        return c;
    }

    private static String computeGitCommit() {
        try {
            Path here = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = here.toFile().isDirectory() ? here : here.getParent();
            String head = git(dir, "rev-parse", "HEAD");
            if (head == null || head.isBlank()) {
                return "unknown";
            }
            String status = git(dir, "status", "-s", "-uno");
            return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = dir.toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
    }

    /** The configuration part that must match for {@code --resume} (options only, environment excluded). */
    public String fingerprint() {
        return command + " " + new java.util.TreeMap<>(options);
    }

    /** config.yaml content: the options flat (usable with --config), then the provenance block. */
    public Map<String, Object> toYamlMap() {
        Map<String, Object> m = new LinkedHashMap<>(options);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("command", command);
        prov.putAll(environment);
        m.put("provenance", prov);
        return m;
    }
}
