package dev.htsgd.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.htsgd.cli.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run directory of a sweep, in the format of the local commands: config.yaml (the resolved configuration
 * and provenance), results.json, CSV tables and log.txt, plus {@code tasks/} with the completed-task files
 * (one stored result per replication, the raw data of every number in results.json).
 *
 * <p>While the sweep runs, everything lives in the sibling {@code OUT.partial}; it is renamed to {@code OUT}
 * only when complete, so a killed sweep never leaves a directory that looks finished, and running the same
 * sweep again with the same {@code --out} resumes from {@code OUT.partial/tasks}. A partial directory of a
 * different sweep (another fingerprint) is never mixed in.
 */
final class SweepRunDirectory {

    static final String SPEC_FILE = "sweep.json";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final Path out;
    private final Path work;
    private final TaskStore store;
    private final Map<String, Object> config;

    private SweepRunDirectory(Path out, Path work, TaskStore store, Map<String, Object> config) {
        this.out = out;
        this.work = work;
        this.store = store;
        this.config = config;
    }

    /** The partial sibling of {@code out}. */
    static Path partialOf(Path out) {
        Path abs = out.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".partial");
    }

    /**
     * Opens the partial directory of {@code out}: resumes it when it holds the same sweep and {@code resume}
     * is on, starts it afresh otherwise. A complete {@code out} is replaced only with {@code force}.
     */
    static SweepRunDirectory open(Path out, SweepSpec spec, SweepKind kind, boolean resume, boolean force) {
        Path target = out.toAbsolutePath().normalize();
        Path work = partialOf(target);
        String fingerprint = spec.fingerprint(kind.settingKeys());
        Map<String, Object> config = spec.config(kind.settingKeys());
        try {
            if (Files.exists(target)) {
                if (!force) {
                    throw new IllegalArgumentException("--out " + out + " already exists; use --force to replace it, or another --out");
                }
                deleteTree(target);
            }
            if (Files.exists(work)) {
                String before = storedFingerprint(work);
                if (!fingerprint.equals(before)) {
                    if (!force) {
                        throw new IllegalArgumentException("--out " + out + ": " + work + " holds an interrupted sweep with "
                                + "another configuration; use --force to discard it, or another --out");
                    }
                    deleteTree(work);
                } else if (!resume) {
                    deleteTree(work);
                }
            }
            Files.createDirectories(work);
            Map<String, Object> head = new LinkedHashMap<>();
            head.put("fingerprint", fingerprint);
            head.put("config", config);
            Files.writeString(work.resolve(SPEC_FILE), Json.toJson(head), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + work, e);
        }
        return new SweepRunDirectory(target, work, TaskStore.open(work.resolve("tasks")), config);
    }

    TaskStore store() {
        return store;
    }

    Path work() {
        return work;
    }

    /**
     * Writes results.json, the CSV tables, config.yaml (configuration and provenance) and log.txt, then
     * renames the partial directory to its final name, which it returns.
     */
    Path complete(Map<String, Object> results, Map<String, List<Map<String, Object>>> tables,
                  Map<String, Object> provenance, String log) {
        try {
            Files.writeString(work.resolve("results.json"), Json.toJson(results) + "\n", StandardCharsets.UTF_8);
            for (Map.Entry<String, List<Map<String, Object>>> t : tables.entrySet()) {
                Files.writeString(work.resolve(t.getKey()), csv(t.getValue()), StandardCharsets.UTF_8);
            }
            Map<String, Object> yaml = new LinkedHashMap<>(config);
            yaml.put("provenance", provenance);
            Files.writeString(work.resolve("config.yaml"), YAML.writeValueAsString(yaml), StandardCharsets.UTF_8);
            Files.writeString(work.resolve("log.txt"), log, StandardCharsets.UTF_8);
            try {
                Files.move(work, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(work, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot complete the run directory " + out, e);
        }
        return out;
    }

    /** Rows as CSV: the header is the first row's keys; text with commas or quotes is quoted. */
    static String csv(List<Map<String, Object>> rows) {
        StringBuilder sb = new StringBuilder();
        if (rows.isEmpty()) {
            return "";
        }
        sb.append(String.join(",", rows.get(0).keySet())).append('\n');
        for (Map<String, Object> row : rows) {
            boolean firstField = true;
            for (Object v : row.values()) {
                if (!firstField) {
                    sb.append(',');
                }
                firstField = false;
                String s = v == null ? "" : v.toString();
                if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
                    s = "\"" + s.replace("\"", "\"\"") + "\"";
                }
                sb.append(s);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String storedFingerprint(Path work) {
        Path f = work.resolve(SPEC_FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(f.toFile());
            return n.path("fingerprint").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
