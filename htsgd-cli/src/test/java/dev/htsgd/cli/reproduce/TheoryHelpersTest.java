package dev.htsgd.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TheoryHelpersTest {

    /**
     * Two-state chain, rates a (0 -> 1) and c (1 -> 0), started in 0: the mean occupation of 0 over [0, T] is
     * c/(a+c) + a (1 - exp(-(a+c) T)) / ((a+c)^2 T). Euler with dt = T/20000 has error O(dt), about 1e-4 here.
     */
    @Test
    void meanOccupationMatchesTheTwoStateClosedForm() {
        double a = 2;
        double c = 0.5;
        double t = 3;
        double[] occ = GlobalDynamicsTarget.meanOccupation(new double[] {1, 0}, new double[][] {{-a, a}, {c, -c}}, t);
        double s = a + c;
        double exact = c / s + a * (1 - Math.exp(-s * t)) / (s * s * t);
        assertThat(occ[0]).isCloseTo(exact, within(1e-4));
        assertThat(occ[0] + occ[1]).isCloseTo(1, within(1e-12));
    }

    @Test
    void etasAcceptFractions() {
        assertThat(ReproduceOptions.parseEtaValue("1/200")).isEqualTo(0.005);
        assertThat(ReproduceOptions.parseEtaValue("1e-3")).isEqualTo(0.001);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReproduceOptions.parseEtaValue("0"))
                .hasMessageContaining("--etas");
    }
}
