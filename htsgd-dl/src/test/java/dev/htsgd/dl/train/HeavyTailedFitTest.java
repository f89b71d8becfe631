package dev.htsgd.dl.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DJL-native pieces: {@link HeavyTailedFit} on a plain Trainer, listeners, and the non-finite check. */
class HeavyTailedFitTest {

    /** Random batches of {@code size} rows of (x, y), on {@code m}. */
    static Supplier<Batch> draws(NDManager m, float[] x, float[] y, int size, long seed) {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = y.length;
        return () -> {
            float[] bx = new float[2 * size];
            float[] by = new float[size];
            for (int i = 0; i < size; i++) {
                int k = rng.nextInt(n);
                bx[2 * i] = x[2 * k];
                bx[2 * i + 1] = x[2 * k + 1];
                by[i] = y[k];
            }
            NDManager bm = m.newSubManager();
            return new Batch(bm, new NDList(bm.create(bx, new Shape(size, 2))), new NDList(bm.create(by)), size, null, null, 0, 0);
        };
    }

    @Test
    void aTrainingListenerSeesEveryStepOfBothPhases() {
        int n = 90;
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int k = 0; k < n; k++) {
            y[k] = k % 3;
            x[2 * k] = (float) Math.cos(2.1 * y[k]) + 0.01f * (k % 7);
            x[2 * k + 1] = (float) Math.sin(2.1 * y[k]);
        }
        int[] batches = {0};
        int[] epochs = {0};
        TrainingListener counter = new TrainingListenerAdapter() {
            @Override
            public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                batches[0]++;
            }

            @Override
            public void onEpoch(Trainer trainer) {
                epochs[0]++;
            }
        };
        try (Model model = Model.newInstance("mlp")) {
            model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(3).build()));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(new HeavyTailedLoss()).addTrainingListeners(counter))) {
                trainer.initialize(new Shape(1, 2));
                HeavyTailedStep step = HeavyTailedStep.builder().setLearningRate(0.5).optClip(1).optNoise(1.4, 0.5)
                        .optNoiseSource(RandomSource.XO_RO_SHI_RO_128_PP.create(3L)).build();
                HeavyTailedFit.History h = HeavyTailedFit.fit(trainer, step, Method.OUR1, 40, 10,
                        draws(trainer.getManager(), x, y, 8, 1), draws(trainer.getManager(), x, y, 30, 2), 3);
                assertThat(batches[0]).isEqualTo(40);
                assertThat(epochs[0]).isEqualTo(2); // the end of the noisy phase and of the noise-free one
                assertThat(h.steps()).hasSize(40);
                assertThat(step.updates()).isEqualTo(40);
                assertThat(h.steps().get(0).phase()).isEqualTo(LossWeights.Phase.NOISY_INDEPENDENT);
                assertThat(h.steps().get(39).phase()).isEqualTo(LossWeights.Phase.LARGE);
                assertThat(h.steps().get(39).truncated()).isFalse();
                // the loss went down: the trained block classifies the three directions
                NDArray logits = trainer.forward(new NDList(trainer.getManager().create(x, new Shape(n, 2)))).singletonOrThrow();
                float[] pred = logits.argMax(1).toType(DataType.FLOAT32, false).toFloatArray();
                int right = 0;
                for (int k = 0; k < n; k++) {
                    right += pred[k] == y[k] ? 1 : 0;
                }
                assertThat(right).isGreaterThan(n * 2 / 3);
            }
        }
    }

    @Test
    void optErrorIfNonfiniteStopsBeforeAnyWeightIsWritten() {
        for (boolean on : new boolean[] {true, false}) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Linear linear = Linear.builder().setUnits(1).build();
                linear.setInitializer(new ConstantInitializer(0.5f), Parameter.Type.WEIGHT);
                linear.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
                linear.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
                NDArray x = manager.create(new float[] {1f, Float.NaN}, new Shape(1, 2));
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray out = linear.forward(new ParameterStore(manager, false), new NDList(x), true).singletonOrThrow();
                    gc.backward(out.sum());
                }
                List<Parameter> params = List.copyOf(linear.getParameters().values());
                HeavyTailedStep.Builder b = HeavyTailedStep.builder().setLearningRate(0.1).optClip(1);
                HeavyTailedStep step = (on ? b : b.optErrorIfNonfinite(false)).build();
                if (on) {
                    assertThatThrownBy(() -> step.update(params, true)).isInstanceOf(TrainingDivergedException.class)
                            .hasMessageContaining("no weight was written");
                    assertThat(params.get(0).getArray().toFloatArray()).containsExactly(0.5f, 0.5f);
                    assertThat(step.updates()).isZero();
                } else {
                    step.update(params, true);
                    assertThat(params.get(0).getArray().toFloatArray()[1]).isNaN();
                }
            }
        }
    }

    @Test
    void theGlobalNormWithOneSynchronisationEqualsThePerParameterLoop() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray[] d = {m.create(new float[] {0.1f, -2f, 3.3f}), m.create(new float[] {1e-3f}), m.randomNormal(new Shape(7, 5))};
            double sq = 0;
            for (NDArray a : d) {
                sq += a.square().sum().getFloat();
            }
            assertThat(GlobalNorm.of(d)).isEqualTo(Math.sqrt(sq)); // bit for bit: the same float sums, added in order
        }
    }

    @Test
    void theLearningRateCanBeADjlTrackerAndTheStepCountsItsIterations() {
        HeavyTailedStep step = HeavyTailedStep.builder().setLearningRate(1)
                .optLearningRateTracker(ai.djl.training.tracker.Tracker.factor().setBaseValue(0.5f).setFactor(0.5f).build())
                .build();
        assertThat(step.learningRate()).isEqualTo(0.5);
        assertThat(step.learningRate(5)).isCloseTo(0.015625, org.assertj.core.data.Offset.offset(1e-7));
        assertThatThrownBy(() -> HeavyTailedStep.builder().setLearningRate(0.1).optNoise(1.4, 0.5).build().noiseMultiplier())
                .hasMessageContaining("optNoiseSource");
    }
}
