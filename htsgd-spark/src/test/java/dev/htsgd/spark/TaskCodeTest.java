package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.htsgd.run.Checkpoint;
import dev.htsgd.run.Json;
import dev.htsgd.run.RunMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TaskCode}: the same classes give the same hash from a directory and from a jar; a jar with one changed
 * class is stale and refused before a cluster job (as is a missing one); a sweep resumed with other code is
 * refused with one line naming the changed classes, and its stored tasks stay.
 */
@ExtendWith(SharedSpark.class)
class TaskCodeTest {

    @TempDir
    Path tmp;

    /** This module's main classes as a jar, with the bytes of {@code changed} (a resource name) altered. */
    private Path jarOfClasses(Path jar, String changed) throws Exception {
        Path classes = Path.of(TaskCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> all = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                String name = classes.relativize(p).toString().replace('\\', '/');
                out.putNextEntry(new JarEntry(name));
                byte[] b = Files.readAllBytes(p);
                if (name.equals(changed)) {
                    b = java.util.Arrays.copyOf(b, b.length + 1); // another build of that class
                }
                out.write(b);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void aJarOfTheDriversClassesIsCurrentAndOneChangedClassMakesItStale() throws Exception {
        TaskCode driver = TaskCode.ofClassPath(SparkSweep.codeLoader());
        TaskCode same = TaskCode.ofJar(jarOfClasses(tmp.resolve("same.jar"), null));
        assertThat(same.classes()).containsKey("dev/htsgd/spark/TaskKey.class");
        assertThat(same.staleAgainst(driver)).isEmpty();
        assertThat(driver.classes()).containsAllEntriesOf(same.classes());

        Path stale = jarOfClasses(tmp.resolve("stale.jar"), "dev/htsgd/spark/TaskKey.class");
        assertThat(TaskCode.ofJar(stale).staleAgainst(driver)).containsExactly("dev.htsgd.spark.TaskKey");
        assertThat(TaskCode.ofJar(stale).sha256()).isNotEqualTo(same.sha256());
        assertThat(SparkSweep.checkAppJar(jarOfClasses(tmp.resolve("ok.jar"), null), driver, "spark://h:7077"))
                .isEqualTo(tmp.resolve("ok.jar"));
        assertThatThrownBy(() -> SparkSweep.checkAppJar(stale, driver, "spark://h:7077"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is stale: 1 of its classes differ from the driver's (dev.htsgd.spark.TaskKey)")
                .hasMessageContaining("./mvnw -Papp -pl htsgd-app -am package");
    }

    @Test
    void aClusterSweepWithoutTheApplicationJarIsRefusedBeforeTheRunDirectoryExists() throws IOException {
        CountingKind.register(1);
        Path out = tmp.resolve("none");
        SweepSpec spec = SweepSpec.of("counting", SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2),
                List.of(0.1), List.of(0.5), List.of(0.1), List.of(3L)), SweepSettings.defaults());
        assertThatThrownBy(() -> SparkSweep.run(new SweepRequest(spec, out, RunMode.FRESH, "spark://127.0.0.1:7077", 0, 0,
                true, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the executors of spark://127.0.0.1:7077 need the htsgd application jar");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void aResumeWithOtherCodeIsRefusedNamingTheChangedClasses() throws Exception {
        CountingKind.register(3);
        SweepSpec spec = SweepSpec.of("counting", SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2),
                List.of(0.1), List.of(0.5, Double.POSITIVE_INFINITY), List.of(0.1), List.of(3L)), SweepSettings.defaults());
        CountingKind.ALWAYS_FAIL.add(TaskKey.of(1, 2).id());
        Path cut = tmp.resolve("cut");
        assertThatThrownBy(() -> SparkSweep.run(SweepRequest.of(spec, cut))).isInstanceOf(IllegalStateException.class);
        CountingKind.ALWAYS_FAIL.clear();
        // the unfinished run as another build of TaskKey left it
        Path partial = SparkSweep.partialOf(cut);
        Path file = partial.resolve(Checkpoint.FILE);
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(Files.readString(file));
        ObjectNode code = (ObjectNode) root.path("done").path(SparkSweep.CODE_KEY);
        assertThat(code.path("sha256").asText()).hasSize(64);
        code.put("sha256", "0123456789ab" + code.path("sha256").asText().substring(12));
        ((ObjectNode) code.path("classes")).put("dev/htsgd/spark/TaskKey.class", "0000000000000000");
        Files.writeString(file, Json.MAPPER.writeValueAsString(root));
        List<String> stored;
        try (Stream<Path> s = Files.list(partial.resolve(SparkSweep.TASKS_DIR))) {
            stored = s.map(Path::toString).sorted().toList();
        }

        assertThatThrownBy(() -> SparkSweep.run(new SweepRequest(spec, cut, new RunMode(false, true), null, 0, 0, true, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--resume: the code that runs in tasks changed since the sweep in ")
                .hasMessageContaining("(1 classes: dev.htsgd.spark.TaskKey; code 0123456789ab then, ")
                .hasMessageContaining("use --force to start again")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        try (Stream<Path> s = Files.list(partial.resolve(SparkSweep.TASKS_DIR))) {
            assertThat(s.map(Path::toString).sorted().toList()).as("the stored tasks stay").isEqualTo(stored);
        }
    }

    @Test
    void listsAreCutForOneLine() {
        assertThat(TaskCode.list(List.of("a", "b", "c", "d", "e"), 3)).isEqualTo("a, b, c and 2 more");
        assertThat(TaskCode.list(List.of("a"), 3)).isEqualTo("a");
        assertThat(TaskCode.className("dev/htsgd/spark/TaskKey$1.class")).isEqualTo("dev.htsgd.spark.TaskKey$1");
    }
}
