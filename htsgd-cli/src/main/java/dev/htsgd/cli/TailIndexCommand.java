package dev.htsgd.cli;

import dev.htsgd.cli.report.RunOptions;
import dev.htsgd.stats.BlockTailIndex;
import dev.htsgd.stats.HillTailIndex;
import dev.htsgd.stats.SampleFiles;
import dev.htsgd.stats.TailIndexEstimate;
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
@Command(name = "tail-index",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Estimate the tail index alpha of a sample (e.g. gradient noise) with the block estimator of",
            "Mohammadi et al. (median over block sizes 4, 8, ..., as Simsekli et al. 2019) and the Hill",
            "estimator (k = n^(2/3)); each with a standard error and a 95%% interval.",
            "Input: one number per line, a CSV column (--column NAME or 0-based index; header optional),",
            "or a .npy array of little-endian float64/float32 (1-D, or 2-D with --column).",
            "Block is exact for stable laws (biased for Pareto, Lomax or Student data); Hill for",
            "Pareto-type tails (it overestimates alpha for stable laws with alpha near 2). Read both."})
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
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("n", n);
        r.put("dimension", rows.dim());
        Map<String, Object> estimates = new LinkedHashMap<>();
        estimates.put("block", block.alpha());
        estimates.put("hill", hill.alpha());
        r.put("estimates", estimates);
        Map<String, Object> intervals = new LinkedHashMap<>();
        intervals.put("block", List.of(block.low(), block.high()));
        intervals.put("hill", List.of(hill.low(), hill.high()));
        r.put("intervals", intervals);
        Map<String, Object> se = new LinkedHashMap<>();
        se.put("block", block.standardError());
        se.put("hill", hill.standardError());
        r.put("standard_errors", se);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("block_size", block.parameter());
        p.put("block_sizes", BlockTailIndex.blockSizes(n));
        p.put("hill_k", hill.parameter());
        r.put("parameters", p);
        r.put("input", input.toString());
        // --out is a CommonOptions option: honour it like the other engine commands (config.yaml and
        // results.json in a run directory) rather than accept it and write nothing.
        if (common.out != null) {
            RunFiles.write(spec, common, run, "tail-index", r, null, null);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json()) {
            Json.print(out, r);
        } else {
            out.printf("tail index of %s (n = %d%s)%n", input, n, rows.dim() > 1 ? ", vectors of dimension " + rows.dim() + ", norms" : "");
            out.printf("  %-6s %8s %8s   %-20s %s%n", "method", "alpha", "stderr", "95% interval", "tuning");
            print(out, block, "median block size m = " + block.parameter());
            print(out, hill, "k = " + hill.parameter());
            out.flush();
        }
        return 0;
    }

    private static void print(PrintWriter out, TailIndexEstimate e, String tuning) {
        out.printf("  %-6s %8.4f %8.4f   [%.4f, %.4f]     %s%n", e.method(), e.alpha(), e.standardError(), e.low(),
                e.high(), tuning);
    }
}
