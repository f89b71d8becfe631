package dev.htsgd.readme;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Models;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.train.BatchSampler;
import dev.htsgd.dl.train.HeavyTailedStep;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The README's second program: a plain DJL training loop whose update is the truncated heavy-tailed step,
 * theta &lt;- theta - phi_b(eta (g_SB + c W (g_SB - g_LB))), on three noisy clusters in the plane.
 */
public final class TrainHeavyTailed {

    private TrainHeavyTailed() {
    }

    /** The numbers the program prints. */
    public record Numbers(double lossBefore, double lossAfter, double accuracy, long updates, long truncations,
                          double lastPreClipNorm) {
    }

    public static Numbers run() {
        // README:train begin
        int n = 300;                                            // three noisy clusters in the plane
        RestorableUniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        float[] xy = new float[2 * n];
        int[] label = new int[n];
        for (int k = 0; k < n; k++) {
            label[k] = k % 3;
            xy[2 * k] = (float) (Math.cos(2.1 * label[k]) + rng.nextDouble() - 0.5);
            xy[2 * k + 1] = (float) (Math.sin(2.1 * label[k]) + rng.nextDouble() - 0.5);
        }
        ImageSet train = new ImageSet("clusters", 1, 1, 2, 3, xy, label);
        try (Network net = Network.create(Architecture.MLP, Models.mlp(3, 16), train.imageShape(), 3, rng)) {
            HeavyTailedStep step = HeavyTailedStep.builder().setLearningRate(0.5).optClip(0.2)
                    .optNoise(1.4, 0.5).build();                // b = 0.2, W ~ Pareto(1.4), c = 0.5
            step.setNoiseSource(rng);
            NDArray x = train.allImages(net.manager(), 0, n);  // the large batch: all of it
            NDArray y = net.manager().create(label);
            BatchSampler small = new BatchSampler(rng, n, 16);
            int[] sb = new int[16];
            double before = net.loss(train);
            for (int k = 0; k < 300; k++) {
                small.next(sb, 0);
                double cw = step.noiseMultiplier();             // c W
                try (NDManager m = net.manager().newSubManager();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDIndex rows = new NDIndex("{}", m.create(sb));
                    NDArray lossSb = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y.get(rows)),
                            new NDList(net.forward(x.get(rows), true)));
                    NDArray lossLb = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(y),
                            new NDList(net.forward(x, true)));
                    gc.backward(lossSb.add(lossSb.sub(lossLb).mul(cw))); // g_SB + c W (g_SB - g_LB)
                }
                step.update(net.parameters(), k, true);         // theta -= phi_b(eta g), then zero g
            }
            Network.Evaluation after = net.evaluate(train);
            System.out.printf("training loss %.4f -> %.4f, accuracy %.3f%n", before, after.loss(), after.accuracy());
            System.out.printf("%d of %d updates truncated at b = %.1f (last pre-clip norm %.3g)%n",
                    step.truncations(), step.updates(), step.clip(), step.lastPreClipNorm());
            return new Numbers(before, after.loss(), after.accuracy(), step.updates(), step.truncations(), step.lastPreClipNorm()); // README:omit
        }
        // README:train end
    }
}
