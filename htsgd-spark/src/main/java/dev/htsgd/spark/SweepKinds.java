package dev.htsgd.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * The experiments a sweep can run, by {@code --experiment} name: the built-in ones of this module, and any other
 * {@link SweepKind} registered for {@link ServiceLoader} on the class path (htsgd-app registers
 * {@code reproduce}, which needs the command line tool).
 */
public final class SweepKinds {

    private SweepKinds() {
    }

    /** The experiment of the given name; unknown names are bad input listing the valid ones. */
    public static SweepKind of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "exit-times" -> new ExitTimesKind();
            case "simulate" -> new SimulateKind();
            case "rare-event" -> new RareEventKind();
            default -> ServiceLoader.load(SweepKind.class).stream().map(ServiceLoader.Provider::get)
                    .filter(k -> k.name().equals(n)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "--experiment must be one of " + names() + ", got '" + name + "'"));
        };
    }

    /** The valid names, for error messages and help: the built-in ones, then the registered ones. */
    public static String names() {
        List<String> names = new ArrayList<>(List.of("exit-times", "simulate", "rare-event"));
        for (SweepKind k : ServiceLoader.load(SweepKind.class)) {
            names.add(k.name());
        }
        return String.join(", ", names);
    }
}
