package dev.htsgd.bench.dl;

import dev.htsgd.check.Names;
import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.train.GradientPasses;
import dev.htsgd.dl.train.HeavyTailedTraining;
import dev.htsgd.dl.train.Method;
import dev.htsgd.dl.train.TrainingStream;
import dev.htsgd.dl.train.TrainConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whole-process benchmark of one Our 2 training step on LeNet (FashionMNIST, the paper's 1,000 + 200
 * subset, small batch 100, large batch 256): steps per second, and the split between forming the gradient
 * (batches, one fused forward/backward) and the update (Pareto draw, global norm, truncation, weight update).
 *
 * <p>Two modes. {@code threads steps warmup rounds largeBatch}: the best of {@code rounds} timed blocks, one line
 * of key=value pairs. {@code serve threads largeBatch}: a block server for {@code bench/paired.py}, which runs it
 * beside the PyTorch loop {@code bench/our2_step.py --serve} and alternates blocks between the two (ABBA), so both
 * see the same load: for each line {@code N} on stdin it runs N steps and prints
 * {@code seconds gradient_seconds update_seconds}; an empty line or end of input stops it. A third argument
 * {@code fused|per-batch} chooses how the step forms its gradient ({@link GradientPasses}; default fused).
 */
public final class Our2StepBench {
    private Our2StepBench() {
    }

    public static void main(String[] args) throws IOException {
        boolean serve = args.length > 0 && args[0].equals("serve");
        String[] a = serve ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        int threads = BenchArgs.at(a, 0, 1);
        int large = serve ? BenchArgs.at(a, 1, 256) : BenchArgs.at(a, 4, 256);
        BenchArgs.pytorch(threads);
        ImageSet full = Dataset.FASHION_MNIST.load(Dataset.FASHION_MNIST.locate(null, System.getenv()), true);
        ImageSet train = full.subset(1000, 200, TrainingStream.LABELS.of(1));
        TrainConfig cfg = TrainConfig.builder().setMethod(Method.OUR2).setIterations(Integer.MAX_VALUE).optLargeBatch(large)
                .optNoiseOff(0).optEvalEvery(Integer.MAX_VALUE).optSeed(1)
                .optPasses(serve && a.length > 2 ? Names.parse("passes", GradientPasses.values(), a[2]) : GradientPasses.FUSED).build();
        try (Network net = Network.create(Architecture.LENET, train, TrainingStream.INIT.of(1))) {
            HeavyTailedTraining run = HeavyTailedTraining.create(cfg, net, train, null);
            if (serve) {
                serve(run);
            } else {
                blocks(run, threads, BenchArgs.at(a, 1, 100), BenchArgs.at(a, 2, 20), BenchArgs.at(a, 3, 3), large);
            }
        }
    }

    private static void serve(HeavyTailedTraining run) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        System.out.flush();
        for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
            int n = Integer.parseInt(line.strip());
            double g0 = run.gradientSeconds();
            double u0 = run.updateSeconds();
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                run.stepOnce();
            }
            System.out.printf(Locale.ROOT, "%.6f %.6f %.6f%n", (System.nanoTime() - t) * 1e-9,
                    run.gradientSeconds() - g0, run.updateSeconds() - u0);
            System.out.flush();
        }
    }

    private static void blocks(HeavyTailedTraining run, int threads, int steps, int warmup, int rounds, int large) {
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
