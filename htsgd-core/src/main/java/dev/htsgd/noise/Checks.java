package dev.htsgd.noise;

/** Eager parameter validation with messages naming the parameter and the allowed range. */
final class Checks {

    private Checks() {
    }

    static double alpha(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be in (0, inf), got " + alpha);
        }
        return alpha;
    }

    static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be in (0, inf), got " + v);
        }
        return v;
    }

    static double pPlus(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("pPlus must be in [0, 1], got " + p);
        }
        return p;
    }

    static String fmt(double v) {
        return Double.toString(v);
    }
}
