package dev.htsgd.dl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.htsgd.check.InvalidParameterException;
import org.junit.jupiter.api.Test;

/** The builder builds the record: its defaults are Table 1's column and it validates in library words. */
class TrainConfigTest {

    @Test
    void defaultsAreTheFashionMnistColumn() {
        for (Method m : Method.values()) {
            if (m == Method.SB_NOISE) {
                continue;
            }
            TrainConfig built = TrainConfig.builder().setMethod(m).setIterations(10_000).optNoiseOff(5_000).optSeed(3)
                    .build();
            assertThat(built).isEqualTo(new TrainConfig(m, 10_000, 0.05, 100, 256, 5, ClipOn.GRADIENT, 1.4, 0.5, 5_000,
                    ParetoType.TYPE_I, 0, 0, 0, 1, Double.POSITIVE_INFINITY, 500, 3, GradientPasses.FUSED)).isEqualTo(TrainConfig.paper(m, 3));
        }
        assertThat(TrainConfig.paper(Method.SB_NOISE, 3)).isEqualTo(new TrainConfig(Method.SB_NOISE, 100_000, 0.005,
                100, 256, Double.POSITIVE_INFINITY, ClipOn.GRADIENT, 1.4, 0.5, 50_000, ParetoType.TYPE_I, 0, 0, 0, 1, 1.0, 5000, 3, GradientPasses.FUSED));
    }

    @Test
    void noiseFreePhaseDefaultsToHalfTheRunForNoisyMethodsOnly() {
        assertThat(TrainConfig.builder().setMethod(Method.OUR1).setIterations(300).build().noiseOff()).isEqualTo(150);
        assertThat(TrainConfig.builder().setMethod(Method.SB).setIterations(300).build().noiseOff()).isZero();
        TrainConfig c = TrainConfig.builder().setMethod(Method.OUR2).setIterations(300).optNoiseOff(0)
                .optNoise(1.2, 0.3).optMomentum(0.9).optLrSchedule(100, 0.5).optEta(0.1).optSeed(8).build();
        assertThat(c.noiseOff()).isZero();
        assertThat(c.alpha()).isEqualTo(1.2);
        assertThat(c.c()).isEqualTo(0.3);
        assertThat(c.newStep().learningRate(250)).isEqualTo(0.025);
    }

    @Test
    void buildNamesTheParameter() {
        assertThatThrownBy(() -> TrainConfig.builder().setIterations(5).build())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("method"));
        assertThatThrownBy(() -> TrainConfig.builder().setMethod(Method.LB).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("iterations must be > 0, got 0");
        assertThatThrownBy(() -> TrainConfig.builder().setMethod(Method.LB).setIterations(5).optEta(0).build())
                .isInstanceOf(InvalidParameterException.class).hasMessage("eta must be in (0, inf), got 0.0");
        assertThatThrownBy(() -> TrainConfig.builder().setMethod(Method.LB).setIterations(5).optBatch(0).build())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("batch"));
        assertThatThrownBy(() -> TrainConfig.builder().setMethod(Method.OUR2).setIterations(5).optNoiseOff(6).build())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("noiseOff"));
        assertThatThrownBy(() -> TrainConfig.builder().setMethod(Method.OUR2).setIterations(5).optMomentum(1).build())
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("momentum"));
    }

    @Test
    void streamsAreKeyedCoreStreamsAndDistinctPerUse() {
        long[] first = new long[TrainingStream.values().length];
        for (TrainingStream s : TrainingStream.values()) {
            first[s.ordinal()] = s.of(5).nextLong();
            assertThat(s.of(5).nextLong()).isEqualTo(first[s.ordinal()]);
            assertThat(s.of(6).nextLong()).isNotEqualTo(first[s.ordinal()]);
        }
        assertThat(first).doesNotHaveDuplicates();
        assertThat(TrainingStream.SMALL.of(5).nextLong()).isEqualTo(dev.htsgd.sim.Streams
                .forReplication(dev.htsgd.sim.Streams.key(5, "train", 0), 2).nextLong());
    }
}
