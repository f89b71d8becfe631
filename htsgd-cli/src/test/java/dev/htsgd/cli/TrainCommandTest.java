package dev.htsgd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.cli.dl.DlFashion;
import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Provenance;
import dev.htsgd.cli.report.RunDirectory;
import dev.htsgd.dl.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    private static String[] run(String... args) {
        return CliRun.run(args);
    }

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
    void badInputIsOneLine() throws IOException {
        String[] r = run("train", "--dataset", "mnist", "--data", tmp.resolve("nothing").toString(), "--iterations", "2",
                "--out", tmp.resolve("none").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("mnist not found").contains(tmp.resolve("nothing").toString()).contains("--download");
        Path data = tmp.resolve("data");
        idx(data, 60, 20);
        r = run("train", "--data", data.toString(), "--model", "vgg11", "--subset", "40", "--corrupt", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--model vgg11 does not fit --dataset");
        r = run("train", "--data", data.toString(), "--method", "adam");
        assertThat(r[2]).contains("--method must be one of");
        Files.write(data.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0});
        r = run("train", "--data", data.toString(), "--subset", "40", "--corrupt", "0", "--iterations", "2",
                "--out", tmp.resolve("bad").toString());
        assertThat(r[2]).contains("t10k-labels-idx1-ubyte.gz");
        assertThat(tmp.resolve("bad")).doesNotExist();
    }

    @Test
    void dlFashionTinyGridWritesTheTable() throws IOException {
        Path data = tmp.resolve("fm");
        idx(data, 1200, 30);
        Provenance p = Provenance.of("reproduce dl-fashion", Map.of("scale", "tiny"), 1);
        HtmlReport report = HtmlReport.titled("t");
        Map<String, Object> res;
        try (RunDirectory run = RunDirectory.open(tmp.resolve("grid"), "dl", null, p)) {
            res = DlFashion.run(run, report, 1, "tiny", 1, data, true);
            run.commit();
        }
        assertThat((List<?>) res.get("table")).hasSize(6);
        assertThat(tmp.resolve("grid/dl_fashion.csv")).exists();
        assertThat(tmp.resolve("grid/runs/our2-s1/weights.npz")).exists();
        assertThat(report.html()).contains("70.06").contains("our1");
    }
}
