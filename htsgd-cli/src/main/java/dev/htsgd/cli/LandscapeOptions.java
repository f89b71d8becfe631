package dev.htsgd.cli;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.Objective;
import picocli.CommandLine.Option;

/**
 * The landscape options shared by the commands (architecture.md): {@code --landscape}, {@code --domain a,b}
 * (1-D projection interval) and {@code --ball R} (2-D projection ball around 0). Mix in with
 * {@code @Mixin LandscapeOptions landscape;} and call {@link #objective()}.
 */
public final class LandscapeOptions {

    @Option(names = "--landscape", paramLabel = "NAME", defaultValue = "iclr1d",
            description = "iclr1d | ld-quartic | himmelblau2d | expr:<formula in x (and y)>, e.g. 'expr:x^4/10-x^2' (default: ${DEFAULT-VALUE}).")
    public String landscape;

    @Option(names = "--domain", paramLabel = "a,b",
            description = "Projection interval [a, b] of a 1-D landscape (replaces its default: iclr1d [-1.6, 1.6], others unbounded).")
    public String domain;

    @Option(names = "--ball", paramLabel = "R",
            description = "Projection ball of radius R around 0 for a 2-D landscape (himmelblau2d default: 4.2).")
    public Double ball;

    /** The landscape, with its domain replaced when --domain or --ball is given. */
    public Objective objective() {
        return Landscapes.of(landscape, domainOverride());
    }

    /** The domain given by --domain or --ball, or null to keep the landscape's default. */
    public Domain domainOverride() {
        if (domain != null && ball != null) {
            throw new IllegalArgumentException("--domain and --ball exclude each other: --domain a,b is for 1-D landscapes, --ball R for 2-D");
        }
        if (domain != null) {
            return parseInterval("--domain", domain);
        }
        if (ball != null) {
            if (!(ball > 0) || ball.isInfinite()) {
                throw new IllegalArgumentException("--ball must be in (0, inf), got " + ball);
            }
            return Domain.ball(new double[] {0, 0}, ball);
        }
        return null;
    }

    /** Parses {@code a,b} given as {@code option} (named in the error) into an interval with finite a < b. */
    static Domain.Interval parseInterval(String option, String s) {
        String[] p = s.split(",");
        if (p.length != 2) {
            throw new IllegalArgumentException(option + " must be a,b with a < b, got '" + s + "'");
        }
        double a;
        double b;
        try {
            a = Double.parseDouble(p[0].strip());
            b = Double.parseDouble(p[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a,b with a < b (numbers), got '" + s + "'");
        }
        if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException(option + " must be a,b with finite a < b, got '" + s + "'");
        }
        return Domain.interval(a, b);
    }
}
