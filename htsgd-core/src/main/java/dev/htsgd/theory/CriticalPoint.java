package dev.htsgd.theory;

/**
 * One critical point of a 1-D landscape f: a zero of f' (or an attracting end of a projected domain).
 *
 * <p>Minima are the m_i of the paper notes (section 3), maxima the s_i separating the attraction fields.
 * A point where f' vanishes without changing sign is a {@link Kind#STATIONARY_INFLECTION}: it is reported,
 * but the 1-D theory cannot use a landscape that has one inside an attraction field.
 *
 * @param x          location
 * @param value      f(x)
 * @param kind       minimum, maximum or stationary inflection
 * @param degenerate true when f''(x) vanishes (within the finder's tolerance): a flat-bottomed minimum or
 *                   flat-topped maximum; the theory still applies but convergence is slower
 * @param atBoundary true for a minimum at an end of a projected domain where the flow -f' points outward
 *                   (the projection keeps the iterate there)
 */
public record CriticalPoint(double x, double value, Kind kind, boolean degenerate, boolean atBoundary) {

    /** What sort of critical point. */
    public enum Kind {
        MINIMUM, MAXIMUM, STATIONARY_INFLECTION
    }

    public CriticalPoint {
        if (!Double.isFinite(x) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("critical point must be finite, got x = " + x + ", f = " + value);
        }
    }

    public boolean isMinimum() {
        return kind == Kind.MINIMUM;
    }

    public boolean isMaximum() {
        return kind == Kind.MAXIMUM;
    }
}
