package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.reproduce.ReproduceOptions;
import dev.htsgd.cli.reproduce.ReproduceRunner;
import dev.htsgd.cli.reproduce.ReproduceTargets;
import dev.htsgd.cli.reproduce.Scale;
import dev.htsgd.cli.option.ResumableRunOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd demo}: the main job. A short global-dynamics run, the b-map and a small exit-time study on the
 * built-in ICLR landscape, in one run directory with one report; about 10 s on two idle cores (README).
 */
@Command(name = "demo", header = "A short reproduction on the built-in ICLR landscape, writing a report.", mixinStandardHelpOptions = true,
        description = {"A short reproduction on the built-in ICLR landscape: global dynamics (time per basin with "
            + "and without clipping, heavy-tailed vs Gaussian noise), the b-map (which minima survive as b varies) and a "
            + "small exit-time study (slopes against 1.2 / 1.4 / 1.6). About 10 s on an idle 2-core machine (8.6 s measured 2026-12-01), a few minutes on a busy one.",
            "Writes ./htsgd-runs/demo-YYYYMMDD-HHMMSS/ (or --out DIR) and ends by printing the path of its report.html."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    ResumableRunOptions run;

    // no defaultValue: it would overwrite what the old name set (see OldOptionNames)
    @Option(names = "--size", paramLabel = "quick|tiny|full",
            description = "Size: quick (the demo, about 10 s on two idle cores), tiny (seconds), full (the paper's sizes, long) (default: quick).")
    Scale scale = Scale.quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReproduceOptions settings = new ReproduceOptions();
        settings.scale = scale;
        return ReproduceRunner.run(spec, common, run, settings, "demo", "htsgd demo: heavy-tailed SGD with truncation",
                "A short reproduction of the simulation experiments of Wang, Oh and Rhee (ICLR 2022) and Wang and Rhee "
                        + "(2023, 2025) on the built-in ICLR test function: where SGD spends its time with and without "
                        + "truncation, which minima survive as b varies, and how exit times scale with eta.",
                List.of(ReproduceTargets.get("exit-times"), ReproduceTargets.get("global-dynamics"), ReproduceTargets.get("b-map")));
    }
}
