package dev.htsgd.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htsgd.run.StudyRunner;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.ClipControl;
import dev.htsgd.landscape.Iclr1d;
import org.junit.jupiter.api.Test;

/** The b-map study: the bands of {@link ClipControl}, the l* grid, the same result on any number of threads. */
class ControlStudyTest {

    @Test
    void theIclrMapHasTheBandsOfClipControlAndTheJumpNumbersOnTheGrid() {
        ControlStudy.Settings s = ControlStudy.Settings.of("iclr1d", null, null, 20_001, 0.1, 1, 0.5, 40);
        ControlStudy.Result r = StudyRunner.of(1).run(new ControlStudy(), s, 0);
        Basins basins = Basins.of(Iclr1d.of());
        assertThat(r.bands()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(ClipControl.scan(basins, 0.1, 1));
        assertThat(r.targetMinima()).containsExactly(1, 3);
        assertThat(r.recommended()).anySatisfy(b -> assertThat(b.bLow()).isLessThan(0.5));
        assertThat(r.grid()).hasSize(40);
        for (ControlStudy.GridPoint g : r.grid()) {
            for (int i = 0; i < basins.size(); i++) {
                assertThat(g.jumps()[i]).isEqualTo((int) Math.ceil(basins.field(i).radius() / g.b()));
            }
        }
        ControlStudy.Result three = StudyRunner.of(3).run(new ControlStudy(), s, 0);
        assertThat(three.grid()).usingRecursiveFieldByFieldElementComparator().isEqualTo(r.grid());
    }

    @Test
    void badInputNamesTheParameter() {
        assertThatThrownBy(() -> ControlStudy.Settings.iclr(0, 1, 0)).hasMessageStartingWith("bLow must");
        assertThatThrownBy(() -> ControlStudy.Settings.iclr(0.1, Double.POSITIVE_INFINITY, 5))
                .hasMessageStartingWith("bPoints needs a finite `bHigh`");
        assertThatThrownBy(() -> ControlStudy.Settings.of("iclr1d", null, null, 20_001, 0.1, 1, 5.0, 0))
                .hasMessageStartingWith("targetRadius 5.0 exceeds every radius");
        assertThatThrownBy(() -> ControlStudy.Settings.of("himmelblau2d", null, null, 20_001, 0.1, 1, null, 0))
                .hasMessageContaining("is 2-D");
    }
}
