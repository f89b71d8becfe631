package dev.htsgd.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The code that runs in the tasks of a sweep: the bytes of every htsgd class ({@code dev/htsgd/**.class}) that
 * the executors load, each named and digested, and one SHA-256 over all of them. Computed once on the driver:
 * from the driver's own class path on a local master (the tasks run there), from the application jar that
 * {@code spark.jars} ships on a cluster.
 *
 * <p>It guards results against mixed code in two ways. A sweep records it in its checkpoint, so a
 * {@code --resume} with other code is refused naming the classes that changed (results stored by two versions
 * of an experiment would be aggregated as one). And before a cluster job starts, every class of the application
 * jar must equal the driver's copy ({@link #staleAgainst}): a jar built from older sources would otherwise run
 * old code on the executors, silently.
 *
 * @param sha256 SHA-256 over the sorted class names and their bytes
 * @param classes class resource name (such as {@code dev/htsgd/spark/TaskKey.class}) to the first 16 hex digits
 *     of the SHA-256 of its bytes, sorted by name
 */
public record TaskCode(String sha256, Map<String, String> classes) {

    /** The package prefix, as resource names, of the classes that count. */
    static final String ROOT = "dev/htsgd/";

    public TaskCode {
        Objects.requireNonNull(sha256, "sha256");
        classes = Collections.unmodifiableMap(new TreeMap<>(classes));
    }

    /** The htsgd classes that {@code loader} sees, the first copy of each in class path order (the one it loads). */
    public static TaskCode ofClassPath(ClassLoader loader) {
        Map<String, byte[]> bytes = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            while (roots.hasMoreElements()) {
                readRoot(roots.nextElement(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the htsgd classes on the class path: " + e.getMessage(), e);
        }
        return of(bytes);
    }

    /** The htsgd classes inside {@code jar} (the application jar that executors of a cluster load). */
    public static TaskCode ofJar(Path jar) {
        Map<String, byte[]> bytes = new TreeMap<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            readJar(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the application jar " + jar + ": " + e.getMessage(), e);
        }
        return of(bytes);
    }

    /** The record of classes already read: name to bytes. */
    static TaskCode of(Map<String, byte[]> bytes) {
        Map<String, String> digests = new TreeMap<>();
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, byte[]> e : new TreeMap<>(bytes).entrySet()) {
            String d = TaskStore.sha256(e.getValue());
            digests.put(e.getKey(), d.substring(0, 16));
            all.append(e.getKey()).append(' ').append(d).append('\n');
        }
        return new TaskCode(TaskStore.sha256(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), digests);
    }

    private static void readRoot(URL root, Map<String, byte[]> into) throws IOException {
        if ("jar".equals(root.getProtocol())) {
            JarURLConnection c = (JarURLConnection) root.openConnection();
            c.setUseCaches(false);
            try (JarFile f = c.getJarFile()) {
                readJar(f, into);
            }
        } else if ("file".equals(root.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException e) {
                throw new IOException("not a directory: " + root, e);
            }
            Path base = dir.getParent().getParent(); // dev/htsgd/ -> the class path root
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    into.putIfAbsent(base.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
    }

    private static void readJar(JarFile f, Map<String, byte[]> into) throws IOException {
        Enumeration<JarEntry> entries = f.entries();
        while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            String n = e.getName();
            if (n.startsWith(ROOT) && n.endsWith(".class") && !into.containsKey(n)) {
                try (InputStream in = f.getInputStream(e)) {
                    into.put(n, in.readAllBytes());
                }
            }
        }
    }

    /**
     * The classes of this code (an application jar) that differ from or are missing in {@code driver} (the
     * driver's class path), as class names; empty when every class the executors would load is the driver's.
     * Classes only the driver has (test classes, a class added since the jar was built) are not listed: a new
     * class changes the classes that use it, which are.
     */
    public List<String> staleAgainst(TaskCode driver) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : classes.entrySet()) {
            if (!e.getValue().equals(driver.classes.get(e.getKey()))) {
                out.add(className(e.getKey()));
            }
        }
        return out;
    }

    /** The class names whose code differs between this and {@code other} (changed, added or removed). */
    public List<String> changedFrom(TaskCode other) {
        TreeSet<String> names = new TreeSet<>(classes.keySet());
        names.addAll(other.classes.keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!Objects.equals(classes.get(n), other.classes.get(n))) {
                out.add(className(n));
            }
        }
        return out;
    }

    /** Up to {@code max} names and how many more, for a one-line message. */
    public static String list(List<String> names, int max) {
        if (names.size() <= max) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, max)) + " and " + (names.size() - max) + " more";
    }

    /** {@code dev/htsgd/spark/TaskKey$1.class} -> {@code dev.htsgd.spark.TaskKey$1}. */
    static String className(String resource) {
        return resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
    }

    /** The first 12 hex digits of {@link #sha256}, for messages. */
    public String shortHash() {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}
