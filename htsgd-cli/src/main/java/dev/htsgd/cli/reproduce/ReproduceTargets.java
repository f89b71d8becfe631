package dev.htsgd.cli.reproduce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of reproduce targets by name, in the order of the paper notes (section 5, then 6). */
public final class ReproduceTargets {

    /** Every target; add a new one with one line here. */
    private static final List<Supplier<ReproduceTarget>> ALL = List.of(
            ExitTimesTarget::new,
            GlobalDynamicsTarget::new,
            RareEventTarget::new,
            TwoDTarget::new,
            BMapTarget::new,
            dev.htsgd.cli.dl.DlFashionTarget::new);

    private ReproduceTargets() {
    }

    /** The names, for picocli's help ({@code completionCandidates}). */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return all().keySet().iterator();
        }
    }

    /** The targets by name, in registry order. */
    public static Map<String, ReproduceTarget> all() {
        Map<String, ReproduceTarget> m = new LinkedHashMap<>();
        for (Supplier<ReproduceTarget> s : ALL) {
            ReproduceTarget t = s.get();
            m.put(t.name(), t);
        }
        return m;
    }

    /** Valid names, comma-separated. */
    public static String names() {
        return String.join(", ", all().keySet());
    }

    /**
     * The target called {@code name}.
     *
     * @throws IllegalArgumentException listing the valid names when there is none
     */
    public static ReproduceTarget get(String name) {
        ReproduceTarget t = all().get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown reproduce target '" + name + "'; valid: " + names());
        }
        return t;
    }
}
