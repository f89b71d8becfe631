package dev.htsgd.dl.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class ConvolutionCheckTest {

    /**
     * The tests run with ONEDNN_MAX_CPU_ISA=SSE41 (root pom), where float32 convolutions are right: the check
     * passes and measures float32 rounding (about 1e-7; it was 0.1-0.7 on the affected CPU without the cap).
     */
    @Test
    void float32ConvolutionsAgreeWithFloat64UnderTheCap() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            double err = ConvolutionCheck.verify(m);
            assertThat(err).isLessThan(ConvolutionCheck.TOLERANCE);
            assertThat(ConvolutionCheck.verify(m)).isEqualTo(err);
        }
    }

    @Test
    void relativeErrorIsInfiniteForANonFiniteValue() {
        assertThat(ConvolutionCheck.relativeError(new double[] {1, Double.NaN}, new double[] {1, 1})).isInfinite();
        assertThat(ConvolutionCheck.relativeError(new double[] {1, 2}, new double[] {1, 2})).isZero();
        assertThat(ConvolutionCheck.relativeError(new double[] {1.1, 2}, new double[] {1, 2})).isCloseTo(0.1 / Math.sqrt(5),
                org.assertj.core.api.Assertions.within(1e-12));
    }
}
