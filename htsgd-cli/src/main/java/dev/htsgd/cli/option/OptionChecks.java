package dev.htsgd.cli.option;

/**
 * Range checks of option values for the commands, each failing with the one line of the CLI contract: the
 * option as typed, its allowed range and the value given. Commands run them first, before anything is read or
 * written, so that bad input never leaves a run directory behind. (The libraries validate too, in their own
 * parameter names; these checks name the options instead, and cover values the libraries would ignore, such as
 * {@code --clip} for a method without truncation.)
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    /**
     * The values of a list option, each once: a grid that lists a value twice would run it twice and weigh it
     * twice in a fit, without a word.
     */
    public static double[] distinct(String option, double[] values) {
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (double v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(option + " lists " + v + " twice: give each value once");
            }
        }
        return values;
    }

    /** {@code value >= min}. */
    public static long atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be >= " + min + ", got " + value);
        }
        return value;
    }

    /** {@code value} in [min, max]. */
    public static long inRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in [" + min + ", " + max + "], got " + value);
        }
        return value;
    }

    /** {@code value} in (0, inf). */
    public static double positive(String option, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(option + " must be in (0, inf), got " + value);
        }
        return value;
    }

    /** {@code value} in [0, inf). */
    public static void nonNegative(String option, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(option + " must be in [0, inf), got " + value);
        }
    }

    /** {@code ok}, else "{@code option} must be {@code range}, got {@code value}". */
    public static void require(boolean ok, String option, String range, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(option + " must be " + range + ", got " + value);
        }
    }
}
