package dev.htsgd.cli;

import static dev.htsgd.cli.CliRun.run;
import static dev.htsgd.cli.CliRun.runJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.cli.line.CommandLineText;
import dev.htsgd.cli.line.ControlLine;
import dev.htsgd.landscape.Domain;
import dev.htsgd.run.StudyRunner;
import dev.htsgd.study.ControlStudy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The d-D commands (issue 14): analyze, control and simulate on a 3-D formula, and control on the 2-D built-ins
 * through {@link ControlStudy} with the bands the former d-D route of the command gave.
 */
class MultiDimensionalCommandsTest {

    /** Two wells along x in R^3, fields x &lt; 0 and x &gt; 0: minima (+-1, 0, 0), radii 1, J = ceil(1 / 1.5) = 1. */
    static final String F3 = "expr:(x^2-1)^2+y^2+z^2";

    @Test
    void analyzeOnAThreeDimensionalFormulaGivesTheContractKeys() throws Exception {
        JsonNode j = runJson("analyze", "--landscape", F3, "--ball", "2", "--clip", "1.5", "--directions", "16",
                "--format", "json");
        for (String key : List.of("dimension", "minima", "radii", "distances", "jumps", "edges", "irreducible", "classes",
                "widest", "rates", "rate_errors", "rate_methods", "generator", "stationary", "warnings")) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("dimension").asInt()).isEqualTo(3);
        assertThat(j.get("minima")).hasSize(2);
        assertThat(j.get("minima").get(0)).hasSize(3);
        assertThat(j.get("minima").get(0).get(0).asDouble()).isCloseTo(-1, within(1e-6));
        assertThat(j.get("radii").get(0).asDouble()).isCloseTo(1, within(1e-4));
        assertThat(j.get("jumps").toString()).isEqualTo("[1,1]");
        assertThat(j.get("rate_methods").get(0).get(1).asText()).isEqualTo("quadrature");
        // symmetric fields: the stationary law is (1/2, 1/2) up to the quadrature's error
        assertThat(j.get("stationary").get(0).asDouble()).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void controlAndSimulateRunOnAThreeDimensionalFormula() throws Exception {
        JsonNode c = runJson("control", "--landscape", F3, "--ball", "2", "--b-range", "0.4:2", "--format", "json");
        assertThat(c.get("minima").get(1)).hasSize(3);
        // r = 1 for both: one band per l* = ceil(1 / b), both minima the widest
        assertThat(c.get("bands").get(c.get("bands").size() - 1).get("widest").toString()).isEqualTo("[0,1]");
        assertThat(c.get("bands").get(c.get("bands").size() - 1).get("b_low").asDouble()).isCloseTo(1, within(1e-4));
        JsonNode s = runJson("simulate", "--landscape", F3, "--ball", "2", "--clip", "1.5", "--eta", "0.05", "--steps",
                "2000", "--paths", "2", "--quiet", "--format", "json");
        assertThat(s.toString()).contains("fractions");
    }

    /**
     * 2-D control through the study gives the bands recorded from the former d-D route before the change
     * (`htsgd control --landscape L --b-range 0.3:5 --seed 1`: its ray search used the run's seed, the study
     * uses the fixed seed 1 of the shared fields): widest sets and irreducibility exactly, edges within 1e-9.
     */
    @Test
    void twoDimensionalControlKeepsItsBands() throws Exception {
        assertBands("wells2d", new double[] {0.3, 0.34845980346123656, 0.36915514238764247, 0.45796356486527906,
            0.47538494559068545, 0.6969196069224731, 0.7383102847752849, 1.0453794103837097, 1.205961465738607,
            1.3738906945958371, 2.0907588207674195, 5.0},
                new String[] {"[0]", "[0]", "[0]", "[0]", "[0]", "[0]", "[0]", "[0,1,2]", "[0,1]", "[0]", "[0,1,2]"},
                new boolean[] {true, false, true, false, true, false, true, true, true, true, true});
        assertBands("himmelblau2d", new double[] {0.3, 2.6000007006591765, 5.0}, new String[] {"[0,1]", "[0,1,2,3]"},
                new boolean[] {true, true});
    }

    private static void assertBands(String landscape, double[] edges, String[] widest, boolean[] irreducible)
            throws Exception {
        JsonNode j = runJson("control", "--landscape", landscape, "--b-range", "0.3:5", "--format", "json");
        for (String key : List.of("command", "landscape", "b_range", "minima", "radii", "distances", "bands", "warnings",
                "seed")) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        JsonNode bands = j.get("bands");
        assertThat(bands).hasSize(widest.length);
        for (int k = 0; k < widest.length; k++) {
            assertThat(bands.get(k).get("b_low").asDouble()).isCloseTo(edges[k], within(1e-9));
            assertThat(bands.get(k).get("b_high").asDouble()).isCloseTo(edges[k + 1], within(1e-9));
            assertThat(bands.get(k).get("widest").toString()).isEqualTo(widest[k]);
            assertThat(bands.get(k).get("irreducible").asBoolean()).isEqualTo(irreducible[k]);
            assertThat(bands.get(k).get("widest_minima").get(0)).hasSize(2);
        }
    }

    /** A d-D setting's command line (ControlLine) computes the setting: the same bands, target and grid. */
    @Test
    void aTwoDimensionalSettingsCommandReproducesIt() throws Exception {
        ControlStudy.Settings s = ControlStudy.Settings.of("wells2d", Domain.parse(null, 3.5), null, 20_001, 0.5, 3.0,
                1.3, 5);
        ControlStudy.Result r = StudyRunner.of(1).run(new ControlStudy(), s, 4);
        String line = ControlLine.of(s, 4);
        assertThat(line).isEqualTo("htsgd control --landscape wells2d --ball 3.5 --b-range 0.5:3.0 --target 1.3"
                + " --b-grid 5 --seed 4");
        List<String> words = CommandLineText.words(line);
        List<String> args = new java.util.ArrayList<>(words.subList(words.indexOf("control"), words.size()));
        args.addAll(List.of("--format", "json"));
        JsonNode cmd = runJson(args.toArray(new String[0]));
        JsonNode study = dev.htsgd.run.Json.MAPPER.valueToTree(ControlLine.json(r));
        for (String key : List.of("landscape", "minima", "radii", "bands", "target_minima", "keeping", "recommended", "b_grid")) {
            assertThat(cmd.get(key)).as(key).isEqualTo(study.get(key));
        }
    }

    @Test
    void badThreeDimensionalInputIsOneLine() {
        String[] r = run("analyze", "--landscape", "expr:x+z", "--domain", "-1,1", "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip()).doesNotContain("\n")
                .contains("--domain: an interval is for 1-D landscapes; 'x+z' is 3-D: give a ball or a box");
        r = run("analyze", "--landscape", "expr:x^2+w^2", "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip()).doesNotContain("\n").contains("--landscape expr: cannot parse 'x^2+w^2'");
        r = run("control", "--landscape", "himmelblau2d", "--window", "-1,1", "--quiet");
        assertThat(r[0]).as(r[2]).isEqualTo("2");
        assertThat(r[2].strip()).doesNotContain("\n").contains("--window is for 1-D landscapes");
    }
}
