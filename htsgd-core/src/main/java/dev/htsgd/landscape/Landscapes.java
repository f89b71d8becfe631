package dev.htsgd.landscape;

import dev.htsgd.check.Require;

/**
 * The built-in landscapes by command-line name: {@code iclr1d} ({@link Iclr1d}), {@code ld-quartic}
 * ({@link LdQuartic}), {@code himmelblau2d} ({@link Himmelblau2d}), {@code wells2d} ({@link Wells2d}) and {@code expr:FORMULA}
 * ({@link ExpressionObjective}).
 */
public final class Landscapes {

    /** The names of the built-in landscapes (expr:FORMULA aside). */
    public static final String NAMES = "iclr1d, ld-quartic, himmelblau2d, wells2d, expr:<formula in x (and y, z)>";

    private Landscapes() {
    }

    /**
     * The landscape of the given name.
     *
     * @param name iclr1d | ld-quartic | himmelblau2d | expr:FORMULA
     * @param domainOverride a domain replacing the landscape's default; null keeps the default; a ball around the
     *     origin is taken in the landscape's dimension ({@link Domain#inDimension})
     * @throws dev.htsgd.check.InvalidParameterException naming {@code landscape} for unknown names or unparsable formulas
     */
    public static Objective of(String name, Domain domainOverride) {
        if (name == null || name.isBlank()) {
            throw Require.fail("landscape", "must be one of " + NAMES + ", got nothing");
        }
        String n = name.strip();
        if (n.startsWith("expr:")) {
            return ExpressionObjective.parse(n.substring("expr:".length()), domainOverride);
        }
        Objective o = switch (n.toLowerCase(java.util.Locale.ROOT)) {
            case "iclr1d" -> domainOverride == null ? Iclr1d.of() : new Iclr1d(domainOverride);
            case "ld-quartic" -> domainOverride == null ? LdQuartic.of() : new LdQuartic(domainOverride);
            case "himmelblau2d" -> domainOverride == null ? Himmelblau2d.of() : new Himmelblau2d(domainOverride);
            case "wells2d" -> domainOverride == null ? Wells2d.of() : new Wells2d(domainOverride);
            default -> throw Require.fail("landscape", "must be one of " + NAMES + ", got '" + n + "'");
        };
        checkDomain(o, domainOverride);
        return o;
    }

    /** The landscape with its default domain. */
    public static Objective of(String name) {
        return of(name, null);
    }

    private static void checkDomain(Objective o, Domain d) {
        if (d != null && d.inDimension(o.dimension(), o.name()) != d) {
            // a built-in is constructed with the domain: a ball re-dimensioned would not be the one it projects on
            throw Require.fail("domain", ": " + d.describe() + " does not fit " + o.name() + ", which is "
                    + o.dimension() + "-D");
        }
    }
}
