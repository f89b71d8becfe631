package dev.htsgd.readme;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import dev.htsgd.dl.train.HeavyTailedFit;
import dev.htsgd.dl.train.HeavyTailedLoss;
import dev.htsgd.dl.train.HeavyTailedStep;
import dev.htsgd.dl.train.Method;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The README's "Training with DJL" program: a plain DJL {@link Trainer} (any block, DJL listeners) trained with
 * Our 2 by {@link HeavyTailedFit}, on three noisy clusters in the plane.
 */
public final class TrainWithDjl {

    private TrainWithDjl() {
    }

    /** The numbers the program prints. */
    public record Numbers(int listenedSteps, double accuracy, double truncatedFraction, long updates) {
    }

    /** Random batches of {@code size} rows of the data set (x: n x 2, y: class indices). */
    static Supplier<Batch> batches(NDManager m, float[] x, float[] y, int size, UniformRandomProvider rng) {
        return () -> {
            float[] bx = new float[2 * size];
            float[] by = new float[size];
            for (int i = 0; i < size; i++) {
                int k = rng.nextInt(y.length);
                bx[2 * i] = x[2 * k];
                bx[2 * i + 1] = x[2 * k + 1];
                by[i] = y[k];
            }
            NDManager b = m.newSubManager();
            return new Batch(b, new NDList(b.create(bx, new Shape(size, 2))), new NDList(b.create(by)), size, null, null, 0, 0);
        };
    }

    public static Numbers run() {
        // README:djl begin
        int n = 300;                                                   // three noisy clusters in the plane
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int k = 0; k < n; k++) {
            y[k] = k % 3;
            x[2 * k] = (float) (Math.cos(2.1 * y[k]) + rng.nextDouble() - 0.5);
            x[2 * k + 1] = (float) (Math.sin(2.1 * y[k]) + rng.nextDouble() - 0.5);
        }
        int[] steps = {0};
        TrainingListener counter = new TrainingListenerAdapter() {  // any DJL listener sees every step
            @Override
            public void onTrainingBatch(Trainer trainer, BatchData batchData) {
                steps[0]++;
            }
        };
        try (Model model = Model.newInstance("mlp")) {
            model.setBlock(new SequentialBlock().add(Linear.builder().setUnits(16).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(3).build()));
            DefaultTrainingConfig config = new DefaultTrainingConfig(new HeavyTailedLoss()) // the weighted objective
                    .addTrainingListeners(counter);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 2));
                HeavyTailedStep step = HeavyTailedStep.builder().setLearningRate(0.5)
                        .optClip(1)                                  // the gradient clipped at b = 1 (update at eta b)
                        .optNoise(1.4, 0.5).optNoiseSource(rng)      // c W, W ~ Pareto(1.4), c = 0.5
                        .build();
                NDManager m = trainer.getManager();
                // 300 steps of Our 2, the last 100 plain large-batch steps: one fused backward pass each
                HeavyTailedFit.History history = HeavyTailedFit.fit(trainer, step, Method.OUR2, 300, 100,
                        batches(m, x, y, 16, rng), batches(m, x, y, 128, rng), 3);
                NDArray predicted = trainer.forward(new NDList(m.create(x, new Shape(n, 2)))).singletonOrThrow().argMax(1);
                double accuracy = predicted.toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                        .eq(m.create(y)).sum().getLong() / (double) n;
                System.out.printf("accuracy %.3f after %d steps (%d seen by the listener), %.0f%% truncated%n",
                        accuracy, step.updates(), steps[0], 100 * history.truncatedFraction());
                return new Numbers(steps[0], accuracy, history.truncatedFraction(), step.updates()); // README:omit
            }
        }
        // README:djl end
    }
}
