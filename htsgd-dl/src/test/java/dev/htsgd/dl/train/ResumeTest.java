package dev.htsgd.dl.train;

import dev.htsgd.dl.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A run stopped, saved and restored in a fresh object reproduces the uninterrupted run bit for bit. */
class ResumeTest {
    @TempDir
    Path tmp;

    static TrainConfig cfg(Method m) {
        // momentum and weight decay on, so their buffers must survive the resume too
        return TrainConfig.builder().setMethod(m).setIterations(30).optEta(0.3).optBatch(2).optLargeBatch(4)
                .optClip(0.2).optNoiseOff(10).optMomentum(0.9).optWeightDecay(1e-3).optLrSchedule(7, 0.5)
                .optEvalEvery(5).optSeed(99).build();
    }

    @Test
    void resumedRunIsBitIdentical() {
        for (Method m : new Method[] {Method.OUR1, Method.OUR2}) {
            TrainConfig c = cfg(m);
            float[][] straight;
            java.util.List<MetricsRow> rowsStraight;
            try (Network net = MethodStepTest.tiny(c.seed())) {
                HeavyTailedTraining run = HeavyTailedTraining.create(c, net, MethodStepTest.DATA, MethodStepTest.DATA);
                run.run(new HeavyTailedTraining.Listener() { });
                straight = net.weights();
                rowsStraight = run.rows();
            }
            Path state = tmp.resolve(m + ".bin");
            try (Network net = MethodStepTest.tiny(c.seed())) {
                HeavyTailedTraining run = HeavyTailedTraining.create(c, net, MethodStepTest.DATA, MethodStepTest.DATA);
                run.runUntil(13, new HeavyTailedTraining.Listener() { });
                run.save(state);
            }
            try (Network net = MethodStepTest.tiny(c.seed())) {
                HeavyTailedTraining run = HeavyTailedTraining.create(c, net, MethodStepTest.DATA, MethodStepTest.DATA);
                run.restore(state);
                assertThat(run.iteration()).isEqualTo(13);
                run.run(new HeavyTailedTraining.Listener() { });
                assertThat(net.weights()).isDeepEqualTo(straight);
                assertThat(run.rows()).hasSameSizeAs(rowsStraight);
                for (int i = 0; i < rowsStraight.size(); i++) {
                    assertThat(run.rows().get(i).trainLoss()).isEqualTo(rowsStraight.get(i).trainLoss());
                    assertThat(run.rows().get(i).preClipNorm()).isEqualTo(rowsStraight.get(i).preClipNorm());
                }
            }
        }
    }
}
