package dev.htsgd.dl.data;

import java.nio.file.Path;

/** A dataset file that is corrupt, truncated or of the wrong kind; the message names the file. */
public class DataFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param file the offending file  @param problem what is wrong with it */
    public DataFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** @param file the offending file  @param problem what is wrong  @param cause underlying error */
    public DataFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
