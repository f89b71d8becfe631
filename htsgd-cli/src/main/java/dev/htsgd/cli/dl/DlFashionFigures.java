package dev.htsgd.cli.dl;

import dev.htsgd.cli.report.HtmlReport;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.dl.train.Method;
import dev.htsgd.run.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures of {@code reproduce dl-fashion} beside the paper's Table 2: the methods' learning curves (test
 * accuracy, mean over seeds) and their Hessian spectral densities at the final weights.
 */
final class DlFashionFigures {

    private DlFashionFigures() {
    }

    /** Test accuracy against the iteration, mean over each method's seeds (all seeds evaluate at the same steps). */
    static void curves(RunDirectory run, HtmlReport report, Map<Method, List<Map<String, Object>>> byMethod) {
        try {
            List<Plots.Series> series = new ArrayList<>();
            for (Map.Entry<Method, List<Map<String, Object>>> e : byMethod.entrySet()) {
                double[] x = null;
                double[] y = null;
                int n = 0;
                for (Map<String, Object> r : e.getValue()) {
                    Path metrics = run.path().resolve(String.valueOf(r.get("dir"))).resolve("metrics.csv");
                    if (!Files.isRegularFile(metrics)) {
                        continue;
                    }
                    List<String> lines = Files.readAllLines(metrics);
                    if (x == null) {
                        x = new double[lines.size() - 1];
                        y = new double[lines.size() - 1];
                    }
                    for (int k = 1; k < lines.size() && k - 1 < x.length; k++) {
                        String[] c = lines.get(k).split(",");
                        x[k - 1] = Double.parseDouble(c[0]);
                        y[k - 1] += Double.parseDouble(c[4]);
                    }
                    n++;
                }
                if (n > 0) {
                    for (int k = 0; k < y.length; k++) {
                        y[k] /= n;
                    }
                    series.add(Plots.Series.line(e.getKey().cliName() + " (" + n + ")", x, y));
                }
            }
            if (!series.isEmpty()) {
                report.plot(Plots.line(run.plotsDir(), "dl_fashion_test_accuracy",
                        Plots.Axes.linear("Test accuracy, mean over seeds", "iteration", "test accuracy"), series),
                        "Learning curves: test accuracy against iteration, mean over each method's seeds (their number in brackets)");
            }
        } catch (java.io.IOException e) {
            run.log("no learning-curve plot: " + e.getMessage());
        }
    }

    /** The Hessian spectral densities of the methods (first seed each), Gaussian-smoothed, on one log axis. */
    @SuppressWarnings("unchecked")
    static void spectra(RunDirectory run, HtmlReport report, Map<Method, List<Map<String, Object>>> byMethod) {
        List<dev.htsgd.dl.sharpness.SpectralDensity> densities = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<Method, List<Map<String, Object>>> e : byMethod.entrySet()) {
            Object d = e.getValue().isEmpty() ? null : e.getValue().get(0).get("hessian_density");
            if (d instanceof Map<?, ?> m && m.get("nodes") instanceof List<?> nodes && m.get("weights") instanceof List<?> w) {
                double[] nd = ((List<Number>) nodes).stream().mapToDouble(Number::doubleValue).toArray();
                double[] wt = ((List<Number>) w).stream().mapToDouble(Number::doubleValue).toArray();
                var sd = new dev.htsgd.dl.sharpness.SpectralDensity(nd, wt, 1);
                densities.add(sd);
                names.add(e.getKey().cliName());
                lo = Math.min(lo, sd.min());
                hi = Math.max(hi, sd.max());
            }
        }
        if (densities.isEmpty() || !(hi > lo)) {
            return;
        }
        double pad = 0.05 * (hi - lo);
        double sigma = (hi - lo) / 200;
        List<Plots.Series> series = new ArrayList<>();
        for (int i = 0; i < densities.size(); i++) {
            double[][] g = densities.get(i).grid(lo - pad, hi + pad, 400, sigma);
            double peak = java.util.Arrays.stream(g[1]).max().orElse(1);
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (int k = 0; k < g[0].length; k++) {
                if (g[1][k] > peak * 1e-6) { // six decades below the peak: the Gaussian tails would swamp the axis
                    px.add(g[0][k]);
                    py.add(g[1][k]);
                }
            }
            series.add(Plots.Series.line(names.get(i), px.stream().mapToDouble(Double::doubleValue).toArray(),
                    py.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        report.plot(Plots.line(run.plotsDir(), "dl_fashion_hessian_spectra",
                Plots.Axes.linear("Hessian spectral density (first seed)", "eigenvalue", "density").withLogY(), series),
                "Hessian eigenvalue densities of the training loss at the final weights, first seed of each method "
                        + "(stochastic Lanczos quadrature, Gaussian width (max - min) / 200)");
    }
}
