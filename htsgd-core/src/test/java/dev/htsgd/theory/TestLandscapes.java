package dev.htsgd.theory;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import java.util.function.DoubleUnaryOperator;

/** Test-local landscapes with exactly known critical points (stand-ins until the engine's built-ins land). */
final class TestLandscapes {

    private TestLandscapes() {
    }

    /** f' = c prod (x - roots[k]); f is the exact antiderivative with f(0) = 0. */
    static Objective1D polynomial(String name, Domain domain, double c, double... roots) {
        // expand c prod (x - r) into coefficients a[0] + a[1] x + ...
        double[] a = {c};
        for (double r : roots) {
            double[] nxt = new double[a.length + 1];
            for (int k = 0; k < a.length; k++) {
                nxt[k + 1] += a[k];
                nxt[k] -= r * a[k];
            }
            a = nxt;
        }
        double[] d = a;
        double[] v = new double[d.length + 1];
        for (int k = 0; k < d.length; k++) {
            v[k + 1] = d[k] / (k + 1);
        }
        return of(name, domain, x -> horner(v, x), x -> horner(d, x));
    }

    static double horner(double[] a, double x) {
        double s = 0;
        for (int k = a.length - 1; k >= 0; k--) {
            s = s * x + a[k];
        }
        return s;
    }

    /**
     * The ICLR Fig. 2 shape: three minima with s_2 - m_2 = 0.9 and m_2 - s_1 = 0.6 (and r_1 = r_3 = 0.6):
     * m = -1.2, 0, 1.5, s = -0.6, 0.9. b = 0.5 gives an irreducible G_b; b = 0.4 gives {m_1, m_2} absorbing
     * and {m_3} transient.
     */
    static Objective1D fig2() {
        return polynomial("fig2", Domain.unbounded(), 1.0, -1.2, -0.6, 0.0, 0.9, 1.5);
    }

    static Objective1D of(String name, Domain domain, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        return new Objective1D() {
            @Override
            public double value(double x) {
                return f.applyAsDouble(x);
            }

            @Override
            public double derivative(double x) {
                return df.applyAsDouble(x);
            }

            @Override
            public Domain domain() {
                return domain;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** The ICLR A.1 test function on [-1.6, 1.6], derivative by the product rule. */
    static Objective1D iclr1d() {
        return of("iclr1d", Domain.interval(-1.6, 1.6), TestLandscapes::iclrValue, TestLandscapes::iclrDerivative);
    }

    static double iclrValue(double x) {
        double[] g = new double[9];
        double[] dg = new double[9];
        iclrFactors(x, g, dg);
        double p = 1;
        for (double v : g) {
            p *= v;
        }
        return p;
    }

    static double iclrDerivative(double x) {
        double[] g = new double[9];
        double[] dg = new double[9];
        iclrFactors(x, g, dg);
        double s = 0;
        for (int k = 0; k < 9; k++) {
            double p = dg[k];
            for (int j = 0; j < 9; j++) {
                if (j != k) {
                    p *= g[j];
                }
            }
            s += p;
        }
        return s;
    }

    private static void iclrFactors(double x, double[] g, double[] dg) {
        g[0] = x + 1.6;
        dg[0] = 1;
        g[1] = (x + 1.3) * (x + 1.3);
        dg[1] = 2 * (x + 1.3);
        g[2] = (x - 0.2) * (x - 0.2);
        dg[2] = 2 * (x - 0.2);
        g[3] = (x - 0.7) * (x - 0.7);
        dg[3] = 2 * (x - 0.7);
        g[4] = x - 1.6;
        dg[4] = 1;
        double u = 0.05 * Math.abs(1.65 - x);
        g[5] = Math.pow(u, 0.6);
        dg[5] = -0.6 * 0.05 * Math.signum(1.65 - x) * Math.pow(u, -0.4);
        double q7 = 0.01 + 4 * (x - 0.5) * (x - 0.5);
        g[6] = 1 + 1 / q7;
        dg[6] = -8 * (x - 0.5) / (q7 * q7);
        double q8 = 0.1 + 4 * (x + 1.5) * (x + 1.5);
        g[7] = 1 + 1 / q8;
        dg[7] = -8 * (x + 1.5) / (q8 * q8);
        double e = Math.exp(-5 * (x + 0.8) * (x + 0.8));
        g[8] = 1 - e / 4;
        dg[8] = 2.5 * (x + 0.8) * e;
    }
}
