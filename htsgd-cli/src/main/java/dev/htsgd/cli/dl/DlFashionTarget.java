package dev.htsgd.cli.dl;

import dev.htsgd.cli.reproduce.ReproduceContext;
import dev.htsgd.cli.reproduce.ReproduceTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code htsgd reproduce dl-fashion}: the FashionMNIST/LeNet row of Table 2 ({@link DlFashion}). */
public final class DlFashionTarget implements ReproduceTarget {

    static final Info INFO = new Info("dl-fashion", "Table 2, FashionMNIST/LeNet: six methods x 5 seeds, test accuracy and expected sharpness beside the "
            + "published row (full: hours on 2 cores; --size quick: minutes)",
            java.util.Set.of("--replications", "--sb-noise-replications", "--parallel-runs"));
    @Override
    public Info info() {
        return INFO;
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        DlRun.threads(ctx.threads());
        String scale = ctx.scale().name();
        var o = ctx.settings();
        int seeds = o.seeds != null ? o.seeds : scale.equals("tiny") ? 1 : DlFashion.SEEDS;
        DlFashion.Grid grid = new DlFashion.Grid(seeds, o.sbNoiseSeeds != null ? o.sbNoiseSeeds : seeds,
                o.parallelRuns != null ? o.parallelRuns : 1, ctx.threads());
        return DlFashion.run(ctx.run(), ctx.report(), ctx.seed(), scale, grid, null, ctx.quiet());
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-9s %5s %22s %20s %10s %10s", "method", "runs", "test acc % (mean sd)",
                "sharpness (mean)", "paper acc", "paper sh."));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> table = (List<Map<String, Object>>) results.get("table");
        for (Map<String, Object> r : table) {
            Object sh = r.get("expected_sharpness_mean");
            lines.add(String.format("%-9s %5s %14.2f ± %5.2f %20s %10.2f %10.3f", r.get("method"), r.get("runs"),
                    ((Number) r.get("test_accuracy_mean")).doubleValue(), ((Number) r.get("test_accuracy_std")).doubleValue(),
                    sh == null ? "n/a" : String.format("%.4f", ((Number) sh).doubleValue()),
                    ((Number) r.get("published_test_accuracy")).doubleValue(),
                    ((Number) r.get("published_expected_sharpness")).doubleValue()));
        }
        lines.add("ordering: " + results.get("ordering"));
        return lines;
    }
}
