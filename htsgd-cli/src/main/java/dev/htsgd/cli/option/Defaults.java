package dev.htsgd.cli.option;

/**
 * The one table of defaults of the landscape commands (simulate, analyze, control, exit-times, sweep, reproduce):
 * an option that several commands have takes its default from here, so the same option never means a different
 * value in two commands. The README's defaults table lists these values, and a test compares it with every
 * command's options. The DL commands (train, sharpness, noise-index) default to the paper's Table 1 instead, and
 * rare-event to the LD paper's Table 2.1 experiment (a different landscape and noise): they say so in their help.
 */
public final class Defaults {

    /** The ICLR test function of the papers' Figures 1-3. */
    public static final String LANDSCAPE = "iclr1d";
    /** Pareto noise c U W, the ICLR simulations' noise. */
    public static final String NOISE = "pareto";
    /** The ICLR simulations' tail index. */
    public static final String ALPHA = "1.2";
    /** The ICLR simulations' noise scale c. */
    public static final String SCALE = "0.1";
    /** No truncation: b = inf. */
    public static final String CLIP = "none";
    /** One learning rate (simulate, the occupation runs of sweep). */
    public static final String ETA = "0.001";
    /** The learning-rate grid of an exit-time run (exit-times, the exit-time runs of sweep). */
    public static final String ETAS = "0.1,0.05,0.02,0.01";
    /** The attraction field a run starts in (at its minimum) or leaves: I_2 of iclr1d, 0-based. */
    public static final String BASIN = "1";
    /** Start at the minimum of {@link #BASIN}. */
    public static final String X0 = "min";
    /** Steps per path of an occupation run. */
    public static final String STEPS = "1e7";
    /** Independent paths of an occupation run. */
    public static final String PATHS = "10";
    /** Exit times per learning rate. */
    public static final String SAMPLES = "20";
    /** Step cap per exit-time replication; a path still inside is censored. */
    public static final String MAX_STEPS = "5e7";

    private Defaults() {
    }
}
