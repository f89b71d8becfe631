package dev.htsgd.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htsgd.run.StudyRunner;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.ClipControl;
import dev.htsgd.theory.FlowFields;
import dev.htsgd.landscape.Himmelblau2d;
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
        assertThatThrownBy(() -> ControlStudy.Settings.of("expr:x^2+y^2", null, null, 20_001, 0.1, 1, null, 0))
                .hasMessageContaining("single minimiser set");
        assertThatThrownBy(() -> ControlStudy.Settings.of("himmelblau2d", null, null, 20_001, 0.1, 1, 3.0, 0))
                .hasMessageStartingWith("targetRadius 3.0 exceeds every radius");
    }

    /**
     * A 2-D landscape goes through the same study: its bands are those of its fields by gradient flow
     * ({@link FlowFields}, the default search), and the b grid lists l*_i = ceil(r_i / b) (himmelblau2d: radii
     * 2.6, 2.6, 1.2, 1.2; the narrow minima 2, 3 are dropped below b = 2.6).
     */
    @Test
    void aTwoDimensionalMapHasTheBandsOfItsFlowFields() {
        ControlStudy.Settings s = ControlStudy.Settings.of("himmelblau2d", null, null, 20_001, 1, 3, 2.0, 8);
        ControlStudy.Result r = StudyRunner.of(2).run(new ControlStudy(), s, 0);
        FlowFields fields = FlowFields.of(Himmelblau2d.of());
        assertThat(r.basins()).isNull();
        assertThat(r.fields().radii()).containsExactly(fields.radii());
        assertThat(r.bands()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(ClipControl.scan(fields.radii(), fields.distances(), 1, 3));
        assertThat(r.targetMinima()).containsExactly(0, 1);
        assertThat(r.recommended()).isNotEmpty().allSatisfy(b -> assertThat(b.bHigh()).isLessThan(2.6 + 1e-4));
        for (ControlStudy.GridPoint g : r.grid()) {
            for (int i = 0; i < 4; i++) {
                assertThat(g.jumps()[i]).isEqualTo((int) Math.ceil(fields.radius(i) / g.b()));
            }
        }
    }
}
