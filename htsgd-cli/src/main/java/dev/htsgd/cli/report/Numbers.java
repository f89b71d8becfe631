package dev.htsgd.cli.report;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/**
 * Numeric options: integer options accept scientific notation ({@code --steps 1e7}) as long as the value is whole,
 * and the range checks every command runs at the start of call() (one-line messages naming the option, exit 2).
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

    public static void register(CommandLine cl) {
        ITypeConverter<Long> longs = Numbers::parseLong;
        ITypeConverter<Integer> ints = s -> {
            long v = parseLong(s);
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new CommandLine.TypeConversionException("'" + s + "' is out of the integer range");
            }
            return (int) v;
        };
        cl.registerConverter(Long.class, longs).registerConverter(long.class, longs)
                .registerConverter(Integer.class, ints).registerConverter(int.class, ints);
    }
}
