package dev.htsgd.dl.sharpness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.junit.jupiter.api.Test;

/** Curvature estimators against the closed forms of a quadratic L = theta' A theta / 2 with A = Q diag(lambda) Q'. */
class QuadraticCurvatureTest {

    /** A = Q diag(lambda) Q' with a random orthogonal Q. */
    static DMatrixRMaj withEigenvalues(double[] lambda, long seed) {
        int d = lambda.length;
        SplittableRandom r = new SplittableRandom(seed);
        DMatrixRMaj g = new DMatrixRMaj(d, d);
        for (int i = 0; i < d * d; i++) {
            g.data[i] = r.nextGaussian();
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(d, d);
        qr.decompose(g);
        DMatrixRMaj q = qr.getQ(null, false);
        DMatrixRMaj ql = q.copy();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                ql.set(i, j, q.get(i, j) * lambda[j]);
            }
        }
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        CommonOps_DDRM.multTransB(ql, q, a);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.5 * (a.get(i, j) + a.get(j, i));
                a.set(i, j, s);
                a.set(j, i, s);
            }
        }
        return a;
    }

    static double[] spectrum(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            lambda[i] = -2 + 12 * r.nextDouble();
        }
        return lambda;
    }

    static double[] sortedDescending(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return s;
    }

    @Test
    void topEigenvaluesMatchTheClosedFormToTheTolerance() {
        double[] lambda = spectrum(80, 1);
        QuadraticLoss f = QuadraticLoss.of(withEigenvalues(lambda, 2), new double[80]);
        HessianOperator h = HessianOperator.of(f, new double[80], HvpMethod.EXACT);
        var top = HessianSpectrum.top(h, 5, HessianSpectrum.Options.defaults(3));
        double[] exact = sortedDescending(lambda);
        assertThat(top.converged()).isTrue();
        for (int i = 0; i < 5; i++) {
            // guaranteed: |theta_i - lambda| <= residual <= 1e-4 |theta_1|; the issue asks for 1e-3 relative
            assertThat(top.values()[i]).isCloseTo(exact[i], within(1e-3 * Math.abs(exact[i])));
            assertThat(top.residuals()[i]).isLessThanOrEqualTo(1e-4 * Math.abs(top.values()[0]));
        }
    }

    @Test
    void exhaustingTheSpaceGivesEveryEigenvalueIncludingRepeatedOnes() {
        double[] lambda = spectrum(12, 4);
        lambda[0] = 20;
        lambda[1] = 20;
        QuadraticLoss f = QuadraticLoss.of(withEigenvalues(lambda, 5), new double[12]);
        // a tolerance no Ritz value can meet before the Krylov space breaks down: Lanczos restarts and finds the copy
        var top = HessianSpectrum.top(HessianOperator.of(f, new double[12], HvpMethod.EXACT), 12,
                new HessianSpectrum.Options(100, 1e-300, 6));
        double[] exact = sortedDescending(lambda);
        for (int i = 0; i < 12; i++) {
            assertThat(top.values()[i]).isCloseTo(exact[i], within(1e-9));
        }
    }

    @Test
    void aNonFiniteProductIsNamedInsteadOfFailingInTheEigenSolver() {
        double[] lambda = spectrum(30, 8);
        HessianOperator good = HessianOperator.of(withEigenvalues(lambda, 9));
        int[] calls = {0};
        HessianOperator broken = new HessianOperator() {
            @Override
            public int dimension() {
                return 30;
            }

            @Override
            public void apply(double[] v, double[] out) {
                good.apply(v, out);
                if (++calls[0] == 4) {
                    out[17] = Double.NaN;
                }
            }
        };
        assertThatThrownBy(() -> HessianSpectrum.top(broken, 1, HessianSpectrum.Options.defaults(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Lanczos step 4: the Hessian-vector product has a non-finite value (NaN) at index 17");
        calls[0] = 0;
        assertThatThrownBy(() -> HessianSpectrum.density(broken, 1, 10, 1))
                .hasMessageContaining("non-finite value (NaN)");
    }

    @Test
    void exactTraceAndHutchinsonIntervalCoverTheTrace() {
        double[] lambda = spectrum(60, 7);
        double trace = Arrays.stream(lambda).sum();
        DMatrixRMaj a = withEigenvalues(lambda, 8);
        HessianOperator h = HessianOperator.of(a);
        assertThat(HessianTrace.exact(h).trace()).isCloseTo(trace, within(1e-9 * Math.abs(trace)));
        var est = HessianTrace.hutchinson(h, 400, 0.999, 9);
        // Rademacher variance: 2 (|A|_F^2 - sum A_ii^2); the standard error must match it to ~10% (400 samples)
        double fro = 0;
        double diag = 0;
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                fro += a.get(i, j) * a.get(i, j);
            }
            diag += a.get(i, i) * a.get(i, i);
        }
        double se = Math.sqrt(2 * (fro - diag) / 400);
        assertThat(est.standardError()).isCloseTo(se, within(0.15 * se));
        assertThat(trace).isBetween(est.ciLow(), est.ciHigh());
        // for a diagonal matrix z' A z = tr A for every Rademacher z: exact to rounding
        DMatrixRMaj diagonal = CommonOps_DDRM.diag(lambda);
        var exactDiag = HessianTrace.hutchinson(HessianOperator.of(diagonal), 3, 0.95, 1);
        assertThat(exactDiag.trace()).isCloseTo(trace, within(1e-12 * 60 * 12));
    }

    @Test
    void densityHasMassDAndReproducesTheSpectrum() {
        int d = 50;
        double[] lambda = spectrum(d, 10);
        HessianOperator h = HessianOperator.of(withEigenvalues(lambda, 11));
        // with d steps the Gauss quadrature is exact for each vector: the SLQ trace is Hutchinson's estimate
        SpectralDensity full = HessianSpectrum.density(h, 3, d, 12);
        assertThat(full.mass()).isCloseTo(d, within(1e-9 * d));
        // integrate the smoothed density numerically over a wide grid: it integrates to d
        double sigma = 0.2;
        double[][] g = full.grid(-5, 13, 4001, sigma);
        double integral = 0;
        for (int i = 1; i < g[0].length; i++) {
            integral += 0.5 * (g[1][i] + g[1][i - 1]) * (g[0][i] - g[0][i - 1]);
        }
        assertThat(integral).isCloseTo(d, within(1e-3 * d));
        // the nodes of a converged quadrature are the eigenvalues themselves
        double[] sorted = sortedDescending(lambda);
        assertThat(full.max()).isCloseTo(sorted[0], within(1e-8));
        assertThat(full.min()).isCloseTo(sorted[d - 1], within(1e-8));
        // a short quadrature still has mass d and its extreme nodes inside the spectrum
        SpectralDensity shortRun = HessianSpectrum.density(h, 5, 15, 13);
        assertThat(shortRun.mass()).isCloseTo(d, within(1e-9 * d));
        assertThat(shortRun.max()).isLessThanOrEqualTo(sorted[0] + 1e-9);
        assertThat(shortRun.min()).isGreaterThanOrEqualTo(sorted[d - 1] - 1e-9);
    }

    @Test
    void expectedSharpnessAtAConvexMinimumIsHalfDeltaSquaredTrace() {
        int d = 40;
        double[] lambda = new double[d];
        SplittableRandom r = new SplittableRandom(14);
        for (int i = 0; i < d; i++) {
            lambda[i] = 100 * r.nextDouble();
        }
        QuadraticLoss f = QuadraticLoss.of(withEigenvalues(lambda, 15), new double[d]);
        var res = ExpectedSharpness.paper(16).estimate(f, new double[d]);
        // L(v) - L(0) = v'Av/2 >= 0, so E|.| = delta^2 tr(A) / 2 exactly; allow 4 standard errors
        double expected = 0.5 * 1e-4 * Arrays.stream(lambda).sum();
        assertThat(res.value()).isCloseTo(expected, within(4 * res.standardError()));
        assertThat(res.meanChange()).isCloseTo(res.value(), within(1e-15));
        assertThat(res.draws()).isEqualTo(100);
        assertThat(ExpectedSharpness.paper(16).estimate(f, new double[d])).isEqualTo(res);
    }

    @Test
    void worstCaseSharpnessReachesTheClosedFormMaxima() {
        int d = 20;
        double[] lambda = spectrum(d, 17);
        for (int i = 0; i < d; i++) {
            lambda[i] = Math.abs(lambda[i]) + 0.1;
        }
        lambda[3] = 30;
        double eps = 0.05;
        // ball: max of v'Av/2 on |v| <= eps is eps^2 lambda_max / 2 (projected ascent acts as a power iteration)
        QuadraticLoss f = QuadraticLoss.of(withEigenvalues(lambda, 18), new double[d]);
        var ball = new WorstCaseSharpness(WorstCaseSharpness.Region.BALL, eps, 200, 0.25, 19).estimate(f, new double[d]);
        assertThat(ball.value()).isCloseTo(0.5 * eps * eps * 30, within(1e-3 * 0.5 * eps * eps * 30));
        // box, diagonal A at theta: the maximum is at a corner, sum A_ii w_i^2 / 2 with w_i = eps (|theta_i| + 1)
        double[] theta = new double[d];
        for (int i = 0; i < d; i++) {
            theta[i] = i % 3 - 1;
        }
        QuadraticLoss diag = QuadraticLoss.of(CommonOps_DDRM.diag(lambda), new double[d]);
        double[] grad = new double[d];
        diag.valueAndGradient(theta, grad);
        double expected = 0;
        for (int i = 0; i < d; i++) {
            double w = eps * (Math.abs(theta[i]) + 1);
            expected += Math.abs(grad[i]) * w + 0.5 * lambda[i] * w * w;
        }
        var box = WorstCaseSharpness.of(WorstCaseSharpness.Region.BOX, eps, 20).estimate(diag, theta);
        assertThat(box.value()).isCloseTo(expected, within(1e-9 * expected));
        assertThat(box.relative()).isCloseTo(100 * box.value() / (1 + box.baseLoss()), within(1e-12));
    }

    @Test
    void finiteDifferenceHvpIsExactForAQuadraticToRounding() {
        double[] lambda = spectrum(10, 20);
        QuadraticLoss f = QuadraticLoss.of(withEigenvalues(lambda, 21), new double[10]);
        double[] v = new double[10];
        for (int i = 0; i < 10; i++) {
            v[i] = i - 4.5;
        }
        double[] exact = new double[10];
        double[] fd = new double[10];
        f.hessianVector(new double[10], v, exact);
        double err = FiniteDifferenceHvp.applyWithError(f, new double[10], v, fd);
        for (int i = 0; i < 10; i++) {
            assertThat(fd[i]).isCloseTo(exact[i], within(1e-8));
        }
        assertThat(err).isLessThan(1e-7);
    }

    @Test
    void badOptionsAreRejectedWithTheirNames() {
        assertThatThrownBy(() -> ExpectedSharpness.of(0, 100, 1)).hasMessageContaining("delta must be in (0, inf)");
        assertThatThrownBy(() -> ExpectedSharpness.of(0.01, 1, 1)).hasMessageContaining("draws must be >= 2");
        assertThatThrownBy(() -> new HessianSpectrum.Options(0, 1e-4, 1)).hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> WorstCaseSharpness.of(WorstCaseSharpness.Region.BALL, -1, 1)).hasMessageContaining("epsilon");
        DMatrixRMaj asym = new DMatrixRMaj(new double[][] {{1, 2}, {0, 1}});
        assertThatThrownBy(() -> QuadraticLoss.of(asym, new double[2])).hasMessageContaining("symmetric");
        HessianOperator h = HessianOperator.of(CommonOps_DDRM.identity(3));
        assertThatThrownBy(() -> HessianSpectrum.top(h, 4, HessianSpectrum.Options.defaults(1))).hasMessageContaining("k must be in [1, 3]");
    }
}
