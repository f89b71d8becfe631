package dev.htsgd.run;

import dev.htsgd.check.InvalidParameterException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The output directory of a run (architecture.md, "Output directory of a run").
 *
 * <p>Everything is written into a temporary sibling {@code NAME.partial} and renamed to {@code NAME} by
 * {@link #commit()} once complete, so a killed run never leaves a directory that looks finished (it leaves
 * {@code NAME.partial}, which holds the {@link Checkpoint} that {@code --resume} continues from). An existing
 * {@code NAME} is replaced only with {@code --force}. Files: {@code config.yaml} (options and
 * {@link Provenance}), {@code results.json}, CSV tables, {@code plots/}, {@code report.html}, {@code log.txt}.
 *
 * <p>Typical use:
 * <pre>{@code
 * try (RunDirectory run = RunDirectory.open(common.out, "exit-times", runOptions, provenance)) {
 *     run.log("...");
 *     run.writeResults(map);
 *     Path finished = run.commit();
 * }
 * }</pre>
 */
public final class RunDirectory implements AutoCloseable {

    /** Suffix of the temporary sibling of an unfinished run. */
    public static final String PARTIAL_SUFFIX = ".partial";
    /** Default parent of runs without {@code --out}: {@code ./htsgd-runs}. */
    public static final Path DEFAULT_PARENT = Path.of("htsgd-runs");

    /** Marker file of a finished run: only a directory holding it is replaced by {@code --force}. */
    public static final String MARKER = ".htsgd-run";

    /** Fresh runs opened by this thread and not yet committed, for {@link #discardUnfinished(String)}. */
    private static final ThreadLocal<List<RunDirectory>> OPENED_HERE = ThreadLocal.withInitial(ArrayList::new);


    private final Path target;
    private final Path work;
    private final boolean force;
    private final boolean resumed;
    private final Provenance provenance;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Writer log;
    private Checkpoint checkpoint;
    private boolean committed;
    private boolean abandoned;

    private RunDirectory(Path target, Path work, boolean force, boolean resumed, Provenance provenance,
            FileChannel lockChannel, FileLock lock, Writer log) {
        this.target = target;
        this.work = work;
        this.force = force;
        this.resumed = resumed;
        this.provenance = provenance;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.log = log;
    }

    /**
     * Opens the run directory for {@code out} (or a default under {@code ./htsgd-runs} named after
     * {@code name} when {@code out} is null) and writes {@code config.yaml}.
     *
     * @throws IllegalArgumentException when {@code out} exists and {@code --force} is off, when
     *     {@code --resume} finds nothing to resume, or when the unfinished run was made with other options
     */
    public static RunDirectory open(Path out, String name, RunMode options, Provenance provenance) {
        boolean force = options != null && options.force();
        boolean resume = options != null && options.resume();
        Path target;
        if (out != null) {
            target = out;
        } else if (resume) {
            target = RunTarget.latestPartial(DEFAULT_PARENT, name);
            if (target == null) {
                throw new InvalidParameterException("resume", "resume: no unfinished '" + name + "' run under " + DEFAULT_PARENT
                        + "; give its directory with `out`");
            }
        } else {
            target = RunTarget.defaultTarget(name);
        }
        return open(target, force, resume, provenance);
    }

    static RunDirectory open(Path out, boolean force, boolean resume, Provenance provenance) {
        Path target = RunTarget.checkTarget(out, force, resume);
        Path work = RunTarget.partialOf(target);
        try {
            Files.createDirectories(target.getParent());
            boolean resumed = false;
            String discarded = null;
            if (resume) {
                resumed = true;
            } else if (Files.exists(work)) {
                if (lockedByOther(work)) {
                    throw new InvalidParameterException("out", "out: another htsgd run is writing " + work);
                }
                discarded = Files.exists(work.resolve(Checkpoint.FILE))
                        ? "discarded the unfinished run and its checkpoint in " + work + " (`force`)"
                        : "discarded the unfinished run in " + work + " (it had no checkpoint)";
                System.err.println("htsgd: " + discarded);
                deleteRecursively(work);
            }
            Files.createDirectories(work);
            FileChannel ch = FileChannel.open(work.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                throw new InvalidParameterException("out", "out: another htsgd run is writing " + work);
            }
            if (resumed) {
                Path cfg = work.resolve("config.yaml");
                Checkpoint cp;
                try {
                    cp = Checkpoint.open(work, provenance.fingerprint());
                } catch (IllegalArgumentException e) {
                    lock.release();
                    ch.close();
                    throw e;
                }
                if (!cp.fingerprintMatches()) {
                    lock.release();
                    ch.close();
                    throw new InvalidParameterException("resume", "resume: the unfinished run at " + work
                            + " was made with other options (see " + cfg + "); give the same options or drop `resume`");
                }
            }
            Writer log = Files.newBufferedWriter(work.resolve("log.txt"), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            RunDirectory run = new RunDirectory(target, work, force, resumed, provenance, ch, lock, log);
            run.writeYaml("config.yaml", provenance.toYamlMap());
            if (discarded != null) {
                run.log(discarded);
            }
            run.log((resumed ? "resumed " : "started ") + provenance.command() + " seed=" + provenance.seed()
                    + " htsgd " + provenance.environment().get("htsgd_version")
                    + " git " + provenance.environment().get("git_commit"));
            if (!resumed) {
                OPENED_HERE.get().add(run);
            }
            return run;
        } catch (IOException e) {
            throw new InvalidParameterException("out", "out: cannot create the run directory " + work + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the unfinished directories of runs this thread started (not resumed ones) and has not committed:
     * called when a command fails for a reason resuming cannot fix (bad input found during the run), so that
     * no {@code NAME.partial} invites a {@code --resume} that would fail again. Returns the removed paths.
     */
    public static List<Path> discardUnfinished(String reason) {
        List<Path> removed = new ArrayList<>();
        List<RunDirectory> mine = OPENED_HERE.get();
        for (RunDirectory run : List.copyOf(mine)) {
            synchronized (run) {
                if (run.committed) {
                    continue;
                }
                run.close();
                try {
                    deleteRecursively(run.work);
                    removed.add(run.work);
                } catch (IOException e) {
                    // leave it: the log says it stopped
                }
            }
        }
        mine.clear();
        return removed;
    }

    /** Forgets this thread's open runs without touching them: at the start of a command, and after a failure that resuming may fix. */
    public static void keepUnfinished() {
        OPENED_HERE.get().clear();
    }

    /** True when another live process holds the lock of an unfinished run directory. */
    private static boolean lockedByOther(Path work) throws IOException {
        Path f = work.resolve(".lock");
        if (!Files.exists(f)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        }
    }

    /** The directory files are written to until {@link #commit()}: {@code NAME.partial}. */
    public Path path() {
        return work;
    }

    /** The final directory, {@code NAME}, which exists only after {@link #commit()}. */
    public Path target() {
        return target;
    }

    /** True when this run continues an unfinished one ({@code --resume}). */
    public boolean resumed() {
        return resumed;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** {@code plots/} inside the run, created on first use. */
    public Path plotsDir() {
        Path p = work.resolve("plots");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The run's checkpoint (in the temporary directory; kept across {@code --resume}). */
    public synchronized Checkpoint checkpoint() {
        if (checkpoint == null) {
            checkpoint = Checkpoint.open(work, provenance.fingerprint());
        }
        return checkpoint;
    }

    /** Appends a time-stamped line to {@code log.txt}. */
    public synchronized void log(String line) {
        try {
            log.write(java.time.Instant.now() + " " + line + System.lineSeparator());
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code results.json} (maps, lists, records; no NaN). */
    public Path writeResults(Object results) {
        return writeString("results.json", Json.toJson(results) + System.lineSeparator());
    }

    /** Writes a YAML file. */
    public Path writeYaml(String name, Object value) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
            return writeString(name, yaml.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a CSV table: a header row and rows of cells (numbers are written with full precision; strings
     * with commas or quotes are quoted).
     */
    public Path writeCsv(String name, List<String> header, List<? extends List<?>> rows) {
        StringBuilder sb = new StringBuilder();
        appendCsvRow(sb, header);
        for (List<?> r : rows) {
            appendCsvRow(sb, r);
        }
        return writeString(name.endsWith(".csv") ? name : name + ".csv", sb.toString());
    }

    private static void appendCsvRow(StringBuilder sb, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object c = cells.get(i);
            String s = c == null ? "" : String.valueOf(c);
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            sb.append(s);
        }
        sb.append('\n');
    }

    /** Writes a text file inside the run atomically (temporary file, then rename). */
    public Path writeString(String name, String content) {
        Path f = work.resolve(name);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            moveAtomically(tmp, f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        dev.htsgd.io.AtomicFiles.move(from, to);
    }

    /**
     * Finishes the run: removes the checkpoint and lock, then renames {@code NAME.partial} to {@code NAME}
     * (replacing an existing {@code NAME} only with {@code force}). Returns the final directory.
     */
    public synchronized Path commit() {
        return commit("finished");
    }

    /**
     * {@link #commit()} with {@code outcome} as the last line of {@code log.txt} instead of "finished": a run
     * that completed but whose numbers are not the whole story (a diverged path) says so where people look.
     */
    public synchronized Path commit(String outcome) {
        if (committed) {
            return target;
        }
        if (abandoned) {
            throw new IllegalStateException("the run at " + work + " was abandoned and removed");
        }
        try {
            log(outcome);
            log.close();
            if (checkpoint != null) {
                checkpoint.flush();
            }
            Files.deleteIfExists(work.resolve(Checkpoint.FILE));
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(work.resolve(".lock"));
            Files.writeString(work.resolve(MARKER), "htsgd run: " + provenance.command() + System.lineSeparator()
                    + "finished " + java.time.Instant.now() + System.lineSeparator(), StandardCharsets.UTF_8);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!force || !RunTarget.isFinishedRun(target)) {
                    OPENED_HERE.get().remove(this);  // the finished results stay in work: never discard them
                    throw new InvalidParameterException("out", "out: " + target + " appeared while the run was going; "
                            + "the finished run is in " + work + (force ? "" : " (add `force` to replace)"));
                }
                Path old = target.resolveSibling(target.getFileName() + ".old-" + System.nanoTime());
                moveAtomically(target, old);
                moveAtomically(work, target);
                deleteRecursively(old);
            } else {
                moveAtomically(work, target);
            }
            committed = true;
            OPENED_HERE.get().remove(this);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the run directory " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Gives the run up for good: deletes {@code NAME.partial} (checkpoint included), so that nothing is left
     * that looks finished or resumable. For runs that cannot finish whatever is tried again, such as a
     * training run whose loss became NaN: {@code resume} would replay the same steps bit for bit and diverge
     * at the same one. Afterwards {@link #close()} does nothing. A committed run is left alone.
     */
    public synchronized void abandon() {
        if (committed || abandoned) {
            return;
        }
        abandoned = true;
        try {
            log.close();
            lock.release();
            lockChannel.close();
            deleteRecursively(work);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the abandoned run directory " + work + ": " + e.getMessage(), e);
        }
    }

    /** Leaves an unfinished run as {@code NAME.partial} (with its checkpoint) so {@code resume} can go on. */
    @Override
    public synchronized void close() {
        if (committed || abandoned) {
            return;
        }
        try {
            if (checkpoint != null) {
                checkpoint.flush();
            }
            log("stopped before finishing; continue with `resume`");
            log.close();
            lock.release();
            lockChannel.close();
        } catch (IOException | UncheckedIOException e) {
            // best effort: the directory stays unfinished either way
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
