package dev.htsgd.dynamics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.htsgd.landscape.Himmelblau2d;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.LdQuartic;
import dev.htsgd.noise.VectorNoise;
import dev.htsgd.sim.Streams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ClippedSgdTest {

    private static VectorNoise constant(double v) {
        return new VectorNoise() {
            public int dimension() { return 2; }
            public void sample(UniformRandomProvider rng, double[] out) { out[0] = v; out[1] = v; }
            public double alpha() { return Double.POSITIVE_INFINITY; }
            public double radialTail(double x) { return 0; }
            public String name() { return "const"; }
            public String describe() { return "const"; }
        };
    }

    private static ClippedSgd.Builder quartic() {
        return ClippedSgd.builder().objective(LdQuartic.of()).noise(StandInNoise.constant(0.0)).eta(0.01).x0(1.0);
    }

    @Test
    void validatesEagerly() {
        assertThatThrownBy(() -> quartic().eta(0).build()).hasMessageContaining("eta must be in (0, inf)");
        assertThatThrownBy(() -> quartic().eta(Double.NaN).build()).hasMessageStartingWith("eta ");
        assertThatThrownBy(() -> quartic().clip(0).build()).hasMessageContaining("clip must be in (0, inf]");
        assertThatThrownBy(() -> quartic().clip(-1).build()).hasMessageStartingWith("clip ");
        assertThatThrownBy(() -> ClippedSgd.builder().objective(Iclr1d.of()).noise(StandInNoise.constant(0)).eta(0.1)
                .x0(2.0).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x0 must lie inside");
        assertThatThrownBy(() -> ClippedSgd.builder().objective(Himmelblau2d.of()).noise(StandInNoise.constant(0)).eta(0.1)
                .build()).hasMessageContaining("vector noise");
    }

    @Test
    void noiselessStepIsGradientDescent() {
        ClippedSgd sgd = quartic().build();
        double x = 1.0;
        double g = 0.4 - 2;
        assertThat(sgd.step(x, Streams.forReplication(1, 0))).isCloseTo(x - 0.01 * g, within(1e-15));
        // from 1.0 the gradient flow goes to sqrt(5)
        assertThat(sgd.run(1.0, 20_000, Streams.forReplication(1, 0))).isCloseTo(Math.sqrt(5), within(1e-9));
    }

    @Test
    void truncationClampsTheWholeUpdateAndProjectionHoldsTheBounds() {
        // constant noise Z = 100: update = -eta f' + eta 100 = big; clipped to b
        ClippedSgd clipped = ClippedSgd.builder().objective(Iclr1d.of()).noise(StandInNoise.constant(100))
                .eta(0.01).clip(0.3).x0(0.0).build();
        UniformRandomProvider rng = Streams.forReplication(1, 0);
        assertThat(clipped.step(0.0, rng)).isEqualTo(0.3);
        assertThat(clipped.step(1.5, rng)).isEqualTo(1.6); // projection onto [-1.6, 1.6]
        ClippedSgd noProj = ClippedSgd.builder().objective(Iclr1d.of()).noise(StandInNoise.constant(100))
                .eta(0.01).clip(0.3).project(false).x0(0.0).build();
        assertThat(noProj.step(1.5, rng)).isEqualTo(1.8);
        // gradient-only: the gradient step is clipped, the noise is not
        ClippedSgd gOnly = ClippedSgd.builder().objective(LdQuartic.of()).noise(StandInNoise.constant(100))
                .eta(0.01).clip(0.3).clipping(Clipping.GRADIENT_ONLY).x0(0.0).build();
        double x = 10; // f'(10) = 380, -eta f' = -3.8 -> -0.3; noise +1
        assertThat(gOnly.step(x, rng)).isCloseTo(10 - 0.3 + 1.0, within(1e-12));
        ClippedSgd none = ClippedSgd.builder().objective(LdQuartic.of()).noise(StandInNoise.constant(100))
                .eta(0.01).clip(0.3).clipping(Clipping.NONE).x0(0.0).build();
        assertThat(none.b()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(none.step(x, rng)).isCloseTo(10 - 3.8 + 1.0, within(1e-12));
    }

    @Test
    void stateDependentSigma() {
        ClippedSgd sgd = ClippedSgd.builder().objective(Landscapes.of("expr:0*x", null)).noise(StandInNoise.constant(1))
                .eta(0.1).sigma(Sigma.of(x -> 1 + x * x)).x0(2.0).build();
        assertThat(sgd.step(2.0, Streams.forReplication(1, 0))).isCloseTo(2.0 + 0.1 * 5, within(1e-15));
    }

    @Test
    void divergenceNamesTheStepAndState() {
        ClippedSgd sgd = ClippedSgd.builder().objective(Landscapes.of("expr:log(x)", null)).noise(StandInNoise.constant(-1))
                .eta(1).x0(0.5).build();
        assertThatThrownBy(() -> sgd.run(0.5, 10, Streams.forReplication(1, 0)))
                .isInstanceOf(DivergenceException.class).hasMessageContaining("at step 2").hasMessageContaining("state x =");
    }

    @Test
    void twoDimensionalPathClipsTheL2NormAndProjectsOnTheBall() {
        ClippedSgd small = ClippedSgd.builder().objective(Himmelblau2d.of()).noise(constant(500)).eta(0.001).clip(2.15)
                .x0(1.2, 2.6).build();
        double[] x = {1.2, 2.6};
        small.step(x, small.newWorkspace(), Streams.forReplication(1, 0));
        // update = (0.5, 0.5) at a minimiser (zero gradient), norm 0.71 < 2.15: not clipped
        assertThat(x).containsExactly(new double[] {1.7, 3.1}, within(1e-12));
        ClippedSgd big = ClippedSgd.builder().objective(Himmelblau2d.of()).noise(constant(5000)).eta(0.001).clip(2.15)
                .project(false).x0(1.2, 2.6).build();
        x = new double[] {1.2, 2.6};
        big.step(x, big.newWorkspace(), Streams.forReplication(1, 0));
        // update (5, 5) clipped to L2 norm 2.15 along its direction
        double c = 2.15 / Math.sqrt(2);
        assertThat(x).containsExactly(new double[] {1.2 + c, 2.6 + c}, within(1e-12));
        ClippedSgd projected = ClippedSgd.builder().objective(Himmelblau2d.of()).noise(constant(5000)).eta(0.001)
                .clip(2.15).x0(1.2, 2.6).build();
        x = new double[] {1.2, 2.6};
        projected.step(x, projected.newWorkspace(), Streams.forReplication(1, 0));
        // (2.72, 4.12) lies outside the ball of radius 4.2: projected radially onto it
        assertThat(Math.hypot(x[0], x[1])).isCloseTo(4.2, within(1e-12));
        assertThat(x[1] / x[0]).isCloseTo((2.6 + c) / (1.2 + c), within(1e-12));
    }

    @Test
    void coordinateAndGradientOnlyClippingInTwoDimensions() {
        // at a minimiser the gradient is 0: the update is the noise eta*(5000, 5000) = (5, 5)
        ClippedSgd coord = ClippedSgd.builder().objective(Himmelblau2d.of()).noise(constant(5000)).eta(0.001).clip(0.5)
                .clipping(Clipping.COORDINATE).project(false).x0(1.2, 2.6).build();
        double[] x = {1.2, 2.6};
        coord.step(x, coord.newWorkspace(), Streams.forReplication(1, 0));
        assertThat(x).containsExactly(new double[] {1.7, 3.1}, within(1e-12));
        // gradient-only: the noise passes untruncated
        ClippedSgd gOnly = ClippedSgd.builder().objective(Himmelblau2d.of()).noise(constant(500)).eta(0.001).clip(0.01)
                .clipping(Clipping.GRADIENT_ONLY).project(false).x0(1.2, 2.6).build();
        x = new double[] {1.2, 2.6};
        gOnly.step(x, gOnly.newWorkspace(), Streams.forReplication(1, 0));
        assertThat(x).containsExactly(new double[] {1.7, 3.1}, within(1e-12));
        // away from the minimiser the gradient step is truncated to L2 norm 0.01, the noise is not
        x = new double[] {4.0, 0.5};
        double[] g = new double[2];
        Himmelblau2d.of().gradient(x, g);
        double n = Math.hypot(g[0], g[1]) * 0.001;
        assertThat(n).isGreaterThan(0.01);
        double[] expected = {4.0 - 0.01 * g[0] * 0.001 / n + 0.5, 0.5 - 0.01 * g[1] * 0.001 / n + 0.5};
        gOnly.step(x, gOnly.newWorkspace(), Streams.forReplication(1, 0));
        assertThat(x).containsExactly(expected, within(1e-12));
    }
}
