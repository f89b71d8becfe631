package dev.htsgd.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The libraries speak in their own words: no string literal of htsgd-core or htsgd-dl names a command-line flag
 * ({@code "--eta must ..."}); the CLI maps parameter names to its options ({@code cli.OptionNames}).
 */
class NoFlagNamesTest {

    private static final Pattern FLAG = Pattern.compile("--[A-Za-z]");

    /**
     * The only flag allowed in library literals: the JVM's own option that loads the vector module (not an
     * htsgd flag).
     */
    private static final List<String> ALLOWED = List.of("--add-modules jdk.incubator.vector");

    @Test
    void noLibraryLiteralNamesAFlag() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../htsgd-dl/src/main/java"))) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                    for (String literal : literals(read(p))) {
                        String rest = literal;
                        for (String a : ALLOWED) {
                            rest = rest.replace(a, "");
                        }
                        if (FLAG.matcher(rest).find()) {
                            found.add(root.relativize(p) + ": \"" + literal + "\"");
                        }
                    }
                });
            }
        }
        assertThat(found).as("string literals naming a CLI flag").isEmpty();
    }

    @Test
    void theScannerSeesLiteralsButNotComments() {
        String src = "/* \"--a\" */ class X { // \"--b\"\n String s = \"--c \\\" --d\"; char q = '\"'; String t = \"e\"; }";
        assertThat(literals(src)).containsExactly("--c \\\" --d", "e");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals (text blocks included) of Java source {@code s}, outside comments, as written. */
    static List<String> literals(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int e = s.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int e = s.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '\'') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                int e = s.indexOf("\"\"\"", i + 3);
                e = e < 0 ? n : e;
                out.add(s.substring(i + 3, e));
                i = e + 3;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"' && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(s.substring(i + 1, Math.min(j, n)));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }
}
