package dev.htsgd.dl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.noise.StableNoise;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GradientNoiseIndexTest {

    /**
     * A softmax-linear model with two classes and all weights zero, on inputs whose pixels are symmetric
     * alpha-stable and labels independent of them: p = (1/2, 1/2) for every input, so the gradient of weight W_kc on
     * one example is (p_k - y_k) x_c = +-x_c / 2 with a sign independent of x_c: exactly a symmetric alpha-stable
     * variable, and with batch 1 every weight coordinate of the noise is stable with alpha = 1.5 (shifted by the
     * full gradient), while the two bias coordinates take two values (no spread to read an index from, so they
     * are left out). Expected: the median over the 8 weight coordinates within 0.15 of alpha (the recommended
     * estimator's standard error on 400 stable draws is about 0.1, and the median of 8 nearly independent
     * estimates has a smaller one). The data set has 20,000 examples so that 400 draws rarely repeat one.
     */
    @Test
    void aLinearModelOnStableInputsHasTheInputsTailIndex() {
        double alpha = 1.5;
        int n = 20000;
        int pixels = 4;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(18L);
        StableNoise z = StableNoise.of(alpha, 1.0);
        float[] x = new float[n * pixels];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < pixels; c++) {
                x[i * pixels + c] = (float) z.sample(rng);
            }
            y[i] = rng.nextInt(2);
        }
        ImageSet data = new ImageSet("stable-inputs", 1, 1, pixels, 2, x, y);
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(2).build());
        try (Network net = Network.create(Architecture.MLP, block, new Shape(1, 1, pixels), 2, rng)) {
            float[][] w = net.weights();
            for (float[] a : w) {
                Arrays.fill(a, 0f);
            }
            net.setWeights(w);
            GradientNoiseIndex.Result r = GradientNoiseIndex.of(1, 400).measure(net, data, rng);
            assertThat(r.coordinates()).hasSize(2 * pixels + 2);
            assertThat(r.usedCoordinates()).isEqualTo(2 * pixels);
            assertThat(r.estimate()).isCloseTo(alpha, org.assertj.core.data.Offset.offset(0.15));
            assertThat(r.low()).isLessThanOrEqualTo(r.estimate());
            assertThat(r.high()).isGreaterThanOrEqualTo(r.estimate());
            // the norm's index is adaptive Hill on 400 norms, biased upward on stable-type tails at this size
            // (2.02 here; 1.79 on |S_1.5| itself over 20 samples of 400): only its presence is checked
            assertThat(r.norm().alpha()).isFinite();
            assertThat(r.examples()).isEqualTo(n);
            // at most 4 coordinates: every third of the 10
            GradientNoiseIndex.Result few = GradientNoiseIndex.of(1, 40, 4).measure(net, data, rng);
            assertThat(few.index()).containsExactly(0, 3, 6, 9);
            assertThat(few.parameters()).isEqualTo(2 * pixels + 2);
        }
    }

    /** The order-statistic interval of the median covers the median of a known law at least 95% of the time. */
    @Test
    void theMedianIntervalCovers() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int covered = 0;
        int trials = 400;
        for (int t = 0; t < trials; t++) {
            double[] u = new double[101];
            for (int i = 0; i < u.length; i++) {
                u[i] = rng.nextDouble();
            }
            Arrays.sort(u);
            double[] ci = GradientNoiseIndex.medianInterval(u);
            if (ci[0] <= 0.5 && 0.5 <= ci[1]) {
                covered++;
            }
        }
        // coverage at least 0.95: with 400 trials, 0.95 - 2 SE (SE 0.011) = 0.928
        assertThat(covered / (double) trials).isGreaterThan(0.928);
        assertThat(GradientNoiseIndex.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    }

    @Test
    void sizesAreCheckedInLibraryWords() {
        assertThatThrownBy(() -> GradientNoiseIndex.of(0, 100)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("batch ");
        assertThatThrownBy(() -> GradientNoiseIndex.of(10, 5)).isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("draws ");
    }
}
