package dev.htsgd.check;

import java.util.Collection;

/**
 * Argument checks in library words, in the style of Commons RNG's sampler checks: each takes the parameter's
 * name as the API calls it and the value, returns the value when it lies in the allowed range and otherwise
 * throws an {@link InvalidParameterException} whose message names the parameter, the range and the value,
 * {@code <parameter> must be in (0, inf), got <value>}. NaN is outside every range.
 */
public final class Require {

    private Require() {
    }

    /** {@code value} in (0, inf). */
    public static double positive(String parameter, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw outside(parameter, "(0, inf)", value);
        }
        return value;
    }

    /** {@code value} in (0, inf]: positive infinity allowed (for example a clipping threshold: no clipping). */
    public static double positiveOrInfinite(String parameter, double value) {
        if (!(value > 0)) {
            throw outside(parameter, "(0, inf]", value);
        }
        return value;
    }

    /** {@code value} in [0, inf). */
    public static double nonNegative(String parameter, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw outside(parameter, "[0, inf)", value);
        }
        return value;
    }

    /** {@code value} finite (not NaN, not infinite). */
    public static double finite(String parameter, double value) {
        if (!Double.isFinite(value)) {
            throw fail(parameter, "must be finite, got " + value);
        }
        return value;
    }

    /** {@code value} in the closed interval [lo, hi]. */
    public static double closed(String parameter, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw outside(parameter, "[" + fmt(lo) + ", " + fmt(hi) + "]", value);
        }
        return value;
    }

    /** {@code value} in the open interval (lo, hi); {@code hi} may be infinite. */
    public static double open(String parameter, double value, double lo, double hi) {
        if (!(value > lo && value < hi)) {
            throw outside(parameter, "(" + fmt(lo) + ", " + fmt(hi) + ")", value);
        }
        return value;
    }

    /** {@code value} in the half-open interval (lo, hi]. */
    public static double openClosed(String parameter, double value, double lo, double hi) {
        if (!(value > lo && value <= hi)) {
            throw outside(parameter, "(" + fmt(lo) + ", " + fmt(hi) + "]", value);
        }
        return value;
    }

    /** {@code value > 0} (a count). */
    public static long positive(String parameter, long value) {
        if (value <= 0) {
            throw fail(parameter, "must be > 0, got " + value);
        }
        return value;
    }

    /** {@code value > 0} (a count). */
    public static int positive(String parameter, int value) {
        if (value <= 0) {
            throw fail(parameter, "must be > 0, got " + value);
        }
        return value;
    }

    /** {@code value >= min}. */
    public static long atLeast(String parameter, long value, long min) {
        if (value < min) {
            throw fail(parameter, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value >= min}. */
    public static int atLeast(String parameter, int value, int min) {
        if (value < min) {
            throw fail(parameter, "must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} in [lo, hi] (an index, a count). */
    public static long closed(String parameter, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            throw fail(parameter, "must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** {@code value} in [lo, hi] (an index, a count). */
    public static int closed(String parameter, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw fail(parameter, "must be in [" + lo + ", " + hi + "], got " + value);
        }
        return value;
    }

    /** {@code value} one of {@code allowed}. */
    public static String oneOf(String parameter, String value, Collection<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw fail(parameter, "must be one of " + String.join(" | ", allowed) + ", got "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }

    /**
     * {@code x} non-empty and every entry finite ({@code parameter} names the array, entries are counted from 1).
     */
    public static double[] finite(String parameter, double[] x) {
        if (x == null || x.length == 0) {
            throw fail(parameter, "must not be empty");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw fail(parameter, "entry " + (i + 1) + " is not finite: " + x[i]);
            }
        }
        return x;
    }

    /**
     * A positive rate written as a number or a fraction ({@code 0.01}, {@code 1e-3}, {@code 1/200}, as the papers
     * write their learning rates), in (0, inf).
     */
    public static double positiveRate(String parameter, String text) {
        String t = text == null ? "" : text.strip();
        double v;
        try {
            int slash = t.indexOf('/');
            v = slash >= 0 ? Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1))
                    : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw fail(parameter, "must be numbers in (0, inf) such as 0.01, 1e-3 or 1/200, got '" + text + "'");
        }
        if (!(v > 0) || !Double.isFinite(v)) {
            throw fail(parameter, "must be in (0, inf), got " + t);
        }
        return v;
    }

    /** {@code value} not null; otherwise the message is {@code "<parameter> <what>"}. */
    public static <T> T given(String parameter, T value, String what) {
        if (value == null) {
            throw fail(parameter, what);
        }
        return value;
    }

    /**
     * The exception for {@code parameter} with message {@code "<parameter> <what>"} ({@code "<parameter><what>"}
     * when {@code what} starts with a colon), for a check that is not a plain range
     * ({@code fail("x0", "needs 2 coordinate(s), got 1")}); throw it.
     */
    public static InvalidParameterException fail(String parameter, String what) {
        return new InvalidParameterException(parameter, parameter + (what.startsWith(":") ? "" : " ") + what);
    }

    private static InvalidParameterException outside(String parameter, String range, double value) {
        return fail(parameter, "must be in " + range + ", got " + value);
    }

    private static String fmt(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
