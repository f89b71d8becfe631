package dev.htsgd.landscape;

import dev.htsgd.check.Require;
/**
 * The one-dimensional test function of ICLR (appendix A.1) and LD (eq. 2.37), paper notes section 5:
 *
 * <pre>
 * f(x) = (x+1.6)(x+1.3)^2 (x-0.2)^2 (x-0.7)^2 (x-1.6) (0.05|1.65-x|)^0.6
 *        (1 + 1/(0.01 + 4(x-0.5)^2)) (1 + 1/(0.1 + 4(x+1.5)^2)) (1 - exp(-5(x+0.8)^2)/4)
 * </pre>
 *
 * on the projection domain [-1.6, 1.6] by default. f is 0 at the maxima s_1 = -1.3, s_2 = 0.2, s_3 = 0.7
 * and negative between them; the minima computed from the formula (see {@link dev.htsgd.theory.CriticalPoints1D}) are
 * m_1 = -1.5115 (sharp, narrow), m_2 = -0.6993 (flat, wide), m_3 = 0.4962 (sharp, narrow) and
 * m_4 = 1.3221 (flat, wide). The paper lists m_2 = -0.66; the printed formula puts it at -0.70.
 *
 * <p>The derivative is analytic: with the polynomial part P(x) = (x+1.6)(x-1.6) q(x)^2,
 * q(x) = (x+1.3)(x-0.2)(x-0.7), the power factor g(x) = (0.05|1.65-x|)^0.6 (g' = 0.6 g / (x - 1.65)) and
 * the smooth part S = s_7 s_8 s_9, f' = g (P' S + 0.6 P S / (x - 1.65) + P S'). It is finite on all of
 * the real line except x = 1.65, outside the default domain.
 *
 * @param domain where the iterate lives (default [-1.6, 1.6])
 */
public record Iclr1d(Domain domain) implements Objective1D {

    /** The ICLR projection bound L = 1.6. */
    public static final double L = 1.6;

    public Iclr1d {
        Require.given("domain", domain, "must not be null");
    }

    /** The test function on its default domain [-1.6, 1.6]. */
    public static Iclr1d of() {
        return new Iclr1d(Domain.interval(-L, L));
    }

    @Override
    public double value(double x) {
        double q = (x + 1.3) * (x - 0.2) * (x - 0.7);
        double p = (x + 1.6) * (x - 1.6) * q * q;
        double g = Math.pow(0.05 * Math.abs(1.65 - x), 0.6);
        double u = x - 0.5;
        double v = x + 1.5;
        double w = x + 0.8;
        double s7 = 1 + 1 / (0.01 + 4 * u * u);
        double s8 = 1 + 1 / (0.1 + 4 * v * v);
        double s9 = 1 - Math.exp(-5 * w * w) / 4;
        return p * g * s7 * s8 * s9;
    }

    @Override
    public double derivative(double x) {
        double a = x + 1.3;
        double bq = x - 0.2;
        double c = x - 0.7;
        double q = a * bq * c;
        double dq = bq * c + a * c + a * bq;
        double e = (x + 1.6) * (x - 1.6);
        double p = e * q * q;
        double dp = 2 * x * q * q + e * 2 * q * dq;
        double g = Math.pow(0.05 * Math.abs(1.65 - x), 0.6);
        double u = x - 0.5;
        double du = 0.01 + 4 * u * u;
        double v = x + 1.5;
        double dv = 0.1 + 4 * v * v;
        double w = x + 0.8;
        double ew = Math.exp(-5 * w * w);
        double s7 = 1 + 1 / du;
        double s8 = 1 + 1 / dv;
        double s9 = 1 - ew / 4;
        double ds7 = -8 * u / (du * du);
        double ds8 = -8 * v / (dv * dv);
        double ds9 = 2.5 * w * ew;
        double s = s7 * s8 * s9;
        double ds = ds7 * s8 * s9 + s7 * ds8 * s9 + s7 * s8 * ds9;
        return g * (dp * s + 0.6 * p * s / (x - 1.65) + p * ds);
    }

    @Override
    public String name() {
        return "iclr1d";
    }
}
