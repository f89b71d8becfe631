package dev.htsgd.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Tables of bad option values and what the one line on stderr must say, kept as tab-separated data under
 * {@code src/test/resources/bad-options/} (lines starting with # are comments) so that a command's test reads
 * its cases instead of spelling them out in code.
 */
final class BadOptions {

    private BadOptions() {
    }

    /** The rows of {@code bad-options/NAME.tsv}, each split at tabs. */
    static List<String[]> cases(String name) {
        String resource = "/bad-options/" + name + ".tsv";
        try (var in = BadOptions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
