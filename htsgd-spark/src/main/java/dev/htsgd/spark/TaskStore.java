package dev.htsgd.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The completed-task files of a sweep: the checkpoint a killed sweep resumes from.
 *
 * <p>Each batch of finished tasks (one Spark partition) is one file {@code part-<first id>-<hash>.tsv} in
 * {@code dir}, one line per task: {@code <task id> TAB <result json>}. A file is written to a temporary name
 * and renamed, so it is either complete or absent; its name carries a hash of its content, so writing the
 * same batch twice (a retried or speculative task, a resumed run) is idempotent. {@link #load()} merges all
 * files keyed by task id: a task stored twice counts once, and two different results for one task (which a
 * deterministic experiment cannot produce) are an error rather than a silent choice.
 */
public final class TaskStore {

    private static final String SUFFIX = ".tsv";
    private final Path dir;

    private TaskStore(Path dir) {
        this.dir = dir;
    }

    /** The store in {@code dir}, created if absent. */
    public static TaskStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return new TaskStore(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Stores a batch of results atomically and idempotently; an empty batch writes nothing. */
    public void write(Collection<TaskResult> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<TaskResult> sorted = new ArrayList<>(batch);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        StringBuilder sb = new StringBuilder();
        for (TaskResult r : sorted) {
            sb.append(r.key().id()).append('\t').append(r.json()).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        String name = "part-" + sorted.get(0).key().id() + "-" + sha256(bytes).substring(0, 16) + SUFFIX;
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            return; // the same batch, already stored
        }
        try {
            Path tmp = Files.createTempFile(dir, ".part-", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write completed tasks to " + target, e);
        }
    }

    /** All stored results, one per task id, in task order. */
    public Map<TaskKey, String> load() {
        Map<TaskKey, String> results = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "part-*" + SUFFIX)) {
            for (Path f : files) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab < 0) {
                        throw new IllegalStateException("malformed line in " + f + ": " + line);
                    }
                    TaskKey key = TaskKey.parse(line.substring(0, tab));
                    String json = line.substring(tab + 1);
                    String before = results.putIfAbsent(key, json);
                    if (before != null && !before.equals(json)) {
                        throw new IllegalStateException("task " + key.id() + " has two different stored results ("
                                + before + " and " + json + " in " + f + "): the experiment is not deterministic");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read completed tasks in " + dir, e);
        }
        return results;
    }

    /** Removes leftovers of writes that a kill interrupted (temporary files only). */
    public void cleanTemporaries() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".part-*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
