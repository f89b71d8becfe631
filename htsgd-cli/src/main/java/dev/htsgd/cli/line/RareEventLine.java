package dev.htsgd.cli.line;

import dev.htsgd.sim.rare.ImportanceSampling;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventExperiment;
import dev.htsgd.study.RareEventStudy;

/** The {@code htsgd rare-event} line that computes one {@link RareEventStudy.Settings} under a seed alone. */
public final class RareEventLine {

    private RareEventLine() {
    }

    /** The command line, seed included; options at their defaults are written too, except the optional ones. */
    public static String of(RareEventStudy.Settings s, long seed) {
        JumpNoise n = s.noise();
        if (n.pPlus() != 0.5) {
            throw new IllegalArgumentException("rare-event has no option for p+ = " + n.pPlus() + " (only 0.5)");
        }
        String family = n.family() == JumpNoise.Family.PARETO ? "pareto" : n.normalScale() > 0 ? "mixture" : "lomax";
        CommandLineText c = CommandLineText.of("rare-event").option("--landscape", s.landscape())
                .option("--noise", family).option("--alpha", n.alpha()).option("--scale", n.scale());
        if (family.equals("mixture")) {
            c.option("--normal-scale", n.normalScale());
        }
        c.option("--clip", Double.isInfinite(s.b()) ? "none" : Double.toString(s.b())).option("--x0", s.x0())
                .option("--level", s.level()).option("--etas", s.eta());
        if (s.horizon() != RareEventExperiment.horizonOf(s.eta())) {
            c.option("--horizon", s.horizon());
        }
        c.option("--samples", s.samples());
        if (s.batch() != RareEventStudy.BATCH) {
            c.option("--task-paths", s.batch());
        }
        c.option("--estimator", s.method().text());
        ImportanceSampling is = s.sampler();
        if (is != null && !is.equals(s.experiment().defaultSampler())) {
            c.option("--is-threshold", is.threshold()).option("--is-jumps", is.expectedJumps())
                    .option("--is-toward", is.toward()).option("--is-tail", is.tailRatio());
        }
        // the engine these settings resolved to (Settings.of resolves auto), written always: the default is auto
        c.option("--engine", s.engine().cliName());
        return c.option("--seed", seed).text();
    }
}
