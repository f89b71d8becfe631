package dev.htsgd.cli.option;

import dev.htsgd.run.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every command shares (architecture.md, CLI contract). Mix in with
 * {@code @Mixin CommonOptions common;}. {@code --config} is read by {@link dev.htsgd.cli.YamlDefaults} before parsing;
 * it is declared here so that it shows in {@code --help}.
 */
public final class CommonOptions {

    /** The default seed: runs are reproducible unless a seed is given. */
    public static final long DEFAULT_SEED = 20220201L;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20220201",
            description = "Seed of the random streams; a run is a pure function of its configuration and seed (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Worker threads; 0 means all cores. Results do not depend on it.")
    public int threads;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output: a readable table, or JSON on stdout (default: ${DEFAULT-VALUE}).")
    public OutputFormat format;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the run's files (config.yaml, results.json, CSV, plots).")
    public Path out;

    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "Read options from a YAML file (keys are option names without dashes); flags on the command line win.")
    public Path config;

    @Option(names = "--quiet", description = "No progress bar on stderr.")
    public boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of errors.")
    public boolean verbose;

    /** The thread count to use: {@link #threads}, or the number of cores when it is 0. */
    public int effectiveThreads() {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be >= 0 (0 = all cores), got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    public boolean json() {
        return format == OutputFormat.json;
    }

    /**
     * Writes a command's results to {@code out}: as JSON with {@code --format json}, else as {@code table} renders
     * them (writing to the same {@code out}), then flushes. Every command that renders its results once they are
     * complete calls this; {@code analyze} prints its tables while it builds them and asks {@link #json()} itself.
     */
    public void print(PrintWriter out, Object results, Runnable table) {
        if (json()) {
            Json.print(out, results);
        } else {
            table.run();
        }
        out.flush();
    }
}
