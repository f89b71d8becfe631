package dev.htsgd.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Using the library from Java" holds exactly the programs that {@link ReadmeProgramsTest} runs:
 * each ```java block there is the imports of one program's source file, a blank line, and the lines between its
 * {@code // README:<name> begin} and {@code end} markers (de-indented; lines tagged {@code README:omit}, the
 * tests' hooks, left out). Edit the program here, then paste it into the README (or the other way round).
 */
class ReadmeSyncTest {

    static final String SECTION = "## Using the library from Java";
    static final Path SOURCES = Path.of("src/test/java/dev/htsgd/readme");

    /** Program name (marker) and source file, in README order. */
    static final String[][] PROGRAMS = {
        {"analyse", "AnalyseLandscape.java"}, {"train", "TrainHeavyTailed.java"}, {"hessian", "TopHessianEigenvalue.java"},
        {"djl", "TrainWithDjl.java"},
    };

    /** The README section's ```java blocks, in order. */
    static List<List<String>> readmeBlocks() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf(SECTION);
        assertThat(start).as("README section " + SECTION).isNotNegative();
        List<List<String>> blocks = new ArrayList<>();
        List<String> cur = null;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String l = lines.get(i);
            if (cur == null && l.equals("```java")) {
                cur = new ArrayList<>();
            } else if (cur != null && l.equals("```")) {
                blocks.add(cur);
                cur = null;
            } else if (cur != null) {
                cur.add(l);
            }
        }
        assertThat(cur).as("unclosed ```java block").isNull();
        return blocks;
    }

    /** What the README must show for one program: its imports, a blank line, its marked body. */
    static List<String> expected(String name, String file) throws IOException {
        List<String> src = Files.readAllLines(SOURCES.resolve(file));
        List<String> out = new ArrayList<>();
        for (String l : src) {
            if (l.startsWith("import ")) {
                out.add(l);
            }
        }
        out.add("");
        String begin = "// README:" + name + " begin";
        String end = "// README:" + name + " end";
        int b = -1;
        int e = -1;
        for (int i = 0; i < src.size(); i++) {
            if (src.get(i).trim().equals(begin)) {
                b = i;
            } else if (src.get(i).trim().equals(end)) {
                e = i;
            }
        }
        assertThat(b).as(file + ": " + begin).isNotNegative();
        assertThat(e).as(file + ": " + end).isGreaterThan(b);
        int indent = src.get(b).indexOf("//");
        for (String l : src.subList(b + 1, e)) {
            if (l.contains("README:omit")) {
                continue;
            }
            assertThat(l.isBlank() || l.substring(0, Math.min(indent, l.length())).isBlank())
                    .as(file + ": line indented less than its marker: " + l).isTrue();
            out.add(l.isBlank() ? "" : l.substring(indent));
        }
        return out;
    }

    @Test
    void everyJavaBlockOfTheSectionIsATestedProgram() throws IOException {
        List<List<String>> blocks = readmeBlocks();
        assertThat(blocks).as("```java blocks in " + SECTION).hasSize(PROGRAMS.length);
        for (int k = 0; k < PROGRAMS.length; k++) {
            assertThat(blocks.get(k)).as("README block " + (k + 1) + " = " + PROGRAMS[k][1] + " (imports, blank line, "
                    + "body between its README markers)").containsExactlyElementsOf(expected(PROGRAMS[k][0], PROGRAMS[k][1]));
        }
    }

    /** Prints the README blocks as they should read (for pasting after editing a program). */
    public static void main(String[] args) throws IOException {
        for (String[] p : PROGRAMS) {
            System.out.println("```java");
            expected(p[0], p[1]).forEach(System.out::println);
            System.out.println("```");
        }
    }
}
