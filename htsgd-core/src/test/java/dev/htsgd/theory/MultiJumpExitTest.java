package dev.htsgd.theory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.IsotropicNoise;
import dev.htsgd.noise.Noises;
import dev.htsgd.noise.VectorNoise;
import dev.htsgd.sim.Streams;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The two-jump Monte Carlo exit law of {@link ExitMeasureRd} against the first exits of the recursion itself at a
 * small eta (issue 14, must show). Landscape f = K (u(x) + v(y)), u'(x) = x (x + 1)(x - 1.5),
 * v'(y) = y (y + 1.2)(y - 1), K = 40, on the box [-2.5, 2.5]^2: the home field {x &lt; 0, y &lt; 0} of
 * m = (-1, -1.2) has r = 1 (towards x = 0) and 1.2 towards y = 0, so at b = 0.8 both exits need J = 2 jumps and
 * the diagonal needs 3. Isotropic Pareto noise, alpha = 1.5, scale 6.3, eta = 1e-3: lambda(eta) = 0.5 against a
 * curvature of about 100 (lambda / (eta-free relaxation rate) ~ 0.005, small enough that three-jump exits are
 * rare; eta times the curvature is 0.1).
 */
class MultiJumpExitTest {

    static final double K = 40;

    static Objective landscape() {
        Domain box = Domain.box(new double[] {-2.5, -2.5}, new double[] {2.5, 2.5});
        return new Objective() {
            @Override
            public void gradient(double[] p, double[] g) {
                g[0] = K * p[0] * (p[0] + 1) * (p[0] - 1.5);
                g[1] = K * p[1] * (p[1] + 1.2) * (p[1] - 1);
            }

            @Override
            public double value(double[] p) {
                double u = p[0] * p[0] * (p[0] * p[0] / 4 - p[0] / 6 - 0.75);
                double v = p[1] * p[1] * (p[1] * p[1] / 4 + 0.2 * p[1] / 3 - 0.6);
                return K * (u + v);
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public Domain domain() {
                return box;
            }

            @Override
            public String name() {
                return "separable-steep";
            }
        };
    }

    @Test
    void twoJumpExitLawMatchesTheRecursion() {
        Objective f = landscape();
        VectorNoise z = IsotropicNoise.of(Noises.of("pareto", 1.5, 6.3, 1), 2);
        double b = 0.8;
        double eta = 1e-3;
        FlowFields fields = FlowFields.of(f);
        int home = 0; // (-1, -1.2), sorted first
        assertThat(fields.minima()[home][0]).isCloseTo(-1, org.assertj.core.api.Assertions.within(1e-6));
        ExitMeasureRd m = ExitMeasureRd.of(fields, z.levyMeasure(), b);
        assertThat(m.jumps(home)).isEqualTo(2);
        ExitMeasure.Estimate[] row = m.monteCarlo(home, 8000, Streams.forReplication(3, 0));
        int up = 1;    // (-1, 1): across y = 0, distance 1.2
        int right = 2; // (1.5, -1.2): across x = 0, distance 1
        double qu = row[up].value();
        double qr = row[right].value();
        assertThat(row[3].value()).isZero(); // the diagonal needs three jumps
        double p = qr / (qu + qr);
        // delta method: dp = (qu dqr - qr dqu) / (qu + qr)^2 with independent errors (one sample set: conservative)
        double seP = Math.sqrt(Math.pow(qu * row[right].error(), 2) + Math.pow(qr * row[up].error(), 2)) / Math.pow(qu + qr, 2);

        ClippedSgd sgd = ClippedSgd.builder().objective(f).noise(z).eta(eta).clip(b).project(true).x0(fields.minima()[home]).build();
        ClippedSgd.Workspace ws = sgd.newWorkspace();
        UniformRandomProvider rng = Streams.forReplication(Streams.key(5, "multi-jump-exit-test", 0), 0);
        int exits = 150;
        int right0 = 0;
        double[] x = new double[2];
        for (int e = 0; e < exits; e++) {
            x[0] = -1;
            x[1] = -1.2;
            while (x[0] < 0 && x[1] < 0) {
                sgd.step(x, ws, rng);
            }
            if (x[0] >= 0 && x[1] < 0) {
                right0++;
            }
        }
        double pSim = (double) right0 / exits;
        double seSim = Math.sqrt(p * (1 - p) / exits);
        // frequencies within 2 combined standard errors (the simulated binomial and the Monte Carlo law's)
        double tol = 2 * Math.hypot(seSim, seP);
        assertThat(pSim).as("simulated P(exit across x = 0) = %s vs Monte Carlo %s +- %s", pSim, p, seP)
                .isCloseTo(p, org.assertj.core.api.Assertions.within(tol));
    }
}
