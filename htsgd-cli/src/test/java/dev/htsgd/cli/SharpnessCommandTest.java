package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import dev.htsgd.run.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.io.Npz;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.train.TrainingStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** htsgd sharpness end to end on a small IDX data set and LeNet weights written as weights.npz. */
class SharpnessCommandTest {

    @TempDir
    Path tmp;

    Path data;
    Map<String, Npz.Array> weights;


    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("fmnist");
        TrainCommandTest.idx(data, 60, 10);
        ImageSet train = Dataset.FASHION_MNIST.load(data, true).subset(40, 10, TrainingStream.LABELS.of(1));
        try (Network net = Network.create(Architecture.LENET, train, TrainingStream.INIT.of(1))) {
            weights = net.namedWeights();
        }
    }

    private Path write(String name, Map<String, Npz.Array> arrays) {
        Path p = tmp.resolve(name);
        Npz.write(p, arrays);
        return p;
    }

    private String[] sharpness(Path w, String... extra) {
        String[] base = {"sharpness", "--weights", w.toString(), "--data", data.toString(), "--subset", "40", "--corrupt", "10",
            "--threads", "1", "--seed", "1"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void allMetricsAsJson() throws Exception {
        Path w = write("weights.npz", weights);
        Path out = tmp.resolve("run");
        String[] r = sharpness(w, "--metric", "all", "--format", "json", "--draws", "10", "--trace-samples", "5",
                "--slq-steps", "12", "--lanczos-iterations", "40", "--out", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = Json.MAPPER.readTree(r[1]);
        assertThat(j.get("images").asInt()).isEqualTo(50);
        assertThat(j.get("parameters").asInt()).isEqualTo(11_330);
        assertThat(j.get("expected_sharpness").asDouble()).isPositive();
        assertThat(j.get("expected_sharpness_stderr").asDouble()).isPositive();
        assertThat(j.get("hessian_top").isArray()).isTrue();
        assertThat(j.get("hessian_top").size()).isEqualTo(1);
        assertThat(j.get("hessian_trace").isNumber()).isTrue();
        assertThat(j.get("trace_ci").size()).isEqualTo(2);
        assertThat(j.get("trace_ci").get(0).asDouble()).isLessThanOrEqualTo(j.get("hessian_trace").asDouble());
        assertThat(j.get("density").get("mass").asDouble()).isCloseTo(11_330, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("density.csv")).exists();
        assertThat(out.resolve("plots").resolve("density.png")).exists();
        assertThat(out.resolve("plots").resolve("density.svg")).exists();
        // the top eigenvalue bounds every node of the density (both from Lanczos on the same operator)
        double top = j.get("hessian_top").get(0).asDouble();
        for (JsonNode n : j.get("density").get("nodes")) {
            assertThat(n.asDouble()).isLessThanOrEqualTo(top * (1 + 1e-3) + 1e-9);
        }
    }

    @Test
    void badInputIsOneLineNamingTheParameterWithExitCode2() {
        Map<String, Npz.Array> renamed = new LinkedHashMap<>(weights);
        String first = renamed.keySet().iterator().next();
        renamed.put("conv_weight", renamed.remove(first));
        String[] r = sharpness(write("renamed.npz", renamed), "--metric", "expected");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("conv_weight").doesNotContain("Exception");

        Map<String, Npz.Array> missing = new LinkedHashMap<>(weights);
        missing.remove(first);
        r = sharpness(write("missing.npz", missing), "--metric", "expected");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("parameter " + first).contains("missing");

        Map<String, Npz.Array> reshaped = new LinkedHashMap<>(weights);
        Npz.Array a = reshaped.get(first);
        reshaped.put(first, new Npz.Array(new long[] {a.data().length}, a.data()));
        r = sharpness(write("reshaped.npz", reshaped), "--metric", "expected");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("parameter " + first).contains("shape");

        Map<String, Npz.Array> nan = new LinkedHashMap<>(weights);
        float[] x = nan.get(first).data().clone();
        x[7] = Float.NaN;
        nan.put(first, new Npz.Array(nan.get(first).shape(), x));
        r = sharpness(write("nan.npz", nan), "--metric", "expected");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("parameter " + first).contains("non-finite");

        Path w = write("weights.npz", weights);
        r = sharpness(w, "--model", "vgg11");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--model vgg11 does not fit");

        r = run("sharpness", "--weights", w.toString(), "--data", data.toString(), "--subset", "100", "--corrupt", "10");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--subset 100");

        r = sharpness(w, "--metric", "curvature");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--metric must be");

        r = sharpness(w, "--delta", "0");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("delta must be in (0, inf)");

        r = sharpness(tmp.resolve("nope.npz"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--weights: no such file");
    }

    @Test
    void numericOptionsAreCheckedUnderTheirOwnNames() {
        Path w = write("weights.npz", weights);
        // option as typed, value, and what the one line must say (the library would say maxIterations, k, ...)
        List<String[]> cases = BadOptions.cases("sharpness");
        for (String[] c : cases) {
            String[] r = sharpness(w, "--metric", "hessian-top", c[0], c[1]);
            assertThat(r[0]).as(c[0] + " " + c[1] + ": " + r[2]).isEqualTo("2");
            assertThat(r[2].strip()).as(c[0]).isEqualTo("htsgd sharpness: " + c[2]);
        }
        String[] r = run("sharpness", "--weights", w.toString(), "--data", data.toString(), "--subset", "-1");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--subset must be >= 0");
        // a --data that does not hold the set is an error, not a reason to read another copy
        r = run("sharpness", "--weights", w.toString(), "--data", tmp.resolve("nowhere").toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--data " + tmp.resolve("nowhere") + " does not hold fashion-mnist");
    }
}
