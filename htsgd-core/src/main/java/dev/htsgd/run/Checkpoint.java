package dev.htsgd.run;

import dev.htsgd.check.InvalidParameterException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A periodic JSON checkpoint of completed work units ({@code checkpoint.json} in the unfinished run
 * directory), so {@code --resume} continues a killed run to the same result.
 *
 * <p>The experiments are deterministic per replication (each replication has its own stream split from the
 * seed), so a checkpoint only needs the results of completed replications, keyed by a name such as
 * {@code "A/b=0.5/eta=0.01/rep=7"}; a resumed run skips those keys and computes the rest, and the final
 * result is bit-identical to an uninterrupted run (doubles round-trip exactly through JSON). The file also
 * records the run's configuration fingerprint, so a resume with other options is refused. Thread-safe.
 */
public final class Checkpoint {

    /** File name inside the run directory. */
    public static final String FILE = "checkpoint.json";
    /** Default minimum time between two writes of the file. */
    public static final long DEFAULT_INTERVAL_MILLIS = 5_000;

    private final Path file;
    private final String fingerprint;
    private final boolean matches;
    private final ObjectNode done;
    private final long intervalMillis;
    private long lastSave;
    private boolean dirty;

    private Checkpoint(Path file, String fingerprint, boolean matches, ObjectNode done, long intervalMillis) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.matches = matches;
        this.done = done;
        this.intervalMillis = intervalMillis;
        this.lastSave = System.currentTimeMillis();
    }

    /** Opens the checkpoint in {@code dir}, loading completed units when the file exists. */
    public static Checkpoint open(Path dir, String fingerprint) {
        return open(dir, fingerprint, DEFAULT_INTERVAL_MILLIS);
    }

    /** As {@link #open(Path, String)} with the minimum time between writes (0 writes on every put). */
    public static Checkpoint open(Path dir, String fingerprint, long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("intervalMillis must be >= 0, got " + intervalMillis);
        }
        Path f = dir.resolve(FILE);
        ObjectNode done = Json.MAPPER.createObjectNode();
        boolean matches = true;
        if (Files.isRegularFile(f)) {
            JsonNode root;
            try {
                root = Json.MAPPER.readTree(Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                // htsgd writes it atomically, so a damaged file was cut or edited by something else: restarting
                // silently would throw away the work it records, so say so and let the user choose
                throw damaged(f, firstLine(e.getMessage()));
            }
            if (root == null || !root.isObject() || !root.path("fingerprint").isTextual() || !root.path("done").isObject()) {
                throw damaged(f, "it is not an htsgd checkpoint (no fingerprint and done)");
            }
            matches = fingerprint.equals(root.path("fingerprint").asText());
            if (matches) {
                done = (ObjectNode) root.get("done");
            }
        }
        return new Checkpoint(f, fingerprint, matches, done, intervalMillis);
    }

    private static IllegalArgumentException damaged(Path f, String why) {
        return new InvalidParameterException("resume", "resume: the checkpoint " + f + " is damaged (" + why
                + "); rerun with `force` instead of `resume` to start the run again");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** False when the file on disk came from a run with other options. */
    public boolean fingerprintMatches() {
        return matches;
    }

    /** Number of completed units recorded. */
    public synchronized int size() {
        return done.size();
    }

    public synchronized boolean has(String key) {
        return done.has(key);
    }

    /** The recorded result of a unit, or null when it has not completed. */
    public synchronized <T> T get(String key, Class<T> type) {
        JsonNode n = done.get(key);
        if (n == null) {
            return null;
        }
        try {
            return Json.MAPPER.treeToValue(n, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a completed unit; the file is rewritten when the interval has passed since the last write. */
    public synchronized void put(String key, Object value) {
        done.set(key, Json.MAPPER.valueToTree(value));
        dirty = true;
        if (System.currentTimeMillis() - lastSave >= intervalMillis) {
            flush();
        }
    }

    /** Writes the file now (atomically) if anything changed. */
    public synchronized void flush() {
        if (!dirty) {
            return;
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("fingerprint", fingerprint);
        root.set("done", done);
        try {
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.writeString(tmp, Json.MAPPER.writeValueAsString(root), StandardCharsets.UTF_8);
            RunDirectory.moveAtomically(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
        dirty = false;
        lastSave = System.currentTimeMillis();
    }
}
