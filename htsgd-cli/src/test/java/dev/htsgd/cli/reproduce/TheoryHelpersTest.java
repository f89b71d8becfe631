package dev.htsgd.cli.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TheoryHelpersTest {

    /** Least squares through exact points recovers the slope; the interval needs three points. */
    @Test
    void fitRecoversAnExactSlope() {
        double[] f = Fits.fit(List.of(new double[] {0, 1}, new double[] {1, 2.4}, new double[] {2, 3.8}));
        assertThat(f[0]).isCloseTo(1.4, within(1e-12));
        assertThat(f[2]).isCloseTo(0, within(1e-9));
        assertThat(Double.isNaN(Fits.fit(List.of(new double[] {0, 1}, new double[] {1, 2}))[2])).isTrue();
    }

    /** Regression (issue 12): repeated etas (one distinct x) give no slope and say so, instead of a 0/0. */
    @Test
    void fitAtOneDistinctEtaHasNoSlopeAndSaysWhy() {
        List<double[]> same = List.of(new double[] {2, 1}, new double[] {2, 3});
        assertThat(Fits.fit(same)).containsOnly(Double.NaN);
        assertThat(Fits.note(same)).contains("1 distinct eta").contains("no slope");
        assertThat(Fits.note(List.of(new double[] {0, 1}, new double[] {1, 2}))).contains("no residuals");
        assertThat(Fits.note(List.of(new double[] {0, 1}, new double[] {1, 2.4}, new double[] {2, 3.8}))).isNull();
    }

    @Test
    void etasAcceptFractions() {
        assertThat(ReproduceOptions.parseEtaValue("1/200")).isEqualTo(0.005);
        assertThat(ReproduceOptions.parseEtaValue("1e-3")).isEqualTo(0.001);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReproduceOptions.parseEtaValue("0"))
                .hasMessageContaining("--etas");
    }
}
