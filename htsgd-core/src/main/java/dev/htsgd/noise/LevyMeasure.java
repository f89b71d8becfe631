package dev.htsgd.noise;

/**
 * The limiting Levy measure nu_alpha of a heavy-tailed noise (paper notes, section 1):
 * nu_alpha[x, inf) = p+ x^-alpha and nu_alpha(-inf, -x] = p- x^-alpha for x &gt; 0.
 *
 * @param alpha tail index, in (0, inf)
 * @param pPlus weight of the positive tail p+, in [0, 1]
 */
public record LevyMeasure(double alpha, double pPlus) {

    public LevyMeasure {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be in (0, inf), got " + alpha);
        }
        if (!(pPlus >= 0 && pPlus <= 1)) {
            throw new IllegalArgumentException("pPlus must be in [0, 1], got " + pPlus);
        }
    }

    public static LevyMeasure of(double alpha, double pPlus) {
        return new LevyMeasure(alpha, pPlus);
    }

    public double pMinus() {
        return 1.0 - pPlus;
    }

    /** nu[x, inf) for x &gt; 0. */
    public double upperTail(double x) {
        return x <= 0 ? Double.POSITIVE_INFINITY : pPlus * Math.pow(x, -alpha);
    }

    /** nu(-inf, -x] for x &gt; 0. */
    public double lowerTail(double x) {
        return x <= 0 ? Double.POSITIVE_INFINITY : pMinus() * Math.pow(x, -alpha);
    }

    /** Density of nu at w != 0. */
    public double density(double w) {
        if (w > 0) {
            return alpha * pPlus * Math.pow(w, -alpha - 1);
        }
        if (w < 0) {
            return alpha * pMinus() * Math.pow(-w, -alpha - 1);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * nu of the interval (lo, hi); infinite when the interval reaches 0. Endpoints may be infinite.
     */
    public double mass(double lo, double hi) {
        if (!(lo < hi)) {
            return 0.0;
        }
        if (lo >= 0) {
            return (lo == 0 ? Double.POSITIVE_INFINITY : upperTail(lo))
                    - (Double.isInfinite(hi) ? 0.0 : upperTail(hi));
        }
        if (hi <= 0) {
            return (hi == 0 ? Double.POSITIVE_INFINITY : lowerTail(-hi))
                    - (Double.isInfinite(lo) ? 0.0 : lowerTail(-lo));
        }
        return Double.POSITIVE_INFINITY;
    }
}
