package dev.htsgd.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoisesTest {

    @Test
    void buildsEveryFamily() {
        assertThat(Noises.of("pareto", 1.2, 0.1, 1)).isEqualTo(ParetoNoise.of(1.2, 0.1));
        assertThat(Noises.of("lomax", 1.5, 0.2, 1)).isEqualTo(LomaxNoise.of(1.5, 0.2));
        assertThat(Noises.of("mixture", 1.5, 0.2, 5)).isEqualTo(MixtureNoise.of(1.5, 0.2, 5));
        assertThat(Noises.of("stable", 1.5, 1, 1)).isEqualTo(StableNoise.of(1.5, 1));
        assertThat(Noises.of("student", 3, 1, 1)).isEqualTo(StudentNoise.of(3, 1));
        assertThat(Noises.of("gaussian", Double.NaN, 2, 1)).isEqualTo(GaussianNoise.of(2));
        NoiseModel skewed = Noises.of("pareto", 1.5, 1, 1, 0.8);
        assertThat(skewed.pPlus()).isEqualTo(0.8);
        assertThat(skewed.mean()).isEqualTo(0.0);
        assertThat(skewed).isInstanceOf(CenteredNoise.class);
    }

    @Test
    void badInputNamesTheOption() {
        assertThatThrownBy(() -> Noises.of("pareto", 0, 0.1, 1)).hasMessageStartingWith("alpha must be in (0, inf)");
        assertThatThrownBy(() -> Noises.of("pareto", Double.NaN, 0.1, 1)).hasMessageStartingWith("alpha");
        assertThatThrownBy(() -> Noises.of("stable", 2.5, 0.1, 1)).hasMessageStartingWith("alpha must be in (0, 2]");
        assertThatThrownBy(() -> Noises.of("lomax", 1.2, -1, 1)).hasMessageStartingWith("scale must be in (0, inf)");
        assertThatThrownBy(() -> Noises.of("pareto", 1.2, Double.POSITIVE_INFINITY, 1)).hasMessageStartingWith("scale");
        assertThatThrownBy(() -> Noises.of("mixture", 1.2, 1, 0)).hasMessageStartingWith("normalScale must be in (0, inf)");
        assertThatThrownBy(() -> Noises.of("cauchy", 1.2, 1, 1)).hasMessageStartingWith("noise must be one of");
        assertThatThrownBy(() -> Noises.of("pareto", 1.2, 1, 1, 1.5)).hasMessageStartingWith("pPlus must be in [0, 1]");
        assertThatThrownBy(() -> Noises.of("student", 1.2, 1, 1, 0.3)).hasMessageStartingWith("pPlus must be 0.5");
        assertThatThrownBy(() -> Noises.of("pareto", 0.8, 1, 1, 0.3)).hasMessageStartingWith("alpha must be in (1, inf)");
        assertThatThrownBy(() -> Noises.of("pareto", 0.8, 1, 1).requireFiniteMean())
                .hasMessageStartingWith("alpha must be in (1, inf) for pareto");
        assertThat(Noises.of("gaussian", 0, 1, 1).requireFiniteMean()).isEqualTo(GaussianNoise.of(1));
        assertThatThrownBy(() -> ParetoNoise.of(-1, 1)).hasMessage("alpha must be in (0, inf), got -1.0");
        assertThatThrownBy(() -> StableNoise.of(0, 1)).hasMessage("alpha must be in (0, 2] for stable noise, got 0.0");
    }
}
