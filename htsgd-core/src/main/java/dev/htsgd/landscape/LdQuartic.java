package dev.htsgd.landscape;

import dev.htsgd.check.Require;

/**
 * The double well U(x) = x^4/10 - x^2 of LD Table 2.1 (paper notes section 5.C), U'(x) = 0.4 x^3 - 2x:
 * minima at -sqrt(5) and sqrt(5), the maximum at 0. Unbounded by default.
 *
 * @param domain where the iterate lives (default unbounded)
 */
public record LdQuartic(Domain domain) implements Objective1D {

    public LdQuartic {
        Require.given("domain", domain, "must not be null");
    }

    public static LdQuartic of() {
        return new LdQuartic(Domain.unbounded());
    }

    @Override
    public double value(double x) {
        double x2 = x * x;
        return x2 * x2 / 10 - x2;
    }

    @Override
    public double derivative(double x) {
        return 0.4 * x * x * x - 2 * x;
    }

    @Override
    public String name() {
        return "ld-quartic";
    }
}
