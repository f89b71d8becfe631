package dev.htsgd.cli.reproduce;

/**
 * How big a reproduce run is: {@code full} is the paper's configuration, {@code quick} a few minutes' worth
 * with the same shape (the demo), {@code tiny} seconds (tests and smoke checks). Explicit options such as
 * {@code --samples} override the scale's value.
 */
public enum Scale {
    full, quick, tiny;

    /** Picks the value of this scale. */
    public <T> T pick(T full, T quick, T tiny) {
        return switch (this) {
            case full -> full;
            case quick -> quick;
            case tiny -> tiny;
        };
    }
}
