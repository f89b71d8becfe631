package dev.htsgd.cli.command;

import dev.htsgd.cli.option.CommandProvenance;
import dev.htsgd.cli.option.CommonOptions;
import dev.htsgd.cli.report.TailIndexPlot;
import dev.htsgd.run.Provenance;
import dev.htsgd.run.RunDirectory;
import dev.htsgd.cli.option.RunOptions;
import dev.htsgd.stats.BlockTailIndex;
import dev.htsgd.stats.HillTailIndex;
import dev.htsgd.stats.RecommendedTailIndex;
import dev.htsgd.stats.SampleFiles;
import dev.htsgd.stats.TailIndexEstimate;
import dev.htsgd.stats.TailIndexRecommendation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code htsgd tail-index}: estimates the tail index alpha of a sample (paper notes, section 7) with the
 * block estimator of Mohammadi et al. (median over block sizes) and the Hill estimator, each with a standard
 * error and a 95% interval.
 */
@Command(name = "tail-index", header = "Estimate the tail index alpha of a sample, with a recommended estimate and its 95%% interval.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "The recommended estimate (shown first; JSON keys estimate, interval, estimator, reason) is the "
                + "McCulloch stable fit when a symmetric stable law with alpha < 2 fits the quantiles, else Hill "
                + "with k chosen where the Hill plot is flat. Also reported: the block estimator of Mohammadi et al. "
                + "(median over block sizes 4, 8, ..., as Simsekli et al. 2019), exact for stable laws and biased for "
                + "Pareto, Lomax or Student data, and the Hill estimator at k = n^(2/3), for Pareto-type tails (it "
                + "overestimates alpha for stable laws with alpha near 2); each with a standard error and a 95%% interval.",
            "Input: one number per line, a CSV column (--column NAME or 0-based index; header optional), or a .npy "
                + "array of little-endian float64/float32 (1-D, or 2-D with --column). With --out DIR: a run directory "
                + "with results.json and plots/tail-index-hill.png|svg (alpha against k)."})
public final class TailIndexCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "Sample file: text (one number a line), CSV, or .npy.")
    Path input;

    @Option(names = "--column", paramLabel = "NAME|INDEX",
            description = "CSV header name or 0-based column index (needed when the file has several columns).")
    String column;

    @Option(names = "--vector",
            description = "Each row is one vector sample (all CSV columns, or the rows of a 2-D .npy); both estimators "
                    + "use Euclidean norms, the block estimator norms of block sums (as Simsekli et al. 2019).")
    boolean vector;

    @Option(names = "--hill-k", paramLabel = "K", defaultValue = "0",
            description = "Number of upper order statistics for Hill; 0 = floor(n^(2/3)) (default: ${DEFAULT-VALUE}).")
    int hillK;

    @Override
    public Integer call() {
        if (hillK < 0) {
            throw new IllegalArgumentException("--hill-k must be >= 0 (0 = n^(2/3)), got " + hillK);
        }
        if (vector && column != null) {
            throw new IllegalArgumentException("--vector uses every column: leave out --column " + column);
        }
        SampleFiles.Rows rows = vector ? SampleFiles.readRows(input) : new SampleFiles.Rows(SampleFiles.read(input, column), 1);
        double[] x = rows.values();
        int n = rows.count();
        if (hillK >= n) {
            throw new IllegalArgumentException("--hill-k must be in [1, " + (n - 1) + "] for " + n
                    + " values, got " + hillK);
        }
        TailIndexEstimate block = BlockTailIndex.estimate(x, rows.dim());
        TailIndexEstimate hill = HillTailIndex.estimateVectors(x, rows.dim(), hillK);
        TailIndexRecommendation rec = RecommendedTailIndex.estimate(x, rows.dim());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("n", n);
        r.put("dimension", rows.dim());
        r.put("estimate", rec.estimate());
        r.put("interval", List.of(rec.low(), rec.high()));
        r.put("estimator", rec.estimator());
        r.put("reason", rec.reason());
        Map<String, Object> estimates = new LinkedHashMap<>();
        estimates.put("block", block.alpha());
        estimates.put("hill", hill.alpha());
        Map<String, Object> intervals = new LinkedHashMap<>();
        intervals.put("block", List.of(block.low(), block.high()));
        intervals.put("hill", List.of(hill.low(), hill.high()));
        Map<String, Object> se = new LinkedHashMap<>();
        se.put("block", block.standardError());
        se.put("hill", hill.standardError());
        for (TailIndexEstimate e : rec.estimates()) {
            if (!estimates.containsKey(e.method())) {
                estimates.put(e.method(), e.alpha());
                intervals.put(e.method(), List.of(e.low(), e.high()));
                se.put(e.method(), e.standardError());
            }
        }
        r.put("estimates", estimates);
        r.put("intervals", intervals);
        r.put("standard_errors", se);
        Map<String, Object> plot = new LinkedHashMap<>();
        plot.put("k", rec.ks());
        plot.put("alpha", rec.hillAlphas());
        plot.put("chosen_k", rec.hillK());
        r.put("hill_plot", plot);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("block_size", block.parameter());
        p.put("block_sizes", BlockTailIndex.blockSizes(n));
        p.put("hill_k", hill.parameter());
        p.put("hill_adaptive_k", rec.hillK());
        r.put("parameters", p);
        r.put("input", input.toString());
        // --out is a CommonOptions option: honour it like the other engine commands (config.yaml, results.json
        // and the Hill plot in a run directory) rather than accept it and write nothing
        if (common.out != null) {
            try (RunDirectory dir = RunDirectory.open(common.out, "tail-index", run.mode(), CommandProvenance.of(spec, common.seed))) {
                TailIndexPlot.save(dir.plotsDir(), rec);
                dir.writeResults(r);
                dir.commit();
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        common.print(out, r, () -> {
            out.printf("tail index of %s (n = %d%s)%n", input, n, rows.dim() > 1 ? ", vectors of dimension " + rows.dim() + ", norms" : "");
            out.printf("  recommended alpha = %.4f, 95%% interval [%.4f, %.4f] (%s)%n", rec.estimate(), rec.low(),
                    rec.high(), rec.estimator());
            out.printf("  why: %s%n", rec.reason());
            out.printf("  %-13s %8s %8s   %-20s %s%n", "method", "alpha", "stderr", "95% interval", "tuning");
            print(out, block, "median block size m = " + block.parameter());
            print(out, hill, "k = " + hill.parameter());
            for (TailIndexEstimate e : rec.estimates()) {
                if (e.method().equals("hill-adaptive")) {
                    print(out, e, "k = " + e.parameter() + " (flat Hill plot)");
                } else if (e.method().equals("stable")) {
                    print(out, e, "McCulloch quantiles" + (rec.stableFit().fits() ? "" : " (the stable law does not fit)"));
                }
            }
        });
        return 0;
    }

    private static void print(PrintWriter out, TailIndexEstimate e, String tuning) {
        out.printf("  %-13s %8.4f %8.4f   [%.4f, %.4f]     %s%n", e.method(), e.alpha(), e.standardError(), e.low(),
                e.high(), tuning);
    }
}
