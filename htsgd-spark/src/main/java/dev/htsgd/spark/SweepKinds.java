package dev.htsgd.spark;

import java.util.Locale;

/** The experiments a sweep can run, by {@code --experiment} name. */
public final class SweepKinds {

    /** The valid names, for error messages and help. */
    public static final String NAMES = "exit-times, simulate, rare-event, reproduce";

    private SweepKinds() {
    }

    /** The experiment of the given name; unknown names are bad input listing the valid ones. */
    public static SweepKind of(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "exit-times" -> new ExitTimesKind();
            case "simulate" -> new SimulateKind();
            case "rare-event" -> new RareEventKind();
            case "reproduce" -> new ReproduceKind();
            default -> throw new IllegalArgumentException("--experiment must be one of " + NAMES + ", got '" + name + "'");
        };
    }
}
