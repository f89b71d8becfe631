package dev.htsgd.noise;

import dev.htsgd.check.Require;
import dev.htsgd.numerics.GaussKronrod;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.StableSampler;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Symmetric alpha-stable noise Z = s S, E exp(i t Z) = exp(-|s t|^alpha), alpha in (0, 2].
 *
 * <p><b>Parametrisation.</b> This is Nolan's S(alpha, beta = 0, gamma = s, delta = 0; 0), the
 * parametrisation of Commons RNG {@link StableSampler} (with beta = 0 Nolan's S0 and S1 coincide, and so
 * do Zolotarev's forms). alpha = 1 is Cauchy with scale s; alpha = 2 is Gaussian N(0, 2 s^2) (standard
 * deviation sqrt(2) s, not s). For alpha &lt; 2, P(Z &gt; x) ~ Gamma(alpha) sin(pi alpha / 2) / pi (x/s)^-alpha,
 * p+ = 1/2, and {@link #alpha()} is the stability index; for alpha = 2 the law is light-tailed and
 * {@link #alpha()} is +infinity ({@link #stabilityIndex()} still returns 2).
 *
 * <p><b>Sampling.</b> {@link #sample} is the Chambers-Mallows-Stuck formula for beta = 0,
 * S = sin(alpha phi) / cos(phi)^(1/alpha) (cos((1 - alpha) phi) / E)^((1 - alpha)/alpha) with phi uniform on
 * (-pi/2, pi/2) and E standard exponential: the algorithm of Commons RNG's beta = 0 sampler, written here
 * against the caller's generator so that a draw allocates nothing. {@link #sampler} returns the Commons RNG
 * {@link StableSampler} of the same law bound to a generator (both are checked against the exact CDF).
 *
 * <p><b>CDF.</b> Nolan's (1997) integral formula for beta = 0, alpha != 1: with p = alpha/(alpha-1),
 * phi = pi/2 - theta and V(phi) = (sin phi / sin(alpha(pi/2 - phi)))^p cos((alpha-1)(pi/2-phi)) / sin phi,
 * P(S &gt; x) = (1/pi) int_0^{pi/2} exp(-x^p V(phi)) dphi for alpha &gt; 1 and
 * (1/pi) int_0^{pi/2} (1 - exp(-x^p V(phi))) dphi for alpha &lt; 1 (x &gt; 0). The integrand is monotone in phi;
 * the interval is split where x^p V = 1e-6, 1e-3, 0.1, 1, 10, 100 (located by bisection in log phi, so the
 * narrow peak of the far tail is resolved) and each piece is integrated by adaptive Gauss-Legendre to a
 * relative 1e-12. alpha = 1 and alpha = 2 use the closed forms. Checked in the tests against the
 * characteristic-function inversion (Gil-Pelaez) and the tail asymptotics.
 */
public final class StableNoise implements SymmetricNoise {

    private static final double[] SPLITS = {1e-6, 1e-3, 0.1, 1, 10, 100, 745};
    private static final double HALF_PI = Math.PI / 2;
    private static final NormalDistribution GAUSSIAN_ALPHA_2 = NormalDistribution.of(0, Math.sqrt(2));

    private final double alpha;
    private final double scale;

    private StableNoise(double alpha, double scale) {
        this.alpha = alpha;
        this.scale = scale;
    }

    /**
     * @param alpha stability index, in (0, 2]
     * @param scale s (Nolan's gamma), in (0, inf)
     */
    public static StableNoise of(double alpha, double scale) {
        if (!(alpha > 0 && alpha <= 2)) {
            throw new IllegalArgumentException("alpha must be in (0, 2] for stable noise, got " + alpha);
        }
        Require.positive("scale", scale);
        return new StableNoise(alpha, scale);
    }

    /** The stability index alpha in (0, 2] (equal to {@link #alpha()} except at 2). */
    public double stabilityIndex() {
        return alpha;
    }

    public double scale() {
        return scale;
    }

    /** The Commons RNG sampler of this law bound to {@code rng}. */
    public StableSampler sampler(UniformRandomProvider rng) {
        return StableSampler.of(rng, alpha, 0.0, scale, 0.0);
    }

    @Override
    public double sample(UniformRandomProvider rng) {
        double phi = Math.PI * (Draws.open(rng) - 0.5);
        double e = -Math.log(Draws.openZeroClosedOne(rng.nextLong()));
        if (alpha == 1) {
            return scale * Math.tan(phi);
        }
        double s = Math.sin(alpha * phi) / Math.pow(Math.cos(phi), 1 / alpha)
                * Math.pow(Math.cos((1 - alpha) * phi) / e, (1 - alpha) / alpha);
        return scale * s;
    }

    /** log V(phi) of Nolan's formula, phi = pi/2 - theta in (0, pi/2). */
    private double logV(double phi) {
        double p = alpha / (alpha - 1);
        double logSin = Math.log(Math.sin(phi));
        return p * (logSin - Math.log(Math.sin(alpha * (HALF_PI - phi))))
                + Math.log(Math.cos((alpha - 1) * (HALF_PI - phi))) - logSin;
    }

    /** x^p V(phi), computed in logs. */
    private double exponent(double logX, double phi) {
        return Math.exp(alpha / (alpha - 1) * logX + logV(phi));
    }

    private double integrand(double logX, double phi) {
        double e = exponent(logX, phi);
        return alpha > 1 ? Math.exp(-e) : -Math.expm1(-e);
    }

    /** phi in (0, pi/2) where x^p V(phi) = c (monotone in phi), by bisection in log phi. */
    private double solve(double logX, double c) {
        boolean increasing = alpha > 1;
        double lo = Math.log(1e-300);
        double hi = Math.log(HALF_PI);
        for (int i = 0; i < 100 && hi - lo > 1e-6; i++) { // split points need not be exact
            double mid = 0.5 * (lo + hi);
            double e = exponent(logX, Math.exp(mid));
            if ((e < c) == increasing) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.exp(0.5 * (lo + hi));
    }

    /** P(S &gt; x) for the standard law (s = 1), x &gt; 0. */
    double standardSurvival(double x) {
        if (x <= 0) {
            return x == 0 ? 0.5 : 1 - standardSurvival(-x);
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        if (alpha == 2) {
            return GAUSSIAN_ALPHA_2.survivalProbability(x);
        }
        if (alpha == 1) {
            return Math.atan(1 / x) / Math.PI;
        }
        double logX = Math.log(x);
        double[] points = new double[SPLITS.length + 2];
        points[0] = 0;
        for (int i = 0; i < SPLITS.length; i++) {
            points[i + 1] = solve(logX, SPLITS[i]);
        }
        points[points.length - 1] = HALF_PI;
        java.util.Arrays.sort(points);
        double sum = 0;
        for (int i = 0; i + 1 < points.length; i++) {
            sum += GaussKronrod.integrate(phi -> integrand(logX, phi), points[i], points[i + 1]);
        }
        return Math.min(0.5, Math.max(0.0, sum / Math.PI));
    }

    @Override
    public double survival(double x) {
        return standardSurvival(x / scale);
    }

    @Override
    public double alpha() {
        return alpha == 2 ? Double.POSITIVE_INFINITY : alpha;
    }

    /**
     * The constant C_alpha of the tail, P(Z &gt; x) ~ C_alpha (x/s)^-alpha: Gamma(alpha) sin(pi alpha/2) / pi.
     */
    public double tailConstant() {
        return Gamma.gamma(alpha) * Math.sin(Math.PI * alpha / 2) / Math.PI;
    }

    @Override
    public String name() {
        return "stable";
    }

    @Override
    public String describe() {
        return "stable: symmetric S(alpha, 0, s, 0; 0) (E exp(itZ) = exp(-|s t|^alpha)), alpha=" + alpha + ", s=" + scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StableNoise s && s.alpha == alpha && s.scale == scale;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha) * 31 + Double.hashCode(scale);
    }

    @Override
    public String toString() {
        return "StableNoise[alpha=" + alpha + ", scale=" + scale + "]";
    }
}
