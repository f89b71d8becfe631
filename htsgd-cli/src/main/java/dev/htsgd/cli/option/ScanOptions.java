package dev.htsgd.cli.option;

import dev.htsgd.theory.CriticalPoints1D;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.study.ControlStudy;
import picocli.CommandLine.Option;

/**
 * The critical-point scan of a 1-D landscape (paper notes section 3: the minima m_i and maxima s_i that bound
 * the attraction fields): {@code --window a,b} on an unbounded domain and {@code --grid N} points. Mix in with
 * {@code @Mixin ScanOptions scan;}.
 */
public final class ScanOptions {

    @Option(names = "--window", paramLabel = "a,b",
            description = "Search window for critical points of a 1-D landscape on an unbounded domain (default: -10,10).")
    public String window;

    @Option(names = "--grid", paramLabel = "N", defaultValue = "20001",
            description = "Grid points of the critical-point scan (default: ${DEFAULT-VALUE}).")
    public int grid;

    /** The window given, or null for the default. */
    public Domain.Interval windowOrNull() {
        return window == null ? null : Domain.parseInterval("window", window);
    }

    /**
     * The critical points of {@code f}: on its own interval when it is projected onto one (then {@code --window}
     * is refused), else on the window.
     */
    public CriticalPoints1D find(Objective1D f) {
        if (f.domain() instanceof Domain.Interval) {
            if (window != null) {
                throw new IllegalArgumentException("--window is for unbounded domains; " + f.name() + " is projected onto "
                        + f.domain().describe() + " (change it with --domain a,b)");
            }
            return CriticalPoints1D.find(f, f.domain().lower(), f.domain().upper(), grid);
        }
        Domain.Interval w = window == null ? ControlStudy.DEFAULT_WINDOW : windowOrNull();
        return CriticalPoints1D.find(f, w.lower(), w.upper(), grid);
    }
}
