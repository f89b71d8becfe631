package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import dev.htsgd.cli.command.ReproduceCommand;
import dev.htsgd.run.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.cli.reproduce.ReproduceContext;
import dev.htsgd.cli.reproduce.ReproduceRunner;
import dev.htsgd.cli.reproduce.ReproduceTarget;
import dev.htsgd.cli.reproduce.ReproduceTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReproduceCommandTest {

    @TempDir
    Path tmp;


    @Test
    void unknownTargetListsTheValidOnes() {
        String[] r = run("reproduce", "no-such-thing", "--out", tmp.resolve("x").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("no-such-thing").contains("valid:")
                .contains("exit-times", "global-dynamics", "rare-event", "two-d", "b-map");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void existingOutputIsNotOverwrittenWithoutForce() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("exists"));
        String[] r = run("reproduce", "b-map", "--out", out.toString(), "--quiet");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--force");
        assertThat(out.resolve("report.html")).doesNotExist();
    }

    @Test
    void writesACompleteRunDirectoryWithReport() throws Exception {
        Path out = tmp.resolve("bmap");
        String[] r = run("reproduce", "b-map", "--out", out.toString(), "--quiet", "--seed", "5");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("report: " + out.toAbsolutePath().resolve("report.html"));
        assertThat(out.resolve("config.yaml")).content().contains("seed: 5").contains("htsgd_version").contains("java_version");
        JsonNode results = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        assertThat(results.get("bands").size()).isGreaterThan(1);
        assertThat(out.resolve("b-map.csv")).exists();
        assertThat(out.resolve("plots/b-map.png")).exists();
        assertThat(out.resolve("plots/b-map.svg")).exists();
        assertThat(out.resolve("report.html")).content().contains("data:image/png;base64,").contains("Provenance");
        assertThat(out.resolve("log.txt")).content().contains("finished");
        assertThat(tmp.resolve("bmap.partial")).doesNotExist();
        // the same options from config.yaml reproduce the same results
        Path again = tmp.resolve("again");
        String[] r2 = run("reproduce", "b-map", "--config", out.resolve("config.yaml").toString(), "--out", again.toString(), "--quiet");
        assertThat(r2[0]).as(r2[2]).isEqualTo("0");
        assertThat(Json.MAPPER.readTree(again.resolve("results.json").toFile()).get("bands")).isEqualTo(results.get("bands"));
    }

    /** A target that does the real work, then dies as if the process were killed. */
    record Dying(ReproduceTarget inner) implements ReproduceTarget {
        @Override
        public Info info() {
            return inner.info();
        }

        @Override
        public Map<String, Object> run(ReproduceContext ctx) throws Exception {
            inner.run(ctx);
            ctx.run().checkpoint().flush();
            throw new IllegalStateException("killed");
        }
    }

    @Test
    void killedRunLeavesNothingCompleteAndResumesToTheSameResult() throws Exception {
        Path ref = tmp.resolve("ref");
        String[] args = {"reproduce", "rare-event", "--size", "tiny", "--etas", "1/40", "--samples", "3000", "--quiet"};
        String[] r = run(concat(args, "--out", ref.toString()));
        assertThat(r[0]).as(r[2]).isEqualTo("0");

        Path killed = tmp.resolve("killed");
        CommandLine cl = Main.newCommandLine();
        CommandLine.ParseResult pr = cl.parseArgs(concat(args, "--out", killed.toString()));
        CommandLine sub = pr.subcommand().commandSpec().commandLine();
        ReproduceCommand cmd = sub.getCommand();
        try {
            ReproduceRunner.run(sub.getCommandSpec(), cmd.common, cmd.run, cmd.settings, "reproduce-rare-event", "t", "i",
                    List.of(new Dying(ReproduceTargets.get("rare-event"))));
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("killed");
        }
        assertThat(killed).doesNotExist();
        Path partial = tmp.resolve("killed.partial");
        assertThat(partial.resolve("checkpoint.json")).exists();
        assertThat(partial.resolve("results.json")).doesNotExist();
        assertThat(partial.resolve("report.html")).doesNotExist();

        String[] resumed = run(concat(args, "--out", killed.toString(), "--resume"));
        assertThat(resumed[0]).as(resumed[2]).isEqualTo("0");
        JsonNode a = Json.MAPPER.readTree(ref.resolve("results.json").toFile()).get("points");
        JsonNode b = Json.MAPPER.readTree(killed.resolve("results.json").toFile()).get("points");
        assertThat(b).isEqualTo(a);
        assertThat(killed.resolve("log.txt")).content().contains("resumed");
    }

    @Test
    void rareEventCommandPrintsJsonPoints() throws Exception {
        String[] r = run("rare-event", "--etas", "1/50", "--samples", "2000", "--format", "json", "--threads", "2");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode p = Json.MAPPER.readTree(r[1]).get("points").get(0);
        assertThat(p.get("eta").asDouble()).isEqualTo(0.02);
        assertThat(p.get("method").asText()).isEqualTo("is");
        assertThat(p.get("ci_low").asDouble()).isLessThanOrEqualTo(p.get("estimate").asDouble());
        assertThat(p.get("ci_high").asDouble()).isGreaterThan(p.get("estimate").asDouble());
        String[] bad = run("rare-event", "--clip", "-1");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("--clip");
    }

    /** The demo at its tiny scale: three targets in one run directory, JSON on stdout naming the report. */
    @Test
    void demoWritesOneReportForItsThreeTargets() throws Exception {
        Path out = tmp.resolve("demo");
        String[] r = run("demo", "--size", "tiny", "--out", out.toString(), "--format", "json", "--threads", "2");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("targets").fieldNames()).toIterable().containsExactly("exit-times", "global-dynamics", "b-map");
        assertThat(j.get("report").asText()).isEqualTo(out.toAbsolutePath().resolve("report.html").toString());
        JsonNode gd = j.get("targets").get("global-dynamics").get("settings");
        assertThat(gd.get(0).get("limiting_stationary").size()).isEqualTo(4);
        assertThat(j.get("targets").get("exit-times").get("slopes").size()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("report.html"))).contains("B. Global dynamics").contains("b-map")
                .contains("A. First exit times");
    }

    /**
     * The demo's report (at --size tiny) in headless Chromium via scripts/screenshot-report.sh: every image loads
     * (naturalWidth > 0), the page logs no console error, and the screenshot is not blank. CI installs chromium
     * (.ci/run) and sets CI, so there the test never skips; locally it skips only when no chromium is installed.
     */
    @Test
    void demoReportRendersInHeadlessChromium() throws Exception {
        Path script = Path.of("..", "scripts", "screenshot-report.sh").toAbsolutePath().normalize();
        assertThat(Files.isExecutable(script)).as("scripts/screenshot-report.sh").isTrue();
        boolean chromium = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .anyMatch(p -> Files.isExecutable(Path.of(p)));
        if (System.getenv("CI") == null) {
            assumeThat(chromium).as("chromium installed").isTrue();
        }
        assertThat(chromium).as("chromium must be installed in CI (.ci/run installs it)").isTrue();
        Path out = tmp.resolve("shot");
        String[] r = run("demo", "--size", "tiny", "--out", out.toString(), "--quiet", "--threads", "2");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        Process p = new ProcessBuilder(script.toString(), out.toString(), tmp.resolve("shot.png").toString(), "1000x1400")
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isEqualTo(0);
        long figures = Files.readString(out.resolve("report.html")).split("<img ", -1).length - 1;
        assertThat(log).contains("report check: " + figures + " images, all loaded, no console errors");
        assertThat(figures).isGreaterThanOrEqualTo(6);
        assertThat(Files.size(tmp.resolve("shot.png"))).isGreaterThan(30_000);
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
