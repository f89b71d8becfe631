package dev.htsgd.bench.dl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Models;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.train.GlobalNorm;
import dev.htsgd.dl.train.TrainingStream;

import java.util.List;
import java.util.Locale;

/**
 * The global norm and truncation of one step on LeNet's 8 parameter arrays, before and after the single host
 * synchronisation ({@link GlobalNorm}): "before" reads each array's sum of squares with its own {@code getFloat()}
 * (the loop HeavyTailedStep had), "after" stacks the sums on the device and copies them back once; both then scale
 * the direction by min(1, B / ||u||). Interleaved rounds in one process, best round of each; the ratio is the figure.
 * Arguments: threads reps rounds.
 */
public final class GlobalNormBench {
    private GlobalNormBench() {
    }

    public static void main(String[] args) {
        int threads = BenchArgs.at(args, 0, 1);
        int reps = BenchArgs.at(args, 1, 2000);
        int rounds = BenchArgs.at(args, 2, 5);
        BenchArgs.pytorch(threads);
        try (Network net = Network.create(Architecture.LENET, Models.lenet(), new ai.djl.ndarray.types.Shape(1, 28, 28), 10,
                TrainingStream.INIT.of(1))) {
            List<Parameter> params = net.parameters();
            NDArray[] d = new NDArray[params.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = params.get(i).getArray().duplicate(); // a direction of LeNet's shapes
            }
            double bestBefore = Double.POSITIVE_INFINITY;
            double bestAfter = Double.POSITIVE_INFINITY;
            double check = 0;
            for (int r = 0; r < 2 * rounds; r++) {
                boolean before = r % 2 == 0;
                long t = System.nanoTime();
                for (int k = 0; k < reps; k++) {
                    try (NDManager sub = net.manager().newSubManager()) {
                        double norm;
                        if (before) {
                            double sq = 0;
                            for (NDArray a : d) {
                                NDArray s = a.square().sum();
                                s.attach(sub);
                                sq += s.getFloat();
                            }
                            norm = Math.sqrt(sq);
                        } else {
                            norm = GlobalNorm.of(d);
                        }
                        double scale = Math.min(1, 0.25 / norm);
                        for (NDArray a : d) {
                            NDArray u = a.mul(0.05 * scale);
                            u.attach(sub);
                        }
                        check += norm;
                    }
                }
                double perStep = (System.nanoTime() - t) * 1e-9 / reps;
                if (before) {
                    bestBefore = Math.min(bestBefore, perStep);
                } else {
                    bestAfter = Math.min(bestAfter, perStep);
                }
            }
            System.out.printf(Locale.ROOT, "impl=djl threads=%d parameters=%d norm_and_clip_s_per_step_before=%.3e "
                    + "after=%.3e before_over_after=%.3f (checksum %.3f)%n", threads, d.length, bestBefore, bestAfter,
                    bestBefore / bestAfter, check);
        }
    }
}
