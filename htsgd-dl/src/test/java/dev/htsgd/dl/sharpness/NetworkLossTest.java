package dev.htsgd.dl.sharpness;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import org.junit.jupiter.api.Test;

class NetworkLossTest {

    @Test
    void exactHvpMatchesFiniteDifferencesInDouble() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (int net = 0; net < 2; net++) {
                Block b = net == 0 ? TinyNets.mlp(m, DataType.FLOAT64) : TinyNets.convnet(m, DataType.FLOAT64);
                var x = net == 0 ? TinyNets.features(m, 1, 30, 4) : TinyNets.features(m, 1, 30, 1, 6, 6);
                try (NetworkLoss f = NetworkLoss.of(b, x, TinyNets.labels(m, 2, 30, 3), 7)) {
                    double[] theta = f.parameters();
                    int d = f.dimension();
                    double[] v = new double[d];
                    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
                    for (int i = 0; i < d; i++) {
                        v[i] = r.nextGaussian();
                    }
                    double[] exact = new double[d];
                    double[] fd = new double[d];
                    f.hessianVector(theta, v, exact);
                    double err = FiniteDifferenceHvp.applyWithError(f, theta, v, fd);
                    double diff = 0;
                    double norm = 0;
                    for (int i = 0; i < d; i++) {
                        diff += (exact[i] - fd[i]) * (exact[i] - fd[i]);
                        norm += exact[i] * exact[i];
                    }
                    System.out.printf("net %d d=%d |Hv|=%g |diff|=%g est=%g%n", net, d, Math.sqrt(norm), Math.sqrt(diff), err);
                    assertThat(Math.sqrt(diff)).isLessThan(1e-8 * Math.sqrt(norm));
                }
            }
        }
    }
}
