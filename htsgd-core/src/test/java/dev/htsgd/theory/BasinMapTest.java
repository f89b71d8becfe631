package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.ParetoNoise;
import org.junit.jupiter.api.Test;

/** The one basin type: the theory's 1-D {@link Basins} is the simulation's {@link BasinMap}. */
class BasinMapTest {

    @Test
    void aOneDimensionalMapIsTheTheorysBasins() {
        Objective1D f = TestLandscapes.fig2();
        BasinMap map = BasinMap.of(f);
        assertThat(map).isInstanceOf(Basins.class);
        Basins b = (Basins) map;
        assertThat(b.hasExits()).isTrue();
        assertThat(map.size()).isEqualTo(b.minima().length);
        for (int i = 0; i < map.size(); i++) {
            assertThat(map.minimumPoints()[i]).containsExactly(b.minimum(i));
            assertThat(map.radius(i)).isEqualTo(b.radii()[i]);
            assertThat(map.fieldOf(new double[] {b.minimum(i)})).isEqualTo(i);
            assertThat(map.distance2(new double[] {b.minimum(i) + 0.1}, i)).isCloseTo(0.01, within(1e-12));
        }
        assertThat(map.describe()).contains("separated by maxima");
    }

    @Test
    void theStartIsThePointGivenOrTheMinimumOfTheField() {
        BasinMap map = BasinMap.of(TestLandscapes.fig2());
        double[] m1 = map.start(null, 1);
        assertThat(m1).containsExactly(map.minimumPoints()[1]);
        m1[0] = 99; // a copy: the map's minima stay as they are
        assertThat(map.minimumPoints()[1][0]).isNotEqualTo(99);
        assertThat(map.start(new double[] {0.3}, 7)).containsExactly(0.3); // basin only matters for min
        assertThatThrownBy(() -> map.start(null, map.size())).hasMessage("basin must be in [0, " + (map.size() - 1)
                + "], got " + map.size());
        assertThatThrownBy(() -> map.start(null, -1)).hasMessageStartingWith("basin must be in [0, ");
        assertThatThrownBy(() -> map.start(new double[] {0.1, 0.2}, 0))
                .hasMessage("x0 must be a number or min, got 2 coordinates");
        assertThatThrownBy(() -> map.start(new double[] {Double.NaN}, 0)).hasMessageStartingWith("x0 entry 1 is not finite");
        BasinMap plane = BasinMap.of(dev.htsgd.landscape.Landscapes.of("himmelblau2d"));
        assertThatThrownBy(() -> plane.start(new double[] {1}, 0))
                .hasMessage("x0 must be 2 numbers x,y or min, got 1 coordinates");
    }

    @Test
    void aSingleMinimumIsOneFieldWithoutExitThatTheTheoryRefuses() {
        Objective1D bowl = TestLandscapes.polynomial("bowl", Domain.interval(-1, 1), 1.0, 0.0);
        Basins one = BasinMap.of1D(bowl);
        assertThat(one.size()).isEqualTo(1);
        assertThat(one.hasExits()).isFalse();
        assertThat(one.maxima()).isEmpty();
        assertThat(one.radius(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(one.fieldOf(0.9)).isZero();
        assertThatThrownBy(one::requireExits).hasMessageContaining("single minimum");
        assertThatThrownBy(() -> TransitionGraph.of(one, 1.0)).hasMessageContaining("single minimum");
        assertThatThrownBy(() -> LandscapeAnalysis.of(one, ParetoNoise.of(1.5, 0.1), 1.0))
                .hasMessageContaining("single minimum");
    }
}
