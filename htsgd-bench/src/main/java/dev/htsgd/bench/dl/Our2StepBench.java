package dev.htsgd.bench.dl;

import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.train.HeavyTailedTraining;
import dev.htsgd.dl.train.Method;
import dev.htsgd.dl.train.TrainingStream;
import dev.htsgd.dl.train.TrainConfig;

import java.util.Locale;

/**
 * Whole-process benchmark of one Our 2 training step on LeNet (FashionMNIST, the paper's 1,000 + 200
 * subset, small batch 100, large batch 256): steps per second, and the split between forming the gradient
 * (batches, one fused forward/backward) and the update (Pareto draw, global norm, truncation, weight update).
 * Run by {@code bench/dl-speed.sh} beside the PyTorch loop {@code bench/our2_step.py} with the same threads
 * and batch sizes. Prints one line of key=value pairs.
 *
 * <p>Arguments: threads steps warmup rounds largeBatch.
 */
public final class Our2StepBench {
    private Our2StepBench() {
    }

    public static void main(String[] args) {
        int threads = BenchArgs.at(args, 0, 1);
        int steps = BenchArgs.at(args, 1, 100);
        int warmup = BenchArgs.at(args, 2, 20);
        int rounds = BenchArgs.at(args, 3, 3);
        int large = BenchArgs.at(args, 4, 256);
        BenchArgs.pytorch(threads);
        ImageSet full = Dataset.FASHION_MNIST.load(Dataset.FASHION_MNIST.locate(null, System.getenv()), true);
        ImageSet train = full.subset(1000, 200, TrainingStream.LABELS.of(1));
        int total = warmup + rounds * steps;
        TrainConfig cfg = TrainConfig.builder().setMethod(Method.OUR2).setIterations(total).optLargeBatch(large)
                .optNoiseOff(0).optEvalEvery(Integer.MAX_VALUE).optSeed(1).build();
        try (Network net = Network.create(Architecture.LENET, train, TrainingStream.INIT.of(1))) {
            HeavyTailedTraining run = HeavyTailedTraining.create(cfg, net, train, null);
            for (int i = 0; i < warmup; i++) {
                run.stepOnce();
            }
            double best = 0;
            double g0 = run.gradientSeconds();
            double u0 = run.updateSeconds();
            for (int r = 0; r < rounds; r++) {
                long t = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    run.stepOnce();
                }
                best = Math.max(best, steps / ((System.nanoTime() - t) * 1e-9));
            }
            double g = run.gradientSeconds() - g0;
            double u = run.updateSeconds() - u0;
            System.out.printf(Locale.ROOT, "impl=djl threads=%d large_batch=%d steps_per_second=%.3f gradient_s_per_step=%.5f "
                    + "update_s_per_step=%.6f update_over_gradient=%.4f%n", threads, large, best, g / (rounds * steps),
                    u / (rounds * steps), u / g);
        }
    }
}
