package dev.htsgd.cli.dl;

import dev.htsgd.cli.line.CommandLineText;
import dev.htsgd.run.Json;
import dev.htsgd.run.RunDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code htsgd train} command line run in a child JVM, its files in {@code dir}: how {@code reproduce dl-fashion}
 * runs several trainings at once. DJL's PyTorch engine lets only one gradient collector record per JVM, so
 * concurrent runs need separate processes; running exactly the command that {@code settings[i].command} writes
 * also makes every recorded number the output of that command. A killed child leaves {@code dir.partial}, which
 * the next attempt continues with {@code --resume} (bit-identical); a finished {@code dir} is read, not re-run.
 */
final class TrainProcess {
    private final String command;
    private final Path dir;
    private final Path log;

    /**
     * @param command the {@code htsgd train ...} line ({@link dev.htsgd.cli.line.TrainLine#of})
     * @param dir     the run directory of the child ({@code --out})
     */
    TrainProcess(String command, Path dir) {
        this.command = command;
        this.dir = dir;
        this.log = dir.resolveSibling(dir.getFileName() + ".log");
    }

    /** Runs the child to its end (or reads a finished run) and returns its results.json. */
    Map<String, Object> run() {
        Path results = dir.resolve("results.json");
        if (!Files.isRegularFile(results)) {
            List<String> cmd = new ArrayList<>(javaCommand());
            cmd.addAll(CommandLineText.words(command));
            cmd.addAll(List.of("--out", dir.toString(), "--quiet", "--format", "json"));
            if (Files.isDirectory(dir.resolveSibling(dir.getFileName() + RunDirectory.PARTIAL_SUFFIX))) {
                cmd.add("--resume");
            }
            Process p = null;
            try {
                Files.createDirectories(dir.getParent());
                p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                int rc = p.waitFor();
                if (rc != 0) {
                    throw new IllegalStateException("htsgd " + command + " exited with " + rc + " (see " + log + ")");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot start htsgd " + command + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running htsgd " + command, e);
            } finally {
                if (p != null && p.isAlive()) {
                    // the grid failed or was interrupted: the child stops too (its .partial stays for --resume)
                    p.destroy();
                }
            }
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> res = Json.MAPPER.readValue(results.toFile(), Map.class);
            return res;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + results + ": " + e.getMessage(), e);
        }
    }

    /** This JVM's java with its class path and the CLI's main class (the system properties DJL reads passed on). */
    static List<String> javaCommand() {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String prop : List.of("ai.djl.offline", "ai.djl.default_engine", "slf4j.provider", "ai.djl.pytorch.graph_optimizer")) {
            String v = System.getProperty(prop);
            if (v != null) {
                c.add("-D" + prop + "=" + v);
            }
        }
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.htsgd.cli.Main"));
        return c;
    }
}
