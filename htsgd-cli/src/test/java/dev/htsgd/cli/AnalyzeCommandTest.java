package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import static dev.htsgd.cli.CliRun.runJson;
import static dev.htsgd.cli.CliRun.json;
import dev.htsgd.run.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzeCommandTest {



    @Test
    void analyzeIclrGivesTheContractKeys() throws Exception {
        String[] r = run("analyze", "--landscape", "iclr1d", "--noise", "pareto", "--alpha", "1.2", "--scale", "0.1",
                "--clip", "0.5", "--eta", "0.001", "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = json(r[1]);
        for (String key : new String[] {"minima", "maxima", "radii", "jumps", "edges", "irreducible", "classes", "widest",
                "rates", "generator", "stationary", "time_scale", "predicted_exit_steps", "predicted_slopes"}) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("minima")).hasSize(4);
        assertThat(j.get("maxima")).hasSize(3);
        assertThat(j.get("jumps").toString()).isEqualTo("[1,2,1,2]");
        assertThat(j.get("widest").toString()).isEqualTo("[1,3]");
        assertThat(j.get("irreducible").asBoolean()).isTrue();
        assertThat(j.get("rates")).hasSize(4);
        assertThat(j.get("rates").get(0)).hasSize(4);
        assertThat(j.get("generator")).hasSize(2);
        assertThat(j.get("stationary")).hasSize(2);
        assertThat(j.get("stationary").get(0).asDouble() + j.get("stationary").get(1).asDouble()).isCloseTo(1, within(1e-12));
        assertThat(j.get("predicted_slopes").get(1).asDouble()).isCloseTo(1.4, within(1e-12));
        assertThat(j.get("max_rate_relative_error").asDouble()).isLessThan(0.005);
        assertThat(r[1]).doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void reducibleGraphIsReportedClassByClass() throws Exception {
        String[] r = run("analyze", "--landscape", "iclr1d", "--clip", "0.4", "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = json(r[1]);
        assertThat(j.get("irreducible").asBoolean()).isFalse();
        assertThat(j.get("generator").isNull()).isTrue();
        assertThat(j.get("class_chains").size()).isGreaterThan(1);
        assertThat(r[1]).doesNotContain("NaN");
    }

    @Test
    void tooManyJumpsForQuadratureStillGivesTheStructure() throws Exception {
        String[] r = run("analyze", "--landscape", "iclr1d", "--clip", "0.1", "--eta", "0.001", "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = json(r[1]);
        assertThat(j.get("jumps").toString()).isEqualTo("[3,7,3,7]");
        assertThat(j.get("rates").isNull()).isTrue();
        assertThat(j.get("warnings").toString()).contains("not computed");
        assertThat(r[1]).doesNotContain("NaN");
    }

    @Test
    void tableIsTheDefault() {
        String[] r = run("analyze", "--landscape", "iclr1d", "--clip", "0.5");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("r_i").contains("irreducible").contains("stationary");
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        List<String[]> cases = BadOptions.cases("analyze");
        for (String[] c : cases) {
            String[] r = run(c);
            assertThat(r[0]).as(String.join(" ", c) + " -> " + r[2]).isEqualTo("2");
            assertThat(r[2].strip().lines()).as(String.join(" ", c)).hasSize(1);
            assertThat(r[2]).doesNotContain("NaN");
        }
    }

    /** Regression (issue 12): numeric options are range-checked, one line naming the option, before any work. */
    @Test
    void numericOptionsOutOfRangeAreRefused() {
        String[][] cases = {
            {"--mc-samples", "-1", "--mc-samples must be 0 (off) or >= 2, got -1"},
            {"--mc-samples", "1", "--mc-samples must be 0 (off) or >= 2, got 1"},
            {"--grid", "5", "--grid must be in [101, 100000000], got 5"},
            {"--directions", "0", "--directions must be in [4, 100000], got 0"},
            {"--eta", "NaN", "--eta must be in (0, inf), got NaN"},
            {"--eta", "-0.1", "--eta must be in (0, inf), got -0.1"},
        };
        for (String[] c : cases) {
            String[] r = run("analyze", "--landscape", "iclr1d", "--clip", "0.5", c[0], c[1]);
            assertThat(r[0]).as(c[0] + " " + c[1] + " -> " + r[2]).isEqualTo("2");
            assertThat(r[2].strip().lines()).hasSize(1);
            assertThat(r[2]).contains(c[2]);
        }
    }

    /**
     * Regression (issue 12): exp(x^4) on [-3, 3] has |f'| from 0 to 1.6e37; the scan's relative tolerance used to
     * call [-2.68, 2.68] "a flat region" although f' = 2.8e8 at x = 2. It now says the gradient overflows.
     */
    @Test
    void aGradientBeyondDoublePrecisionIsNotCalledFlat() {
        String[] r = run("analyze", "--landscape", "expr:exp(x^4)", "--domain", "-3,3");
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("expr:exp(x^4) on [-3.0, 3.0]").contains("gradient overflows").doesNotContain("flat");
        // a true plateau is still reported as flat
        String[] flat = run("analyze", "--landscape", "expr:0*x", "--domain", "-1,1");
        assertThat(flat[0]).isEqualTo("2");
        assertThat(flat[2]).contains("flat");
    }

    /**
     * Regression (issue 12): iclr1d unclipped, a jump left from m_4 = 1.3221 of length >= m_4 - s_1 ends in I_1
     * (projected onto -1.6 if it goes further), so q(3, 0) = p- (m_4 - s_1)^-alpha = 0.157; it was 0.0192.
     */
    @Test
    void unclippedIclrRateToTheFieldAtTheLeftBoundIncludesTheProjectedJumps() throws Exception {
        JsonNode j = runJson("analyze", "--landscape", "iclr1d", "--noise", "pareto", "--alpha", "1.2", "--scale", "0.1",
                "--clip", "none", "--format", "json");
        double len = j.get("minima").get(3).asDouble() - j.get("maxima").get(0).asDouble();
        double expected = 0.5 * Math.pow(len, -1.2);
        assertThat(j.get("rates").get(3).get(0).asDouble()).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void controlFindsTheIclrBandAroundHalf() throws Exception {
        JsonNode j = runJson("control", "--landscape", "iclr1d", "--b-range", "0.1:1", "--target", "0.5", "--format", "json");
        assertThat(j.get("bands").size()).isGreaterThan(3);
        assertThat(j.get("target_minima").toString()).isEqualTo("[1,3]");
        boolean found = false;
        for (JsonNode band : j.get("recommended")) {
            if (band.get("b_low").asDouble() < 0.5 && band.get("b_high").asDouble() > 0.5) {
                found = true;
                assertThat(band.get("irreducible").asBoolean()).isTrue();
            }
        }
        assertThat(found).as("b = 0.5 (the ICLR choice) is recommended").isTrue();
    }

    @Test
    void twoDimensionalLandscapesGetJumpNumbers() throws Exception {
        JsonNode j = runJson("analyze", "--landscape", "expr:(x^2-1)^2+y^2", "--clip", "0.4", "--directions", "16", "--format", "json");
        assertThat(j.get("minima")).hasSize(2);
        assertThat(j.get("jumps").toString()).isEqualTo("[3,3]");
    }

    /** The 2-D theory under the 1-D keys (issue 14): himmelblau2d at b = 2.15, the ICLR setting. */
    @Test
    void himmelblauGetsRatesGraphAndStationaryLaw() throws Exception {
        JsonNode j = runJson("analyze", "--landscape", "himmelblau2d", "--alpha", "1.2", "--scale", "0.75", "--clip", "2.15",
                "--eta", "5e-4", "--mc-samples", "1000", "--format", "json");
        assertThat(j.get("minima")).hasSize(4);
        assertThat(j.get("minima").get(0)).hasSize(2);
        // sorted by x then y: (-2.6, -2.6), (-2.6, 2.6) wide (J = 2), (1.2, -2.6), (1.2, 2.6) narrow (J = 1)
        assertThat(j.get("jumps").toString()).isEqualTo("[2,2,1,1]");
        assertThat(j.get("widest").toString()).isEqualTo("[0,1]");
        assertThat(j.get("irreducible").asBoolean()).isTrue();
        assertThat(j.get("rates")).hasSize(4);
        assertThat(j.get("rate_methods").get(2).get(0).asText()).isEqualTo("quadrature");
        assertThat(j.get("rate_methods").get(0).get(2).asText()).isEqualTo("monte-carlo");
        assertThat(j.get("stationary")).hasSize(2);
        assertThat(j.get("generator")).hasSize(2);
        assertThat(j.get("predicted_exit_steps")).hasSize(4);
        assertThat(j.get("radii").get(0).asDouble()).isCloseTo(2.6, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(j.get("inward_drift").get(0).get("holds").asBoolean()).isTrue();
    }

    @Test
    void twoDimensionalControlGivesBands() throws Exception {
        JsonNode j = runJson("control", "--landscape", "himmelblau2d", "--b-range", "1.5:3", "--format", "json");
        boolean found = false;
        for (JsonNode band : j.get("bands")) {
            if (band.get("b_low").asDouble() < 2.15 && band.get("b_high").asDouble() > 2.15) {
                found = true;
                assertThat(band.get("widest").toString()).isEqualTo("[0,1]");
                assertThat(band.get("irreducible").asBoolean()).isTrue();
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void twoDimensionalBadInputIsOneLine() throws Exception {
        String[] r = run("analyze", "--landscape", "himmelblau2d", "--clip", "2.15", "--mc-samples", "50");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--mc-samples must be 0");
        // J = ceil(2.6 / 0.3) = 9 is above the supported 6: the structure with a warning, no rates
        r = run("analyze", "--landscape", "himmelblau2d", "--clip", "0.3", "--format", "json");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode j = json(r[1]);
        assertThat(j.get("rates").isNull()).isTrue();
        assertThat(j.get("warnings").toString()).contains("exceed the 6");
    }
}
