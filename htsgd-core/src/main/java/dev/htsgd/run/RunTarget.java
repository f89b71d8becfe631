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
 * Where a run goes and whether it may go there, decided before any work (the data-loss rules): an empty path,
 * the working directory, its parents and the root are refused; an existing directory is replaced only with
 * {@code force} and only when htsgd made it (its {@value RunDirectory#MARKER} file); an unfinished run with a
 * checkpoint is continued only with {@code resume} and discarded only with {@code force}; the parent must be
 * writable. {@link RunDirectory} opens the run once this says yes.
 */
public final class RunTarget {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private RunTarget() {
    }

    /** {@code ./htsgd-runs/NAME-yyyyMMdd-HHmmss}, the default output of a run named NAME. */
    public static Path defaultTarget(String name) {
        return RunDirectory.DEFAULT_PARENT.resolve(name + "-" + LocalDateTime.now().format(STAMP));
    }

    /** The newest {@code NAME-*.partial} under {@code parent}, as its final path (suffix removed), or null. */
    static Path latestPartial(Path parent, String name) {
        if (!Files.isDirectory(parent)) {
            return null;
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, name + "-*" + RunDirectory.PARTIAL_SUFFIX)) {
            ds.forEach(found::add);
        } catch (IOException e) {
            return null;
        }
        return found.stream()
                .max(Comparator.comparing((Path p) -> p.getFileName().toString()))
                .map(p -> p.resolveSibling(p.getFileName().toString().replaceFirst("\\.partial$", "")))
                .orElse(null);
    }

    /**
     * Checks an output directory before any work is done, so that bad input is refused before anything is
     * computed or created: the same rules {@link #open} applies. Nothing is created or changed.
     *
     * <p>Rules: an empty path, the working directory, one of its parents or {@code /} is never a run
     * directory; an existing {@code out} is replaced only with {@code --force} and only when it is a
     * finished htsgd run (it holds {@link #MARKER}); an unfinished {@code out.partial} is continued with
     * {@code --resume}, discarded only with {@code --force}, and never touched when htsgd did not make it;
     * the nearest existing parent must be a writable directory.
     *
     * @return the absolute, normalised target
     * @throws IllegalArgumentException naming {@code --out} (or {@code --resume}) and why
     */
    public static Path checkTarget(Path out, RunMode options) {
        return checkTarget(out, options != null && options.force(), options != null && options.resume());
    }

    static Path checkTarget(Path out, boolean force, boolean resume) {
        if (out.toString().isBlank()) {
            throw new InvalidParameterException("out", "out: an empty path is not a run directory; give the name of a new directory");
        }
        Path target = out.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (target.getParent() == null || cwd.startsWith(target)) {
            throw new InvalidParameterException("out", "out: " + out + " is " + (target.getParent() == null ? "the root directory"
                    : "the working directory or one of its parents") + ", never a run directory; give the name of a new directory");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidParameterException("out", "out: " + target + " exists and is not a directory");
            }
            if (!force) {
                throw new InvalidParameterException("out", "out: " + target + " exists; add `force` to replace it"
                        + (resume ? " (it is a finished run: nothing to resume)" : ""));
            }
            if (!isFinishedRun(target)) {
                throw new InvalidParameterException("out", "out: " + target + " exists and is not a finished htsgd run (no "
                        + RunDirectory.MARKER + " file): `force` replaces only htsgd's own runs; give a new directory");
            }
        }
        Path work = partialOf(target);
        if (resume) {
            if (!Files.isDirectory(work)) {
                throw new InvalidParameterException("resume", "resume: no unfinished run at " + work);
            }
        } else if (Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
            if (!isUnfinishedRun(work)) {
                throw new InvalidParameterException("out", "out: " + work + " exists and was not made by htsgd; move it away or "
                        + "give another `out`");
            }
            if (Files.exists(work.resolve(Checkpoint.FILE)) && !force) {
                throw new InvalidParameterException("out", "out: an unfinished run with a checkpoint is in " + work
                        + "; add `resume` to continue it, or `force` to discard it");
            }
        }
        checkWritableParent(out, target.getParent());
        return target;
    }

    /** The nearest existing ancestor must be a directory that this process can create files in. */
    static void checkWritableParent(Path out, Path parent) {
        Path p = parent;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            throw new InvalidParameterException("out", "out: " + out + " has no existing parent directory");
        }
        if (!Files.isDirectory(p)) {
            throw new InvalidParameterException("out", "out: cannot create " + out + ": " + p + " is not a directory");
        }
        try {
            // isWritable answers from permission bits, which are wrong for root and for /proc-like file systems
            Path probe = Files.createTempFile(p, ".htsgd-probe-", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw new InvalidParameterException("out", "out: cannot create " + out + ": " + p + " is not writable");
        }
    }

    /** True when {@code dir} is a finished htsgd run: it holds the {@link #MARKER} written by {@link #commit()}. */
    public static boolean isFinishedRun(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && Files.isRegularFile(dir.resolve(RunDirectory.MARKER));
    }

    /** True when {@code dir} is an unfinished run made by htsgd (it holds its lock file or its config.yaml). */
    static boolean isUnfinishedRun(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && (Files.isRegularFile(dir.resolve(".lock")) || Files.isRegularFile(dir.resolve("config.yaml")));
    }

    static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + RunDirectory.PARTIAL_SUFFIX);
    }
}
