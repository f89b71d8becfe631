package dev.htsgd.io;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the text files users give us (samples, configuration) so that a binary file, such as a PNG, an
 * executable or a zip archive passed where text is expected, is refused as {@link NotTextException} naming
 * the file and the line, instead of being half-parsed into a confusing or, worse, a plausible result.
 *
 * <p>Text means UTF-8 (ASCII included) without NUL or other control characters besides tab, line feed,
 * carriage return and form feed: malformed UTF-8 alone would let through binary formats whose first bytes
 * happen to be ASCII (an ELF header, a zip local header), but those always carry such control bytes.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The file is not text; {@link #line()} is the 1-based line where the first binary data is. */
    public static final class NotTextException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final transient Path file;
        private final long line;

        NotTextException(Path file, long line, String what) {
            super(file + " line " + line + ": not a text file (" + what + ")");
            this.file = file;
            this.line = line;
        }

        public Path file() {
            return file;
        }

        public long line() {
            return line;
        }
    }

    /**
     * A buffered UTF-8 reader of {@code file} whose reads throw {@link NotTextException} at the first binary
     * data.
     *
     * @throws IOException when the file cannot be opened (missing, a directory, no permission)
     */
    public static BufferedReader open(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new Checked(new InputStreamReader(Files.newInputStream(file), utf8), file));
    }

    /** The whole file as a string; {@link NotTextException} when it is not text. */
    public static String read(Path file) throws IOException {
        try (BufferedReader r = open(file)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) >= 0; ) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }

    static boolean isText(char c) {
        return c >= 0x20 ? c != 0x7f : c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Counts lines as characters pass, so that the refusal can say where the binary data starts. */
    private static final class Checked extends FilterReader {

        private final Path file;
        private long line = 1;

        Checked(Reader in, Path file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n;
            try {
                n = super.read(buf, off, len);
            } catch (CharacterCodingException e) {
                throw new NotTextException(file, line, "bytes that are not UTF-8");
            }
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (c == '\n') {
                    line++;
                } else if (!isText(c)) {
                    throw new NotTextException(file, line, String.format("control byte 0x%02x", (int) c));
                }
            }
            return n;
        }
    }
}
