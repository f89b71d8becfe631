package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import static dev.htsgd.cli.CliRun.runJson;
import static dev.htsgd.cli.CliRun.json;
import dev.htsgd.run.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineCommandsTest {



    @Test
    void simulatePrintsTheContractKeysAndIsThreadCountInvariant() throws Exception {
        String[] a = run("simulate", "--landscape", "iclr1d", "--alpha", "1.2", "--scale", "0.1", "--clip", "0.5",
                "--eta", "0.01", "--x0", "0.3", "--steps", "2e4", "--paths", "3", "--threads", "1", "--format", "json", "--quiet");
        String[] b = run("simulate", "--landscape", "iclr1d", "--alpha", "1.2", "--scale", "0.1", "--clip", "0.5",
                "--eta", "0.01", "--x0", "0.3", "--steps", "2e4", "--paths", "3", "--threads", "2", "--format", "json", "--quiet");
        assertThat(a[0]).as(a[2]).isEqualTo("0");
        JsonNode ja = json(a[1]);
        JsonNode jb = json(b[1]);
        for (String k : new String[] {"steps_per_second", "fractions", "near_minimum_fractions", "transitions", "visits", "minima"}) {
            assertThat(ja.has(k)).as(k).isTrue();
        }
        assertThat(ja.get("fractions")).hasSize(4);
        assertThat(ja.get("transitions")).hasSize(4);
        double sum = 0;
        for (JsonNode f : ja.get("fractions")) {
            sum += f.asDouble();
        }
        assertThat(sum).isEqualTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(ja.get("fractions")).isEqualTo(jb.get("fractions"));
        assertThat(ja.get("transitions")).isEqualTo(jb.get("transitions"));
        assertThat(ja.get("visits")).isEqualTo(jb.get("visits"));
    }

    @Test
    void simulateOnTheTwoDimensionalLandscape() throws Exception {
        JsonNode j = runJson("simulate", "--landscape", "himmelblau2d", "--alpha", "1.2", "--scale", "0.75", "--clip", "2.15",
                "--eta", "5e-3", "--x0", "1.2,2.6", "--steps", "5000", "--paths", "2", "--format", "json", "--quiet");
        assertThat(j.get("minima")).hasSize(4);
        assertThat(j.get("minima").get(0).get(0).asDouble()).isCloseTo(-2.6, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void exitTimesReportsPointsSlopeAndPrediction() throws Exception {
        JsonNode j = runJson("exit-times", "--landscape", "iclr1d", "--basin", "1", "--alpha", "1.2", "--scale", "0.1",
                "--etas", "0.2,0.1", "--samples", "8", "--max-steps", "2e5", "--format", "json", "--quiet");
        assertThat(j.get("points")).hasSize(2);
        JsonNode p = j.get("points").get(0);
        for (String k : new String[] {"eta", "mean", "stderr", "samples", "censored"}) {
            assertThat(p.has(k)).as(k).isTrue();
        }
        assertThat(p.get("samples").asInt()).isEqualTo(8);
        assertThat(j.has("slope")).isTrue();
        assertThat(j.get("slope_ci")).hasSize(2);
        // no clipping: l* = 1, predicted slope 1 + (alpha - 1) = 1.2
        assertThat(j.get("predicted_slope").asDouble()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-12));
        String[] c = run("exit-times", "--landscape", "iclr1d", "--basin", "1", "--clip", "0.5", "--eta", "0.001",
                "--samples", "2", "--max-steps", "1", "--format", "json", "--quiet");
        JsonNode jc = json(c[1]);
        // b = 0.5 < r = 0.6: one step cannot leave, so both runs are censored at the cap
        assertThat(jc.get("predicted_slope").asDouble()).isCloseTo(1.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(jc.get("points").get(0).get("censored").asInt()).isEqualTo(2);
        assertThat(jc.get("points").get(0).get("mean").isNull()).isTrue();
    }

    @Test
    void exitTimesFromANarrowTwoDimensionalBasin() throws Exception {
        // basins sorted by x then y: index 3 is the narrow N1 = (1.2, 2.6), radius 1.2, one jump at b = 2.15
        JsonNode j = runJson("exit-times", "--landscape", "himmelblau2d", "--basin", "3", "--alpha", "1.2", "--scale", "0.75",
                "--clip", "2.15", "--eta", "0.05", "--samples", "4", "--max-steps", "1e5", "--format", "json", "--quiet");
        assertThat(j.get("radius").asDouble()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(j.get("jumps").asInt()).isEqualTo(1);
        assertThat(j.get("predicted_slope").asDouble()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(j.get("points").get(0).get("samples").asInt()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "simulate --eta 0 --steps 10; --eta must be in (0, inf)",
        "simulate --eta -1 --steps 10; --eta",
        "simulate --clip 0 --steps 10; --clip must be in (0, inf)",
        "simulate --clip -2 --steps 10; --clip",
        "simulate --steps 0; --steps must be > 0",
        "simulate --steps 10 --paths 0; --paths must be > 0",
        "simulate --steps 10 --x0 2.0; --x0 must lie inside",
        "simulate --steps 10 --landscape expr:x^; --landscape",
        "simulate --steps 10 --landscape expr:sin(w); --landscape",
        "simulate --steps 10 --landscape nope; --landscape must be one of",
        "simulate --steps 10 --domain 1,0; --domain",
        "simulate --steps 10 --clip-mode diag; --clip-mode",
        "exit-times --etas 0.1,-1 --samples 2; --eta",
        "exit-times --samples 0; --samples must be > 0",
        "exit-times --max-steps 0; --max-steps must be > 0",
        "exit-times --basin 7; --basin must be in [0, 3]",
        "exit-times --etas 0.1,0.1; --etas needs at least two distinct values",
        "exit-times --etas 0.05; --etas needs at least two distinct values",
        "simulate --steps 10 --epsilon NaN; --epsilon must be in (0, inf), got NaN",
        "simulate --steps 10 --epsilon -0.1; --epsilon must be in (0, inf)",
        "simulate --steps 10 --epsilon Infinity; --epsilon must be in (0, inf)",
        "simulate --steps 10 --thin -1; --thin must be >= 0",
        // library parameter names (InvalidParameterException.parameter()) mapped to the options by OptionNames
        "simulate --steps 10 --ball 2; --ball: a ball or a box is for 2-D and 3-D landscapes; iclr1d is 1-D",
        "simulate --steps 10 --landscape himmelblau2d --domain -1,1; --domain: an interval is for 1-D landscapes",
        "simulate --steps 10 --noise cauchy; --noise must be one of",
        "simulate --steps 10 --noise pareto --p-plus 2; --p-plus must be in [0, 1], got 2.0",
        "simulate --steps 10 --noise mixture --normal-scale 0; --normal-scale must be in (0, inf)",
        "simulate --steps 10 --scale 0; --scale must be in (0, inf)",
        "rare-event --samples 10 --engine vector --landscape expr:tanh(x); --engine",
        "rare-event --samples 10 --engine simd; --engine must be one of scalar | vector | auto",
        // the start and the estimator: one resolution (BasinMap.start), messages naming the option as typed
        "simulate --steps 10 --x0 0.1,0.2; --x0 must be a number or min, got 2 coordinates",
        "exit-times --x0 NaN --samples 2; --x0 must be a number, x,y or min, got 'NaN'",
        "simulate --steps 10 --basin 4; --basin must be in [0, 3], got 4",
        "rare-event --samples 10 --estimator x; --estimator must be one of",
        "rare-event --samples 10 --method x; --method must be one of",
        "rare-event --samples 10 --horizon -1; --horizon must be >= 0"})
    void badInputIsOneLineWithExitCodeTwo(String args, String expected) {
        String[] r = run((args + " --quiet").split(" "));
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains(expected);
    }

    /**
     * rare-event on the vector engine says so in its JSON and agrees with the scalar engine within 4 combined
     * standard errors (LD Table 2.1 at eta 1/200, 4,000 paths each: the two engines draw different streams).
     */
    @Test
    void rareEventOnTheVectorEngine() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.htsgd.dynamics.LaneEngine.available());
        JsonNode[] r = new JsonNode[2];
        String[] engines = {"scalar", "vector"};
        for (int k = 0; k < 2; k++) {
            r[k] = runJson("rare-event", "--etas", "1/200", "--samples", "4000", "--engine", engines[k], "--quiet",
                    "--format", "json");
            assertThat(r[k].get("engine").asText()).isEqualTo(engines[k]);
        }
        JsonNode a = r[0].get("points").get(0);
        JsonNode b = r[1].get("points").get(0);
        double se = Math.hypot(a.get("stderr").asDouble(), b.get("stderr").asDouble());
        assertThat(Math.abs(a.get("estimate").asDouble() - b.get("estimate").asDouble())).isLessThan(4 * se);
    }

    /**
     * Regression (issue 12): at eta = 0.1 both exits from field 0 (I_1) of iclr1d take 3 steps, a standard error of 0. The
     * fit used to end in a NullPointerException building slope_ci; now it is unweighted, has no interval, and
     * says why.
     */
    @Test
    void exitTimesWithAZeroStandardErrorGiveAFitWithoutAnIntervalAndSayWhy() throws Exception {
        // seed 20220202: both exit times at eta = 0.1 are equal (the streams are keyed by the eta value, issue 13)
        JsonNode j = runJson("exit-times", "--samples", "2", "--max-steps", "1000", "--etas", "0.1,0.05", "--basin", "0",
                "--seed", "20220202", "--format", "json", "--quiet");
        assertThat(j.get("points").get(0).get("stderr").asDouble()).isZero();
        assertThat(j.get("slope").isNumber()).isTrue();
        assertThat(j.get("slope_ci").isNull()).isTrue();
        assertThat(j.get("slope_note").asText()).contains("eta = 0.1 has standard error 0").contains("no interval");
        String[] t = run("exit-times", "--samples", "2", "--max-steps", "1000", "--etas", "0.1,0.05", "--basin", "0",
                "--seed", "20220202", "--quiet");
        assertThat(t[0]).as(t[2]).isEqualTo("0");
        assertThat(t[1]).contains("95% CI -").contains("no interval: eta = 0.1 has standard error 0");
    }

    /** Regression (issue 12): 1 + l*(alpha - 1) is a theorem for alpha > 1 only; below, no number and a warning. */
    @Test
    void exitTimesGiveNoPredictedSlopeForAlphaAtMostOne() throws Exception {
        String[] r = run("exit-times", "--noise", "stable", "--alpha", "0.8", "--etas", "0.1,0.05", "--samples", "2",
                "--max-steps", "1000", "--format", "json", "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = json(r[1]);
        assertThat(j.get("predicted_slope").isNull()).isTrue();
        assertThat(j.get("predicted_slope_note").asText()).contains("needs alpha > 1, got alpha = 0.8");
        assertThat(r[2]).contains("warning: no predicted slope").contains("alpha > 1");
        // alpha > 1 still predicts: l* = 1 unclipped, 1 + (1.5 - 1)
        String[] ok = run("exit-times", "--noise", "stable", "--alpha", "1.5", "--etas", "0.1,0.05", "--samples", "2",
                "--max-steps", "1000", "--format", "json", "--quiet");
        assertThat(json(ok[1]).get("predicted_slope").asDouble()).isEqualTo(1.5);
        assertThat(ok[2]).doesNotContain("warning");
    }

    @Test
    void divergenceIsFlaggedAndExitsTwo() throws Exception {
        String[] r = run("simulate", "--landscape", "expr:x^4", "--domain", "-1,1", "--no-project", "--noise", "gaussian",
                "--scale", "1", "--eta", "1", "--x0", "0.5", "--steps", "1000", "--paths", "1", "--format", "json", "--quiet");
        assertThat(r[0]).isEqualTo("2");
        JsonNode j = json(r[1]);
        assertThat(j.get("diverged").asBoolean()).isTrue();
        assertThat(j.get("divergence").asText()).contains("at step");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("diverged at step").contains("state x =");
    }

    @Test
    void aDivergedRunDirectorySaysSoInItsLog(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("diverged");
        String[] r = run("simulate", "--landscape", "expr:x^4", "--domain", "-1,1", "--no-project", "--noise", "gaussian",
                "--scale", "1", "--eta", "1", "--x0", "0.5", "--steps", "1000", "--paths", "1", "--out", out.toString(), "--quiet");
        assertThat(r[0]).isEqualTo("2");
        // the numbers up to the divergence are kept, and the log ends with the step and the state, not "finished"
        assertThat(Json.MAPPER.readTree(out.resolve("results.json").toFile()).get("diverged").asBoolean()).isTrue();
        java.util.List<String> log = Files.readAllLines(out.resolve("log.txt"));
        assertThat(log.get(log.size() - 1)).contains("diverged: the recursion diverged at step").contains("state x =")
                .contains("(path 0)");
        assertThat(log).noneMatch(l -> l.endsWith(" finished"));
    }

    @Test
    void outWritesTheRunDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sim");
        String[] r = run("simulate", "--steps", "1000", "--paths", "2", "--thin", "100", "--x0", "0.3", "--out", out.toString(), "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("config.yaml")).exists();
        assertThat(Files.readAllLines(out.resolve("trajectory.csv"))).hasSize(1 + 2 * 10);
    }
}
