package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import dev.htsgd.run.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.cli.dl.DlFashion;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.dl.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.htsgd.dl.train.MetricsRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** htsgd train end to end on a small IDX data set written in the real format. */
class TrainCommandTest {
    @TempDir
    Path tmp;


    static void idx(Path dir, int nTrain, int nTest) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("train-images-idx3-ubyte.gz"), images(nTrain));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), labels(nTrain));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), images(nTest));
        write(dir.resolve("t10k-labels-idx1-ubyte.gz"), labels(nTest));
    }

    static byte[] images(int n) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < 784; p++) {
                // class-dependent blobs so training makes progress
                b.put((byte) (((p / 78) == i % 10) ? 220 : (p * 13 + i) % 40));
            }
        }
        return b.array();
    }

    static byte[] labels(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static void write(Path f, byte[] raw) throws IOException {
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(f))) {
            o.write(raw);
        }
    }

    @Test
    void trainsAndWritesMetricsWeightsAndJson() throws IOException {
        Path data = tmp.resolve("data");
        idx(data, 60, 20);
        Path out = tmp.resolve("run");
        String[] r = run("train", "--data", data.toString(), "--subset", "40", "--corrupt", "10", "--method", "our2",
                "--iterations", "6", "--noise-off", "3", "--large-batch", "16", "--batch", "8", "--eval-every", "3",
                "--threads", "1", "--out", out.toString(), "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        for (String k : List.of("test_accuracy", "train_accuracy", "train_loss", "expected_sharpness", "hessian_top", "steps_per_second")) {
            assertThat(j.has(k)).as(k).isTrue();
        }
        assertThat(j.get("train_examples").asInt()).isEqualTo(50);
        assertThat(Files.readAllLines(out.resolve("metrics.csv"))).hasSize(4); // header + steps 0, 3, 6
        Map<String, Npz.Array> w = Npz.read(out.resolve("weights.npz"));
        assertThat(w.keySet()).contains("01Conv2d_weight", "10Linear_bias");
        assertThat(w.get("01Conv2d_weight").shape()).containsExactly(10, 1, 5, 5);
        assertThat(out.resolve("plots/learning_curves.png")).exists();
        assertThat(out.resolve("train-state.bin")).doesNotExist();
    }

    @Test
    void recordNoiseWritesTheGradientNoiseIndexAndChangesNoTrainingNumber() throws IOException {
        Path data = tmp.resolve("data");
        idx(data, 60, 20);
        String[] base = {"train", "--data", data.toString(), "--subset", "40", "--corrupt", "10", "--method", "sb",
            "--iterations", "6", "--batch", "8", "--eval-every", "3", "--threads", "1", "--sharpness-draws", "2",
            "--quiet", "--format", "json"};
        List<String> with = new java.util.ArrayList<>(List.of(base));
        with.addAll(List.of("--record-noise", "3", "--noise-draws", "40", "--out", tmp.resolve("noisy").toString()));
        String[] r = run(with.toArray(String[]::new));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        JsonNode noise = j.get("noise_index");
        assertThat(noise).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(noise.get(i).get("step").asLong()).isEqualTo(3L * i);
            double a = noise.get(i).get("estimate").asDouble();
            assertThat(a).isGreaterThan(0);
            assertThat(noise.get(i).get("interval").get(0).asDouble()).isLessThanOrEqualTo(a);
            assertThat(noise.get(i).get("interval").get(1).asDouble()).isGreaterThanOrEqualTo(a);
        }
        List<String> csv = Files.readAllLines(tmp.resolve("noisy/metrics.csv"));
        assertThat(csv.get(0)).endsWith("noise_alpha,noise_alpha_low,noise_alpha_high,noise_norm_alpha,noise_norm_alpha_low,noise_norm_alpha_high");
        assertThat(csv.get(2).split(",", -1)[MetricsRow.HEADER.size()]).isEqualTo(noise.get(1).get("estimate").asText());
        // its own minibatch stream: the training is the run without --record-noise, bit for bit
        List<String> plain = new java.util.ArrayList<>(List.of(base));
        plain.addAll(List.of("--out", tmp.resolve("plain").toString()));
        String[] p = run(plain.toArray(String[]::new));
        JsonNode q = Json.MAPPER.readTree(p[1]);
        for (String k : List.of("test_accuracy", "train_accuracy", "train_loss", "test_loss", "expected_sharpness")) {
            assertThat(j.get(k)).as(k).isEqualTo(q.get(k));
        }
        String[] bad = run("train", "--data", data.toString(), "--eval-every", "3", "--record-noise", "5", "--out",
                tmp.resolve("never").toString());
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("--record-noise must be 0 (off) or a multiple of --eval-every (3), got 5");
        assertThat(tmp.resolve("never")).doesNotExist();
    }

    @Test
    void badInputIsOneLine() throws IOException {
        String[] r = run("train", "--dataset", "mnist", "--data", tmp.resolve("nothing").toString(), "--iterations", "2",
                "--out", tmp.resolve("none").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--data " + tmp.resolve("nothing") + " does not hold mnist").contains("--download");
        Path data = tmp.resolve("data");
        idx(data, 60, 20);
        r = run("train", "--data", data.toString(), "--model", "vgg11", "--subset", "40", "--corrupt", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--model vgg11 does not fit dataset");
        r = run("train", "--data", data.toString(), "--method", "adam");
        assertThat(r[2]).contains("--method must be one of");
        Files.write(data.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        r = run("train", "--data", data.toString(), "--subset", "40", "--corrupt", "0", "--iterations", "2",
                "--out", tmp.resolve("bad").toString());
        assertThat(r[2]).contains("t10k-labels-idx1-ubyte.gz");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }

    /** A tiny run's arguments (40 + 10 images, batches 8 and 16, two iterations) followed by {@code extra}. */
    private String[] tiny(Path data, Path out, String... extra) {
        String[] base = {"train", "--data", data.toString(), "--subset", "40", "--corrupt", "10", "--iterations", "2",
            "--eval-every", "2", "--threads", "1", "--out", out.toString(), "--format", "json"};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    // all six methods are checked one step at a time against the README's table in MethodStepTest; this is the
    // pair that was wrong end to end (sb truncated like sb-clip)
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"sb, 0", "sb-clip, 1"})
    void truncationFractionFollowsTheReadmeTable(String method, double fraction) throws IOException {
        // b = 1e-9 is far below every ||eta g||: each update of a truncated method is truncated (fraction 1), and
        // plain SGD never is (fraction 0); sb once gave 1 here
        Path data = tmp.resolve("data");
        idx(data, 60, 20);
        String[] r = tiny(data, tmp.resolve("run"), "--method", method, "--clip", "1e-9", "--noise-off", "0",
                "--batch", "8", "--large-batch", "16");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(Json.MAPPER.readTree(r[1]).get("truncation_fraction").asDouble()).isEqualTo(fraction);
    }

    @Test
    void nanLossIsBadInputWithAdviceForTheMethodAndLeavesNothingToResume() throws IOException {
        Path data = tmp.resolve("data");
        idx(data, 60, 20);
        Path parent = Files.createDirectories(tmp.resolve("runs"));
        // eta 1e30 overflows the weights at once: the loss of the next evaluation is NaN
        String[] r = tiny(data, parent.resolve("lb"), "--method", "lb", "--eta", "1e30", "--batch", "8", "--large-batch", "16");
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip()).doesNotContain("\n").contains("became NaN").contains("method lb")
                .contains("--method lb has no truncation, so --clip cannot help: try a smaller --eta")
                .doesNotContain("resume").doesNotContain("Exception");
        // a truncated method with b too large to bound the update: lowering b (or eta) is the advice
        r = tiny(data, parent.resolve("clip"), "--method", "sb-clip", "--eta", "1e30", "--clip", "1e35",
                "--batch", "8", "--large-batch", "16");
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2]).contains("try a smaller --clip or --eta");
        // neither NAME nor NAME.partial: nothing that looks finished or resumable
        try (var files = Files.list(parent)) {
            assertThat(files.toList()).isEmpty();
        }
        r = tiny(data, parent.resolve("lb"), "--method", "lb", "--eta", "1e30", "--batch", "8", "--large-batch", "16",
                "--resume");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--resume: no unfinished run");
    }

    @Test
    void badValuesAreRefusedBeforeAnythingIsCreated() throws IOException {
        Path data = tmp.resolve("data");
        idx(data, 60, 20);
        Path parent = Files.createDirectories(tmp.resolve("runs"));
        Path out = parent.resolve("run");
        // the options after the defaults of tiny(), and what the one line must say
        List<String[]> cases = BadOptions.cases("train");
        for (String[] c : cases) {
            String[] r = tiny(data, out, java.util.Arrays.copyOfRange(c, 1, c.length));
            assertThat(r[0]).as(String.join(" ", c) + ": " + r[2]).isEqualTo("2");
            assertThat(r[2].strip()).as(c[1]).startsWith("htsgd train: " + c[0]).doesNotContain("\n");
            try (var files = Files.list(parent)) {
                assertThat(files.toList()).as(c[1]).isEmpty();
            }
        }
        // --subset and --corrupt and --data cannot come after tiny()'s own, so these spell the run out
        String[][] whole = {
            {"--subset plus --corrupt must be at most the 60 training images of fashion-mnist/train, got --subset 70000 --corrupt 0",
                "--data", data.toString(), "--subset", "70000", "--corrupt", "0"},
            {"--subset must be >= 0 (0 with --corrupt 0 = the whole set), got -1", "--data", data.toString(), "--subset", "-1"},
            {"--corrupt must be >= 0, got -5", "--data", data.toString(), "--corrupt", "-5"},
            {"--subset must be >= 1 with --corrupt 5", "--data", data.toString(), "--subset", "0", "--corrupt", "5"},
            {"--data " + tmp.resolve("nowhere") + " does not hold fashion-mnist: expected the files [train-images-idx3-ubyte[.gz]",
                "--data", tmp.resolve("nowhere").toString()},
            {"--model vgg11 does not fit dataset", "--data", data.toString(), "--subset", "40", "--corrupt", "10",
                "--model", "vgg11"},
        };
        for (String[] c : whole) {
            String[] args = new String[c.length + 3];
            args[0] = "train";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            args[c.length] = "--out";
            args[c.length + 1] = out.toString();
            args[c.length + 2] = "--quiet";
            String[] r = run(args);
            assertThat(r[0]).as(String.join(" ", c) + ": " + r[2]).isEqualTo("2");
            assertThat(r[2].strip()).as(c[1]).startsWith("htsgd train: " + c[0]).doesNotContain("\n");
            try (var files = Files.list(parent)) {
                assertThat(files.toList()).as(String.join(" ", c)).isEmpty();
            }
        }
    }

    @Test
    void dlFashionTinyGridWritesTheTable() throws IOException {
        // two runs at a time, each an `htsgd train` child process (DJL allows one gradient collector per JVM, issue
        // 19): the children exit after their run, so the Hessian work of six runs does not pile up in this JVM
        HtmlReport report = HtmlReport.titled("t");
        Map<String, Object> res = tinyGrid("grid", report,
                new DlFashion.Grid(1, 1, 2, Integer.getInteger("ai.djl.pytorch.num_threads", 0)));
        assertThat(tmp.resolve("grid/runs/sb-noise-s1/results.json")).exists();
        assertThat((List<?>) res.get("table")).hasSize(6);
        assertThat(tmp.resolve("grid/dl_fashion.csv")).exists();
        assertThat(tmp.resolve("grid/runs/our2-s1/weights.npz")).exists();
        assertThat(report.html()).contains("70.06").contains("our1");
        // every run is one command away: settings[i].command repeats it with the same numbers (issue 13)
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> settings = (List<Map<String, Object>>) res.get("settings");
        assertThat(settings).hasSize(6);
        Map<String, Object> our2 = settings.stream().filter(st -> "our2".equals(st.get("method"))).findFirst().orElseThrow();
        assertThat(report.html()).contains((String) our2.get("command"));
        assertCommandRepeats(our2, "again");
        assertThat((String) our2.get("command")).contains("--clip-on gradient");
        // issue 19: each run records the format of docs/results/dl-fashion (method, seed, iterations, threads, ...)
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) res.get("runs");
        for (Map<String, Object> one : runs) {
            assertThat(one).containsKeys("method", "seed", "iterations", "threads", "test_accuracy", "expected_sharpness",
                    "hessian_top", "hessian_trace", "seconds", "hessian_density");
        }
        assertThat(report.html()).contains("dl_fashion_hessian_spectra").contains("Hessian trace");

    }

    /** Runs reproduce dl-fashion at its tiny size into {@code dir}. */
    private Map<String, Object> tinyGrid(String dir, HtmlReport report, DlFashion.Grid grid) throws IOException {
        Path data = tmp.resolve("fm");
        idx(data, 1200, 30);
        Provenance p = Provenance.of("reproduce dl-fashion", Map.of("scale", "tiny"), 1);
        try (RunDirectory run = RunDirectory.open(tmp.resolve(dir), "dl", null, p)) {
            Map<String, Object> res = DlFashion.run(run, report, 1, "tiny", grid, data, true);
            run.commit();
            return res;
        }
    }

    /** Re-runs {@code setting}'s command here (into {@code out}) and checks it prints the setting's numbers. */
    private void assertCommandRepeats(Map<String, Object> setting, String out) throws IOException {
        List<String> args = new java.util.ArrayList<>(dev.htsgd.cli.line.CommandLineText.words((String) setting.get("command")));
        args.addAll(List.of("--out", tmp.resolve(out).toString(), "--quiet", "--format", "json"));
        String[] r = run(args.toArray(String[]::new));
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        for (String k : dev.htsgd.cli.line.TrainLine.NUMBERS) {
            if (setting.containsKey(k)) { // numbers, and hessian_top's list, bit for bit
                assertThat(j.get(k)).as(k).isEqualTo(Json.MAPPER.valueToTree(setting.get(k)));
            }
        }
    }

}
