package dev.htsgd.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htsgd.cli.reproduce.ReproduceTargets;
import dev.htsgd.spark.CountingKind;
import dev.htsgd.spark.SharedSpark;
import dev.htsgd.spark.SweepGrid;
import dev.htsgd.spark.SweepKind;
import dev.htsgd.spark.SweepSettings;
import dev.htsgd.spark.SweepSpec;
import dev.htsgd.spark.TaskKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The error contract of {@code htsgd sweep} (architecture.md, CLI contract): every bad option is one line naming
 * the option and its allowed range, exit code 2, refused before the run directory exists; a failed Spark job is
 * one line with the task's own error (not Spark's stack trace), exit 2 when that error is bad input and 1
 * otherwise, with the "stored N of M tasks, add --resume" hint when tasks were stored.
 */
@ExtendWith(SharedSpark.class)
class SweepErrorsTest {

    @TempDir
    Path tmp;

    /** Runs {@code htsgd sweep ARGS --out PARENT/run} in a fresh PARENT; returns {code, stdout, stderr}. */
    private String[] sweep(Path parent, String... args) throws IOException {
        Files.createDirectories(parent);
        String[] all = Stream.concat(Stream.of("sweep"),
                Stream.concat(Stream.of(args), Stream.of("--quiet", "--out", parent.resolve("run").toString())))
                .toArray(String[]::new);
        return SweepCommandSparkTest.run(all);
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void assertOneLine(String[] r, String code) {
        assertThat(r[0]).as(r[2]).isEqualTo(code);
        assertThat(r[2].strip().lines()).as(r[2]).hasSize(1);
        assertThat(r[2]).doesNotContain("\tat ", "Driver stacktrace", "Job aborted", "SparkException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus://x", "local[0]", "local[x]", "local[2,0]", "local[", "locale", "spark://host",
        "spark://host:0", "spark://host:70000", "spark://h1:7077,", "spark://", "yarn-client", "k8s://", "k8s://https://",
        "mesos://host:5050", " "})
    void aBadMasterIsOneLineAndCreatesNothing(String master) throws IOException {
        Path parent = tmp.resolve("p");
        String[] r = sweep(parent, "--master", master, "--samples", "1", "--max-steps", "100");
        assertOneLine(r, "2");
        assertThat(r[2]).contains("--master must be local, local[N], local[*], local[N,M]")
                .contains("spark://HOST:PORT").contains("got '" + master + "'");
        assertThat(entries(parent)).as("created under the output parent").isEmpty();
    }

    /** Each bad option: the option as typed, then the words its message must contain. */
    @ParameterizedTest
    @ValueSource(strings = {
        "--partitions|-1|--partitions must be >= 0",
        "--seeds|1,1|--seeds lists 1 twice",
        "--eta|0.1,0.1|--eta lists 0.1 twice",
        "--threads|-1|--threads must be >= 0",
        "--samples|0|--samples must be in [1, 2147483647]",
        // one task per replication on the scalar engine, 32 on lanes (the default auto takes them where available)
        "--samples|2147483647|the sweep must have at most 10000000 tasks, got ",
        "--max-steps|0|--max-steps must be >= 1",
        "--steps|0|--steps must be >= 1",
        "--paths|0|--paths must be >= 1",
        "--batch|0|--batch must be >= 1",
        "--horizon|-1|--horizon must be >= 0",
        "--level|NaN|--level must be finite",
        "--alpha|NaN|--alpha must be in (0, inf]",
        "--alpha|0.1,-1|--alpha must be in (0, inf]",
        "--scale|NaN|--scale must be in (0, inf)",
        "--scale|Infinity|--scale must be in (0, inf)",
        "--eta|NaN|--eta must be in (0, inf)",
        "--eta|0.1,,0.2|--eta must be numbers",
        "--eta|1/0|--eta must be in (0, inf)",
        "--clip|NaN|--clip must be in (0, inf) or none",
        "--clip||--clip must be in (0, inf) or none",
        "--landscape||--landscape must name a landscape",
        "--noise||--noise must be one of",
        "--domain|-Infinity,2|--domain must be a,b with finite a < b",
        "--domain|2,1|--domain must be a,b",
        "--ball|NaN|--ball must be in (0, inf)",
        "--normal-scale|NaN|--normal-scale must be in [0, inf)",
        "--normal-scale|-1|--normal-scale must be in [0, inf)",
        "--basin|-1|--basin must be >= 0",
        "--basin|9|--basin must be in [0, 3], got 9",
        "--x0|NaN|--x0 must be a number, x,y or min",
        "--method|x|--method must be one of is | mc",
        "--estimator|x|--estimator must be one of is | mc",
        "--engine|simd|--engine must be one of scalar | vector | auto",
        "--size|x|--size must be full, quick or tiny",
        "--clip-mode|x|--clip-mode",
        "--experiment|x|--experiment must be one of",
        "--target|b-map|--target is for --experiment reproduce only",
        "--master|bogus://x|--master must be",
        "--conf|spark.executor.memory|--conf must be KEY=VALUE with a Spark property as KEY",
        "--conf|=2g|--conf must be KEY=VALUE",
        "--conf|executor.memory=2g|--conf must be KEY=VALUE",
        "--driver-host|203.0.113.7|--driver-host must be a host name or IP address of this machine",
        "--driver-host||--driver-host must be a host name"})
    void aBadOptionIsOneLineNamingItAndCreatesNothing(String spec) throws IOException {
        String[] p = spec.split("\\|", -1);
        Path parent = tmp.resolve("p");
        List<String> args = new java.util.ArrayList<>(List.of(p[0], p[1]));
        for (String[] small : new String[][] {{"--samples", "1"}, {"--max-steps", "100"}}) {
            if (!p[0].equals(small[0])) { // a quick sweep, should the bad option be accepted
                args.addAll(List.of(small));
            }
        }
        String[] r = sweep(parent, args.toArray(String[]::new));
        assertOneLine(r, "2");
        assertThat(r[2]).startsWith("htsgd sweep: ").contains(p[2]);
        assertThat(entries(parent)).as("created under the output parent").isEmpty();
    }

    @Test
    void anUnknownReproduceTargetIsRefusedBeforeSparkRuns() throws IOException {
        Path parent = tmp.resolve("p");
        String[] r = sweep(parent, "--experiment", "reproduce", "--target", "b-map,nope", "--size", "tiny");
        assertOneLine(r, "2");
        assertThat(r[2]).contains("--target must be among exit-times, global-dynamics").contains("got 'nope'");
        assertThat(entries(parent)).isEmpty();
    }

    @Test
    void aFailingTaskIsOneLineWithItsOwnErrorAndTheResumeHint() throws IOException {
        CountingKind.register(3);
        CountingKind.ALWAYS_FAIL.add(TaskKey.of(3, 2).id()); // the last task of 4 cells x 3: the others are stored first
        Path parent = tmp.resolve("p");
        String[] r = sweep(parent, "--experiment", "counting", "--eta", "0.1,0.01", "--clip", "0.5,none");
        assertOneLine(r, "1");
        assertThat(r[2]).startsWith("htsgd sweep: error: injected failure of c00003-r000002; stored ")
                .contains(" of 12 tasks in ").contains("add --resume (same options and --out " + parent.resolve("run"));
        assertThat(entries(parent)).containsExactly("run.partial");
        assertThat(Files.readString(parent.resolve("run.partial/log.txt"))).contains("injected failure of c00003-r000002")
                .doesNotContain("\tat ");

        CountingKind.ALWAYS_FAIL.clear();
        String[] resumed = sweep(parent, "--experiment", "counting", "--eta", "0.1,0.01", "--clip", "0.5,none", "--resume");
        assertThat(resumed[0]).as(resumed[2]).isEqualTo("0");
        assertThat(entries(parent)).containsExactly("run");
    }

    @Test
    void aTaskFailingOnBadInputExitsTwo() throws IOException {
        CountingKind.register(1);
        CountingKind.BAD_INPUT.add(TaskKey.of(0, 0).id());
        String[] r = sweep(tmp.resolve("p"), "--experiment", "counting");
        assertOneLine(r, "2");
        assertThat(r[2]).isEqualToIgnoringNewLines(
                "htsgd sweep: --level injected bad input of c00000-r000000 (no task completed)");
    }

    @Test
    void aFailedReproduceRunIsBadInputWhenItExitedWithTwo() {
        SweepSpec spec = SweepSpec.of("reproduce", SweepGrid.of(List.of("nope"), List.of("iclr1d"), List.of("pareto"),
                List.of(1.2), List.of(0.1), List.of(0.5), List.of(0.01), List.of(7L)), SweepSettings.defaults());
        SweepKind.Worker w = new ReproduceKind().in(tmp).worker(spec);
        assertThatThrownBy(() -> w.run(spec.grid().cell(0), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("htsgd reproduce nope --seed 7 exited with 2: unknown reproduce target 'nope'; valid: "
                        + ReproduceTargets.names());
    }
}
