package dev.htsgd.dl.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reading whole dataset files, gzip or raw (detected by the gzip magic bytes 1f 8b, not the file name). */
final class DataFiles {
    private DataFiles() {
    }

    /** Reads a file fully, un-gzipping it when it starts with the gzip magic. */
    static byte[] readMaybeGzip(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                    return in.readAllBytes();
                } catch (EOFException e) {
                    throw new DataFormatException(file, "truncated gzip stream (download again)", e);
                } catch (ZipException e) {
                    throw new DataFormatException(file, "corrupt gzip data: " + e.getMessage(), e);
                }
            }
            return raw.readAllBytes();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataFormatException(file, "file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static int intBE(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
