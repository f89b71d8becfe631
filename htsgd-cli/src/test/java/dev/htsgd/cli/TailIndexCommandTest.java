package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import dev.htsgd.run.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.noise.ParetoNoise;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailIndexCommandTest {

    @TempDir
    static Path dir;
    static double[] x;

    @BeforeAll
    static void sample() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        ParetoNoise z = ParetoNoise.of(1.5, 0.1);
        x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = z.sample(rng);
        }
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    static Path npy(String name, String descr, int width, int rows, int cols) throws IOException {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': ("
                + (cols == 1 ? rows + "," : rows + ", " + cols) + "), }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + rows * cols * width).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                double v = c == cols - 1 ? x[i] : -1.0;
                if (width == 8) {
                    b.putDouble(v);
                } else {
                    b.putFloat((float) v);
                }
            }
        }
        return Files.write(dir.resolve(name), b.array());
    }

    @Test
    void jsonFromTextCsvAndNpyAgree() throws IOException {
        Path text = write("x.txt", DoubleStream.of(x).mapToObj(Double::toString).collect(Collectors.joining("\n", "# gradient noise\n", "\n\n")));
        String[] r = run("tail-index", "--input", text.toString(), "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("n").asInt()).isEqualTo(20_000);
        double hill = j.get("estimates").get("hill").asDouble();
        double block = j.get("estimates").get("block").asDouble();
        assertThat(hill).isBetween(1.3, 1.7);
        assertThat(j.get("intervals").get("hill").get(0).asDouble()).isLessThan(hill);
        assertThat(j.get("intervals").get("block").get(1).asDouble()).isGreaterThan(block);
        assertThat(j.get("parameters").get("hill_k").asInt()).isEqualTo(736);

        Path csv = write("x.csv", DoubleStream.of(x).mapToObj(v -> "7," + v).collect(Collectors.joining("\n", "step,noise\n", "\n")));
        JsonNode c = Json.MAPPER.readTree(run("tail-index", "--input", csv.toString(), "--column", "noise", "--format", "json")[1]);
        assertThat(c.get("estimates").get("hill").asDouble()).isEqualTo(hill);
        JsonNode c1 = Json.MAPPER.readTree(run("tail-index", "--input", csv.toString(), "--column", "1", "--format", "json")[1]);
        assertThat(c1.get("estimates").get("block").asDouble()).isEqualTo(block);

        JsonNode n8 = Json.MAPPER.readTree(run("tail-index", "--input", npy("x.npy", "<f8", 8, x.length, 1).toString(), "--format", "json")[1]);
        assertThat(n8.get("estimates").get("hill").asDouble()).isEqualTo(hill);
        String[] r4 = run("tail-index", "--input", npy("x4.npy", "<f4", 4, x.length, 2).toString(), "--column", "1", "--format", "json");
        assertThat(r4[0]).as(r4[2]).isEqualTo("0");
        assertThat(Json.MAPPER.readTree(r4[1]).get("estimates").get("hill").asDouble()).isCloseTo(hill, org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void vectorRowsFromCsvAndNpy() throws IOException {
        StringBuilder sb = new StringBuilder("g0,g1\n");
        for (int i = 0; i + 1 < x.length; i += 2) {
            sb.append(x[i]).append(',').append(x[i + 1]).append('\n');
        }
        String[] r = run("tail-index", "--input", write("v.csv", sb.toString()).toString(), "--vector", "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("n").asInt()).isEqualTo(10_000);
        assertThat(j.get("dimension").asInt()).isEqualTo(2);
        String[] t = run("tail-index", "--input", npy("v.npy", "<f8", 8, 10_000, 2).toString(), "--vector");
        assertThat(t[0]).as(t[2]).isEqualTo("0");
        assertThat(t[1]).contains("vectors of dimension 2");
        badInput("--vector uses every column", "tail-index", "--input", dir.resolve("v.csv").toString(), "--vector", "--column", "g0");
    }

    @Test
    void tableOutput() throws IOException {
        Path text = write("t.txt", DoubleStream.of(x).mapToObj(Double::toString).collect(Collectors.joining("\n")));
        String[] r = run("tail-index", "--input", text.toString());
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("block").contains("hill").contains("95% interval");
        assertThat(run("--help")[1]).contains("tail-index");
    }

    private static void badInput(String expected, String... args) {
        String[] r = run(args);
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains(expected);
        assertThat(r[1]).isEmpty();
    }

    @Test
    void badFilesAreOneLineWithExitTwo() throws IOException {
        badInput("no numbers", "tail-index", "--input", write("empty.txt", "\n\n").toString());
        badInput("line 3: 'abc' is not a number", "tail-index", "--input", write("bad.txt", "1.0\n2.0\nabc\n4\n").toString());
        badInput("line 2: value NaN is not finite", "tail-index", "--input", write("nan.txt", "1.0\nNaN\n").toString());
        badInput("line 3: value Infinity is not finite", "tail-index", "--input", write("inf.txt", "1\n2\nInfinity\n").toString());
        badInput("no such file", "tail-index", "--input", dir.resolve("missing.txt").toString());
        badInput("--column is needed", "tail-index", "--input", write("two.csv", "1,2\n3,4\n").toString());
        badInput("line 3: expected 2 comma-separated fields", "tail-index", "--input", write("ragged.csv", "a,b\n1,2\n3\n").toString(), "--column", "a");
        badInput("--column 'zz' is not a header", "tail-index", "--input", write("h.csv", "a,b\n1,2\n").toString(), "--column", "zz");
        badInput("at least 40 samples", "tail-index", "--input", write("short.txt", "1\n2\n3\n-4\n5\n").toString());
        badInput("'descr' must be '<f8' or '<f4'", "tail-index", "--input", npy("be.npy", ">f8", 8, 100, 1).toString());
        badInput("not a .npy file", "tail-index", "--input", write("fake.npy", "hello world, not numpy").toString());
        badInput("--hill-k must be", "tail-index", "--input", write("k.txt", "1\n2\n3\n").toString(), "--hill-k", "5");
        badInput("--input", "tail-index");
    }

    @Test
    void binaryOrTruncatedInputIsRefusedNamingTheFile() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        badInput("png.txt line 1: not a text file", "tail-index", "--input", Files.write(dir.resolve("png.txt"), png).toString());
        // a zip archive starts with ASCII "PK": refused for its control bytes, with what we do read
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        badInput("(save one array with numpy.save as .npy)", "tail-index", "--input", Files.write(dir.resolve("w.npz"), zip).toString());
        Path whole = npy("whole.npy", "<f8", 8, 1000, 1);
        byte[] b = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(b, b.length - 3));
        badInput("cut.npy: truncated .npy data", "tail-index", "--input", cut.toString());
        String damaged = new String(b, StandardCharsets.ISO_8859_1).replace("(1000,)", "(10x0,)");
        badInput("corrupt .npy header", "tail-index", "--input",
                Files.write(dir.resolve("damaged.npy"), damaged.getBytes(StandardCharsets.ISO_8859_1)).toString());
    }

    @Test
    void outWritesARunDirectoryWithTheResults() throws IOException {
        Path text = write("o.txt", DoubleStream.of(x).mapToObj(Double::toString).collect(Collectors.joining("\n")));
        Path out = dir.resolve("run");
        String[] r = run("tail-index", "--input", text.toString(), "--out", out.toString(), "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode printed = Json.MAPPER.readTree(r[1]);
        JsonNode saved = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        assertThat(saved.get("estimates")).isEqualTo(printed.get("estimates"));
        assertThat(out.resolve("config.yaml")).exists();
        assertThat(out.resolve("log.txt")).content().contains("finished");
    }

    /**
     * Issue 18: the recommendation at the top level of the JSON (estimate, a two-number interval, estimator,
     * reason) beside estimates; first in the table; the alpha-against-k plot under --out. Pareto alpha = 1.5,
     * n = 20,000: Hill on its exact Pareto tail at k ~ n/2 has SE 1.5/100 = 0.015; tolerance 0.1.
     */
    @Test
    void recommendedEstimateIsAtTheTopWithAPlot() throws IOException {
        Path text = write("rec.txt", DoubleStream.of(x).mapToObj(Double::toString).collect(Collectors.joining("\n")));
        Path out = dir.resolve("rec-out");
        String[] r = run("tail-index", "--input", text.toString(), "--format", "json", "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("estimate").asDouble()).isCloseTo(1.5, org.assertj.core.api.Assertions.within(0.1));
        assertThat(j.get("interval").size()).isEqualTo(2);
        assertThat(j.get("interval").get(0).asDouble()).isLessThan(j.get("estimate").asDouble());
        assertThat(j.get("interval").get(1).asDouble()).isGreaterThan(j.get("estimate").asDouble());
        assertThat(j.get("estimator").asText()).isEqualTo("hill-adaptive");
        assertThat(j.get("reason").asText()).startsWith("no stable law fits");
        assertThat(j.get("estimates").get("hill-adaptive").asDouble()).isEqualTo(j.get("estimate").asDouble());
        assertThat(j.get("estimates").has("block")).isTrue();
        assertThat(j.get("estimates").has("stable")).isTrue();
        assertThat(j.get("hill_plot").get("k").size()).isEqualTo(j.get("hill_plot").get("alpha").size());
        assertThat(out.resolve("plots/tail-index-hill.png")).isNotEmptyFile();
        assertThat(out.resolve("plots/tail-index-hill.svg")).isNotEmptyFile();
        String[] t = run("tail-index", "--input", text.toString());
        assertThat(t[1].lines().skip(1).findFirst().orElse("")).contains("recommended alpha =");
    }
}
