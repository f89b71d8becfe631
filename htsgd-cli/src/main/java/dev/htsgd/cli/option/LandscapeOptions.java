package dev.htsgd.cli.option;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.Objective;
import picocli.CommandLine.Option;

/**
 * The landscape options shared by the commands (architecture.md): {@code --landscape}, {@code --domain a,b}
 * (1-D projection interval) and {@code --ball R} (2-D and 3-D projection ball around 0, in the landscape's
 * dimension). Mix in with
 * {@code @Mixin LandscapeOptions landscape;} and call {@link #objective()}.
 */
public final class LandscapeOptions {

    @Option(names = "--landscape", paramLabel = "NAME", defaultValue = Defaults.LANDSCAPE,
            description = "iclr1d | ld-quartic | himmelblau2d | wells2d | expr:FORMULA in x (1-D), x and y (2-D) or x, y and z (3-D), e.g. 'expr:x^4/10-x^2' (default: ${DEFAULT-VALUE}).")
    public String landscape;

    @Option(names = "--domain", paramLabel = "a,b",
            description = "Projection interval [a, b] of a 1-D landscape (replaces its default: iclr1d [-1.6, 1.6], others unbounded).")
    public String domain;

    @Option(names = "--ball", paramLabel = "R",
            description = "Projection ball of radius R around 0 for a 2-D or 3-D landscape, in its dimension (himmelblau2d default: 4.2).")
    public Double ball;

    /** The landscape, with its domain replaced when --domain or --ball is given. */
    public Objective objective() {
        return Landscapes.of(landscape, domainOverride());
    }

    /** The domain given by --domain or --ball, or null to keep the landscape's default. */
    public Domain domainOverride() {
        return Domain.parse(domain, ball); // its messages name domain and ball, which OptionNames maps to the options
    }
}
