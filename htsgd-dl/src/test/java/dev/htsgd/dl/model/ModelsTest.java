package dev.htsgd.dl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.htsgd.dl.data.ImageSet;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelsTest {
    static ImageSet blank(int c, int h, int w, int n) {
        return new ImageSet("blank", c, h, w, 10, new float[n * c * h * w], new int[n]);
    }

    @Test
    void lenetHasThePapers11330Weights() {
        try (Network net = Network.create(Architecture.LENET, blank(1, 28, 28, 2), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))) {
            assertThat(net.numWeights()).isEqualTo(Models.LENET_WEIGHTS).isEqualTo(11_330);
            assertThat(net.parameters()).hasSize(8);
            assertThat(net.parameters().get(0).getArray().getShape()).isEqualTo(new Shape(10, 1, 5, 5));
            assertThat(net.parameters().get(4).getArray().getShape()).isEqualTo(new Shape(50, 160));
            NDArray out = net.forward(net.manager().zeros(new Shape(3, 1, 28, 28)), false);
            assertThat(out.getShape()).isEqualTo(new Shape(3, 10));
            // PyTorch default init: |w| <= 1/sqrt(fan_in) = 1/5 for conv1
            for (float v : net.weights()[0]) {
                assertThat(Math.abs(v)).isLessThanOrEqualTo(0.2f);
            }
        }
    }

    @Test
    void sameSeedSameWeights() {
        try (Network a = Network.create(Architecture.LENET, blank(1, 28, 28, 1), RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
             Network b = Network.create(Architecture.LENET, blank(1, 28, 28, 1), RandomSource.XO_RO_SHI_RO_128_PP.create(5L))) {
            assertThat(a.weights()).isDeepEqualTo(b.weights());
        }
    }

    @Test
    void vgg11ConfigAWithoutBatchNorm() {
        try (Network net = Network.create(Architecture.VGG11, blank(3, 32, 32, 1), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))) {
            // convs 9,220,480 + classifier 262,656 * 2 + 5,130
            assertThat(net.numWeights()).isEqualTo(9_750_922L);
            assertThat(net.parameters()).hasSize(2 * 8 + 2 * 3);
        }
    }

    @Test
    void mlpAndShapeChecks() {
        try (Network net = Network.create(Architecture.MLP, blank(3, 8, 8, 1), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))) {
            assertThat(net.numWeights()).isEqualTo(192L * 512 + 512 + 512L * 256 + 256 + 256L * 10 + 10);
        }
        assertThatThrownBy(() -> Network.create(Architecture.LENET, blank(3, 32, 32, 1), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)))
                .hasMessageContaining("model lenet does not fit").hasMessageContaining("3x32x32");
        assertThatThrownBy(() -> Network.create(Architecture.VGG11, blank(1, 28, 28, 1), RandomSource.XO_RO_SHI_RO_128_PP.create(1L)))
                .hasMessageContaining("model vgg11 does not fit");
    }

    @Test
    void evaluateMatchesHandComputedLossOnZeroNetwork() {
        try (Network net = Network.create(Architecture.MLP, blank(1, 2, 2, 4), RandomSource.XO_RO_SHI_RO_128_PP.create(1L))) {
            float[][] w = net.weights();
            for (float[] a : w) {
                java.util.Arrays.fill(a, 0f);
            }
            net.setWeights(w);
            // all logits 0 -> loss log(10), argmax 0 -> accuracy = fraction of label 0
            ImageSet d = new ImageSet("d", 1, 2, 2, 10, new float[16], new int[] {0, 3, 0, 5});
            Network.Evaluation e = net.evaluate(d);
            assertThat(e.loss()).isCloseTo(Math.log(10), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(e.accuracy()).isEqualTo(0.5);
        }
    }
}
