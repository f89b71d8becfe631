package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htsgd.run.Json;
import dev.htsgd.run.RunMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SparkSweep#run(SweepRequest)} without the command line: a sweep lands in its run directory and resumes
 * from its stored tasks; a failed job is one line with the task's own error (IllegalArgumentException when that is
 * bad input); the masters Spark accepts pass the check; a class missing on the executors says how to ship them.
 * The command's error contract (exit codes, option names) is tested in htsgd-app (SweepErrorsTest).
 */
@ExtendWith(SharedSpark.class)
class SparkSweepTest {

    @TempDir
    Path tmp;

    private static SweepSpec counting() {
        return SweepSpec.of("counting", SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2),
                List.of(0.1), List.of(0.5, Double.POSITIVE_INFINITY), List.of(0.1, 0.01), List.of(3L)),
                SweepSettings.defaults());
    }

    @Test
    void aSweepWritesItsRunDirectoryAndAResumedOneReusesEveryTask() throws Exception {
        CountingKind.register(3);
        Path out = tmp.resolve("run");
        SweepResult r = SparkSweep.run(SweepRequest.of(counting(), out));
        assertThat(r.stats().total()).isEqualTo(12);
        assertThat(r.stats().computed()).isEqualTo(12);
        assertThat(r.directory()).isDirectory().hasFileName("run");
        assertThat(r.master()).startsWith("local[2");
        assertThat(r.text()).startsWith("cells: 4").contains("12 tasks: 0 reused, 12 computed").endsWith("run directory: " + r.directory());
        assertThat(Json.MAPPER.readTree(Files.readString(out.resolve("results.json"))).path("experiment").asText())
                .isEqualTo("counting");
        assertThat(out.resolve(SparkSweep.TASKS_DIR)).isDirectory();

        CountingKind.ALWAYS_FAIL.add(TaskKey.of(3, 2).id());
        Path cut = tmp.resolve("cut");
        assertThatThrownBy(() -> SparkSweep.run(SweepRequest.of(counting(), cut)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("injected failure of c00003-r000002; stored ")
                .hasMessageContaining(" of 12 tasks in ").hasMessageContaining("add --resume");
        CountingKind.ALWAYS_FAIL.clear();
        SweepResult resumed = SparkSweep.run(new SweepRequest(counting(), cut, new RunMode(false, true), null, 0, 0,
                true, null));
        assertThat(resumed.stats().reused()).isPositive();
        assertThat(resumed.stats().reused() + resumed.stats().computed()).isEqualTo(12);
        assertThat(resumed.results().get("cells")).isEqualTo(r.results().get("cells"));
    }

    @Test
    void aTaskFailingOnBadInputIsAnIllegalArgument() {
        CountingKind.register(1);
        CountingKind.BAD_INPUT.add(TaskKey.of(0, 0).id());
        assertThatThrownBy(() -> SparkSweep.run(SweepRequest.of(counting(), tmp.resolve("bad"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--level injected bad input of c00000-r000000");
    }

    @Test
    void badRequestsAreRefusedBeforeTheRunDirectoryExists() throws IOException {
        CountingKind.register(1);
        Path out = tmp.resolve("none");
        assertThatThrownBy(() -> SparkSweep.run(new SweepRequest(counting(), out, RunMode.FRESH, null, 0, -1, true, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--partitions must be >= 0");
        assertThatThrownBy(() -> SparkSweep.run(new SweepRequest(counting(), out, RunMode.FRESH, "local[0]", 0, 0, true, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--master must be");
        assertThatThrownBy(() -> SweepKinds.of("nope")).hasMessage(
                "--experiment must be one of exit-times, simulate, rare-event, got 'nope'");
        try (var s = Files.list(tmp)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void theMastersSparkAcceptsPassTheCheck() {
        for (String m : List.of("local", "local[1]", "local[16]", "local[*]", "local[2,3]", "local[*, 4]",
                "local-cluster[2,1,1024]", "spark://host:7077", "spark://10.0.0.1:7077,10.0.0.2:7077", "spark://[::1]:7077",
                "yarn", "k8s://https://host:443", "k8s://host:6443", "k8s://http://127.0.0.1:8001")) {
            assertThat(SparkSweep.checkMaster(" " + m + " ", "--master")).as(m).isEqualTo(m);
        }
        assertThatThrownBy(() -> SparkSweep.checkMaster("bogus", "spark.master"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("spark.master must be");
    }

    /** What Spark 4.0 threw on a standalone cluster whose executors lacked htsgd-spark-app.jar (abridged). */
    static final String LOST_CLASS = "Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 times, most recent "
            + "failure: Lost task 0.3 in stage 0.0 (TID 6) (127.0.0.1 executor 0): java.io.IOException: "
            + "java.lang.ClassNotFoundException: dev.htsgd.spark.TaskKey\n"
            + "\tat org.apache.spark.util.SparkErrorUtils.tryOrIOException(SparkErrorUtils.scala:42)\n"
            + "\tat org.apache.spark.rdd.ParallelCollectionPartition.readObject(ParallelCollectionRDD.scala:70)\n"
            + "Caused by: java.lang.ClassNotFoundException: dev.htsgd.spark.TaskKey\n"
            + "\tat java.base/java.net.URLClassLoader.findClass(URLClassLoader.java:445)\n\nDriver stacktrace:";

    @Test
    void aClassMissingOnTheExecutorsSaysHowToShipTheHtsgdClasses() {
        String want = "the executors lack class dev.htsgd.spark.TaskKey; give them the htsgd classes: build "
                + "htsgd-app/target/htsgd-spark-app.jar (./mvnw -Papp -pl htsgd-app -am package -DskipTests) or set spark.jars";
        SweepFailure.TaskError shipped = SweepFailure.of(new SparkException(LOST_CLASS,
                new IOException(new ClassNotFoundException("dev.htsgd.spark.TaskKey"))), false);
        assertThat(shipped.message()).isEqualTo(want);
        assertThat(shipped.badInput()).isFalse();
        SweepFailure.TaskError parsed = SweepFailure.of(new SparkException(LOST_CLASS), false); // nothing shipped back
        assertThat(parsed.message()).isEqualTo(want);
        assertThat(SweepFailure.of(new NoClassDefFoundError("dev/htsgd/spark/Cell"), true).message())
                .isEqualTo("class dev.htsgd.spark.Cell is missing from the class path");
    }

    @Test
    void sparksMessageIsReadWhenTheTasksExceptionDidNotComeBack() {
        SweepFailure.TaskError bad = SweepFailure.of(new SparkException("Job aborted due to stage failure: Task 1 in "
                + "stage 2.0 failed 4 times, most recent failure: Lost task 1.3 in stage 2.0 (TID 9) (10.0.0.5 executor 3): "
                + "java.lang.IllegalArgumentException: --x0 must lie inside the domain\n\tat dev.htsgd.X.y(X.java:1)\n"), false);
        assertThat(bad.message()).isEqualTo("--x0 must lie inside the domain");
        assertThat(bad.badInput()).isTrue();
        SweepFailure.TaskError other = SweepFailure.of(new SparkException("Job aborted due to stage failure: Task "
                + "serialization failed: java.lang.InterruptedException\njava.lang.InterruptedException\n\tat a.b(C.java:1)",
                new InterruptedException()), false);
        assertThat(other.message()).isEqualTo(
                "Job aborted due to stage failure: Task serialization failed: java.lang.InterruptedException");
        assertThat(other.badInput()).isFalse();
        assertThat(SweepFailure.oneLine("[INVALID_EXECUTOR_MEMORY] Executor memory 1 must be at least 2.\n"
                + "Please increase executor memory. SQLSTATE: F0000")).isEqualTo(
                "[INVALID_EXECUTOR_MEMORY] Executor memory 1 must be at least 2. Please increase executor memory. SQLSTATE: F0000");
    }
}
