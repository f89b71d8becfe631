package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.noise.NoiseModel;

/**
 * The finite-horizon occupation prediction of the limiting jump process (paper notes section 4, LD 2024 Thm 2.10):
 * the expected fraction of time the chain Y spends at each widest minimum over [0, T],
 * (1/T) int_0^T P(Y_t = j) dt, with Y started from theta_b(. | m_start) (the law in which it enters V*_b from
 * X_0's basin) and T = steps x lambda*_b(eta), the run's length in the chain's time units (X_{floor(t /
 * lambda*_b(eta))} converges to Y_t). For long runs it tends to the stationary law; for runs in which the chain
 * moves only a few times it is the fairer comparison with the simulated fractions.
 *
 * <p>The integral is exact up to rounding: int_0^T exp(Q s) ds is the upper right block of the exponential of the
 * block matrix [[Q T, I T], [0, 0]], computed by scaling and squaring with a Taylor series (the chains have a
 * handful of states, so this is cheap even for large T).
 */
public final class FiniteHorizonOccupation {

    private FiniteHorizonOccupation() {
    }

    /**
     * The prediction on all n minima of an irreducible G_b (zero off V*_b, aligned with the minima), or null when
     * G_b is reducible (each class then has its own chain) or {@code start} is no state of the chain.
     *
     * @param process the limiting process of the landscape, noise and b
     * @param noise the noise (for lambda*_b(eta))
     * @param eta the learning rate
     * @param start the minimum whose field X_0 lies in (0-based)
     * @param steps the run's length in SGD steps
     */
    public static double[] predict(JumpProcess process, NoiseModel noise, double eta, int start, long steps) {
        Require.positive("steps", steps);
        if (!process.irreducible()) {
            return null;
        }
        JumpProcess.ClassChain c = process.chain();
        int[] states = c.states();
        int k = -1;
        for (int i = 0; i < states.length; i++) {
            if (states[i] == start) {
                k = i;
            }
        }
        if (k < 0) {
            return null;
        }
        double t = steps * TimeScales.scale(noise, eta, c.jumpNumber());
        double[] occ = meanOccupation(c.theta()[k], c.generator(), t);
        int n = 0;
        for (int s : states) {
            n = Math.max(n, s + 1);
        }
        double[] all = new double[n];
        int[] w = c.widest();
        for (int i = 0; i < w.length; i++) {
            all[w[i]] = occ[i];
        }
        return all;
    }

    /**
     * (1/T) int_0^T p(t) dt for p' = p Q, p(0) = p0, i.e. p0 (1/T) int_0^T exp(Q s) ds.
     *
     * @param p0 the initial law
     * @param q a generator (rows sum to zero, or to minus a killing rate)
     * @param t the horizon T &gt; 0
     */
    public static double[] meanOccupation(double[] p0, double[][] q, double t) {
        Require.positive("t", t);
        int n = q.length;
        if (p0.length != n) {
            throw Require.fail("p0", "must have " + n + " entries, got " + p0.length);
        }
        // A = [[Q T, I T], [0, 0]]: exp(A) = [[exp(Q T), int_0^T exp(Q s) ds], [0, I]]
        int m = 2 * n;
        double[][] a = new double[m][m];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double row = t;
            for (int j = 0; j < n; j++) {
                a[i][j] = q[i][j] * t;
                row += Math.abs(a[i][j]);
            }
            a[i][n + i] = t;
            norm = Math.max(norm, row);
        }
        // scale so that ||A / 2^s|| <= 1/2; a Taylor series of 30 terms is then exact to rounding
        int s = Math.max(0, (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)));
        double f = Math.scalb(1.0, -s);
        for (double[] row : a) {
            for (int j = 0; j < m; j++) {
                row[j] *= f;
            }
        }
        double[][] e = identity(m);
        double[][] term = identity(m);
        for (int k = 1; k <= 30; k++) {
            term = times(term, a);
            for (double[] row : term) {
                for (int j = 0; j < m; j++) {
                    row[j] /= k;
                }
            }
            add(e, term);
        }
        for (int i = 0; i < s; i++) {
            e = times(e, e);
        }
        double[] occ = new double[n];
        for (int j = 0; j < n; j++) {
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += p0[i] * e[i][n + j];
            }
            occ[j] = v / t;
        }
        return occ;
    }

    private static double[][] identity(int m) {
        double[][] e = new double[m][m];
        for (int i = 0; i < m; i++) {
            e[i][i] = 1;
        }
        return e;
    }

    private static double[][] times(double[][] x, double[][] y) {
        int m = x.length;
        double[][] z = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < m; k++) {
                double v = x[i][k];
                if (v != 0) {
                    for (int j = 0; j < m; j++) {
                        z[i][j] += v * y[k][j];
                    }
                }
            }
        }
        return z;
    }

    private static void add(double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }
}
