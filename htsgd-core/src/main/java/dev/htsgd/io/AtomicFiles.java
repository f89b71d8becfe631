package dev.htsgd.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written so that a reader (or a resumed run after a kill) sees the old content or the new, never a part:
 * the bytes go to a temporary sibling {@code NAME.tmp}, which is then renamed over {@code NAME}.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** What writes the content; it may wrap the stream (it is buffered, and closed afterwards). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} atomically.
     *
     * @param what the kind of file for the error message ({@code "training state"}), or empty
     * @throws UncheckedIOException naming the file that could not be written
     */
    public static void write(Path file, String what, Content content) {
        String kind = what.isEmpty() ? "" : what + " ";
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + kind + tmp + ": " + e.getMessage(), e);
        }
        try {
            move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + kind + file + ": " + e.getMessage(), e);
        }
    }

    /** Renames {@code from} over {@code to}, atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
