package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    private static SweepGrid grid() {
        return SweepGrid.of(null, List.of("iclr1d", "expr:min(x, 1)"), List.of("pareto"), List.of(1.2, 1.5),
                List.of(0.1), List.of(0.5, Double.POSITIVE_INFINITY), List.of(0.1, 0.01, 0.001), List.of(7L, 8L));
    }

    @Test
    void cellsAreTheProductWithEtaFastestAndDecodeByIndex() {
        SweepGrid g = grid();
        List<Cell> cells = g.cells();
        assertThat(cells).hasSize(2 * 2 * 2 * 3 * 2).hasSize(g.size());
        assertThat(cells.get(0).eta()).isEqualTo(0.1);
        assertThat(cells.get(1).eta()).isEqualTo(0.01);
        assertThat(cells.get(3).seed()).isEqualTo(8L);
        assertThat(cells.get(6).clipText()).isEqualTo("none");
        assertThat(cells.get(24).landscape()).isEqualTo("expr:min(x, 1)");
        for (int i = 0; i < cells.size(); i++) {
            assertThat(g.cell(i)).isEqualTo(cells.get(i));
            assertThat(cells.get(i).index()).isEqualTo(i);
        }
    }

    @Test
    void badAxesNameTheOptionAndRange() {
        assertThatThrownBy(() -> SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2), List.of(0.1),
                List.of(0.5), List.of(0.0), List.of(1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--eta must be in (0, inf), got 0.0");
        assertThatThrownBy(() -> SweepGrid.of(null, List.of("iclr1d"), List.of("pareto"), List.of(1.2), List.of(0.1),
                List.of(-1.0), List.of(0.1), List.of(1L)))
                .hasMessage("--clip must be in (0, inf) or none, got -1.0");
        assertThatThrownBy(() -> SweepGrid.parseClip("wide")).hasMessage("--clip must be in (0, inf) or none, got 'wide'");
        assertThat(SweepGrid.parseClip("none")).isInfinite();
        assertThatThrownBy(() -> SweepGrid.of(null, List.of(), List.of("pareto"), List.of(1.2), List.of(0.1),
                List.of(0.5), List.of(0.1), List.of(1L))).hasMessage("--landscape must name at least one value");
    }

    @Test
    void taskIdsRoundTrip() {
        TaskKey k = TaskKey.of(12, 345);
        assertThat(k.id()).isEqualTo("c00012-r000345");
        assertThat(TaskKey.parse(k.id())).isEqualTo(k);
        assertThatThrownBy(() -> TaskKey.parse("x1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintDependsOnTheResultsOnly() {
        SweepSpec a = SweepSpec.of("exit-times", grid(), SweepSettings.defaults());
        SweepSpec b = SweepSpec.of("exit-times", grid(), SweepSettings.defaults().withSteps(5, 3));
        SweepSpec c = SweepSpec.of("exit-times", grid(), SweepSettings.defaults().withSamples(7));
        List<String> keys = List.of("samples", "max-steps", "basin", "x0");
        assertThat(a.fingerprint(keys)).isEqualTo(b.fingerprint(keys)).isNotEqualTo(c.fingerprint(keys));
    }
}
