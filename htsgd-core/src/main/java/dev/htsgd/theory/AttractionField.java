package dev.htsgd.theory;

/**
 * The attraction field I_i = (s_{i-1}, s_i) of the minimum m_i of a 1-D landscape (paper notes, section 3).
 * An end that is a projection bound belongs to the field (the projection puts the iterate on it) and is not
 * an exit: the field cannot be left through it. An end at +-infinity is not an exit either.
 *
 * @param index        0-based index i of the minimum
 * @param minimum      m_i
 * @param left         s_{i-1} (a maximum, a projection bound, or -infinity)
 * @param right        s_i (a maximum, a projection bound, or +infinity)
 * @param leftIsExit   true when {@code left} is a maximum (the field can be left through it)
 * @param rightIsExit  true when {@code right} is a maximum
 */
public record AttractionField(int index, double minimum, double left, double right,
                              boolean leftIsExit, boolean rightIsExit) {

    public AttractionField {
        if (!(left <= minimum && minimum <= right) || !(left < right)) {
            throw new IllegalArgumentException("attraction field must satisfy s_{i-1} <= m_i <= s_i, got ("
                    + left + ", " + minimum + ", " + right + ")");
        }
    }

    /**
     * Radius r_i: the distance from m_i to the nearest exit end, min(m_i - s_{i-1}, s_i - m_i) over the ends
     * that are maxima; +infinity when the field has no exit.
     */
    public double radius() {
        double r = Double.POSITIVE_INFINITY;
        if (leftIsExit) {
            r = Math.min(r, minimum - left);
        }
        if (rightIsExit) {
            r = Math.min(r, right - minimum);
        }
        return r;
    }

    /** True when x lies in the field (ends that are projection bounds included, maxima excluded). */
    public boolean contains(double x) {
        boolean inLeft = leftIsExit ? x > left : x >= left;
        boolean inRight = rightIsExit ? x < right : x <= right;
        return inLeft && inRight;
    }

    /** dist(x, I_i): 0 inside the field, otherwise the distance to its nearer end. */
    public double distanceFrom(double x) {
        if (x < left) {
            return left - x;
        }
        if (x > right) {
            return x - right;
        }
        return 0.0;
    }
}
