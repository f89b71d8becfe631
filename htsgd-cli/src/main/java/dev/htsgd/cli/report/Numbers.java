package dev.htsgd.cli.report;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * Numbers on the command line, both ways. Parsing: integer options accept scientific notation ({@code --steps 1e7})
 * as long as the value is whole, real options fractions ({@code --eta 1/200}). Printing (the human output of every command, the report's tables and the figures'
 * tick labels; JSON keeps full precision): {@link #exact} for values that were typed or derived exactly (bounds,
 * learning rates: {@code 0.19999999999999996} reads {@code 0.2}), {@link #sig} for measured values to their
 * meaningful digits ({@code 1497.25}, not {@code 1497.2500}), and {@link #relative} for values that are zero up to
 * round-off ({@code f = -3.631e-33} at a minimum of f reads {@code 0}).
 */
public final class Numbers {

    private Numbers() {
    }

    static long parseLong(String s) {
        String t = s.strip().replace("_", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            double d;
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e2) {
                throw new CommandLine.TypeConversionException("'" + s + "' is not a whole number");
            }
            if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
                throw new CommandLine.TypeConversionException("'" + s + "' is not a whole number");
            }
            return (long) d;
        }
    }

    /**
     * A real number as the papers write learning rates: {@code 0.001}, {@code 1e-3} or the fraction {@code 1/1000},
     * in every real-valued option, so that a value typed for one command is read the same by all.
     */
    static double parseDouble(String s) {
        String t = s.strip().replace("_", "");
        try {
            int slash = t.indexOf('/');
            return slash >= 0 ? Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1))
                    : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + s + "' is not a number (such as 0.01, 1e-3 or 1/200)");
        }
    }

    /** Significant digits of {@link #exact}: past them a double carries only the round-off of its computation. */
    static final int EXACT_DIGITS = 12;

    /**
     * A value that is exact up to floating-point round-off, with at most 12 significant digits and no trailing
     * zeros: {@code 0.19999999999999996} reads {@code 0.2}, {@code 1e-4} reads {@code 1e-4}, 3.0 reads {@code 3}.
     */
    public static String exact(double v) {
        return sig(v, EXACT_DIGITS);
    }

    /**
     * {@code v} to {@code digits} significant digits, trailing zeros dropped; plain notation for magnitudes in
     * [1e-3, 1e6), scientific ({@code 3.631e-33}, {@code 1.2e7}) outside; {@code n/a}, {@code inf}, {@code -inf}
     * for the non-finite values.
     */
    public static String sig(double v, int digits) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(Math.max(1, digits)));
        double a = Math.abs(d.doubleValue());
        if (a >= 1e-3 && a < 1e6) {
            String s = d.stripTrailingZeros().toPlainString();
            return s.equals("-0") ? "0" : s;
        }
        java.math.BigDecimal unscaled = d.stripTrailingZeros();
        int exponent = unscaled.precision() - unscaled.scale() - 1;
        String mantissa = unscaled.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }

    /** Four significant digits: the default for measured values in tables. */
    public static String sig(double v) {
        return sig(v, 4);
    }

    /**
     * As {@link #sig(double, int)}, but {@code 0} when {@code |v|} is below the round-off of a computation on
     * numbers of size {@code scale} (1e-12 x scale): f at a minimum, a gradient at a critical point.
     */
    public static String relative(double v, double scale, int digits) {
        return Math.abs(v) <= 1e-12 * Math.max(Math.abs(scale), Double.MIN_NORMAL) ? "0" : sig(v, digits);
    }

    /** A vector in brackets, each entry by {@link #sig(double, int)}. */
    public static String vector(double[] v, int digits) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(sig(v[i], digits));
        }
        return sb.append(']').toString();
    }

    /**
     * Any value of a result map as a person reads it: doubles by {@link #sig(double, int)} with {@code digits},
     * lists and arrays in brackets, maps as {@code key value, key value}, anything else as it prints.
     */
    public static String human(Object v, int digits) {
        if (v instanceof Double || v instanceof Float) {
            return sig(((Number) v).doubleValue(), digits);
        }
        if (v instanceof double[] a) {
            return vector(a, digits);
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(o -> human(o, digits)).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof java.util.Map<?, ?> m) {
            return m.entrySet().stream().map(e -> e.getKey() + " " + human(e.getValue(), digits))
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        return String.valueOf(v);
    }

    public static void register(CommandLine cl) {
        ITypeConverter<Long> longs = Numbers::parseLong;
        ITypeConverter<Integer> ints = s -> {
            long v = parseLong(s);
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new CommandLine.TypeConversionException("'" + s + "' is out of the integer range");
            }
            return (int) v;
        };
        ITypeConverter<Double> doubles = Numbers::parseDouble;
        cl.registerConverter(Double.class, doubles).registerConverter(double.class, doubles);
        cl.registerConverter(Long.class, longs).registerConverter(long.class, longs)
                .registerConverter(Integer.class, ints).registerConverter(int.class, ints);
    }
}
