package dev.htsgd.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts of a run (XChart), each saved as {@code plots/NAME.png} and {@code plots/NAME.svg}: line, scatter,
 * step, log-log and histogram plots. Data for a log axis is filtered to positive values (XChart rejects the
 * rest). Runs headless.
 */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Width and height in pixels of saved charts. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 640;

    /** How a series is drawn. */
    public enum Style { LINE, MARKERS, LINE_MARKERS, STEP, SCATTER }

    /** One named series. */
    public record Series(String name, double[] x, double[] y, Style style) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": x and y differ in length (" + x.length + " vs " + y.length + ")");
            }
        }

        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.LINE);
        }

        public static Series markers(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.MARKERS);
        }
    }

    /** Axes of a chart. */
    public record Axes(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        public static Axes linear(String title, String xLabel, String yLabel) {
            return new Axes(title, xLabel, yLabel, false, false);
        }

        public static Axes logLog(String title, String xLabel, String yLabel) {
            return new Axes(title, xLabel, yLabel, true, true);
        }

        public Axes withLogY() {
            return new Axes(title, xLabel, yLabel, logX, true);
        }
    }

    private Plots() {
    }

    /** An XY chart of the given series, saved under {@code dir} as NAME.png and NAME.svg. */
    public static Plot xy(Path dir, String name, Axes axes, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(axes.title()).xAxisTitle(axes.xLabel()).yAxisTitle(axes.yLabel()).build();
        chart.getStyler().setXAxisLogarithmic(axes.logX());
        chart.getStyler().setYAxisLogarithmic(axes.logY());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        int added = 0;
        for (Series s : series) {
            double[][] xy = filter(s.x(), s.y(), axes.logX(), axes.logY());
            if (xy[0].length == 0) {
                continue;
            }
            XYSeries xs = chart.addSeries(s.name(), xy[0], xy[1]);
            switch (s.style()) {
                case LINE -> xs.setMarker(SeriesMarkers.NONE);
                case MARKERS, SCATTER -> xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                case STEP -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
                    xs.setMarker(SeriesMarkers.NONE);
                }
                case LINE_MARKERS -> {
                }
            }
            added++;
        }
        if (added == 0) {
            chart.addSeries("(no data)", new double[] {1}, new double[] {1}).setMarker(SeriesMarkers.NONE);
        }
        return save(dir, name, axes.title(), chart);
    }

    /** A line chart. */
    public static Plot line(Path dir, String name, Axes axes, List<Series> series) {
        return xy(dir, name, axes, series);
    }

    /**
     * Histograms of samples on a common grid of {@code bins} bins over [lo, hi], drawn as steps; each is
     * normalised to a density (integral 1 over [lo, hi]) so series of different sizes compare.
     */
    public static Plot histogram(Path dir, String name, Axes axes, List<String> names, List<double[]> samples,
            int bins, double lo, double hi) {
        List<Series> series = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            double[] counts = counts(samples.get(k), bins, lo, hi);
            series.add(histogramSeries(names.get(k), counts, lo, hi));
        }
        return xy(dir, name, axes, series);
    }

    /** A step series from bin counts over [lo, hi], normalised to a density. */
    public static Series histogramSeries(String name, double[] counts, double lo, double hi) {
        int bins = counts.length;
        double w = (hi - lo) / bins;
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] x = new double[bins + 1];
        double[] y = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            x[i] = lo + i * w;
            y[i] = total == 0 ? 0 : counts[Math.min(i, bins - 1)] / (total * w);
        }
        return new Series(name, x, y, Style.STEP);
    }

    /** Counts of samples in {@code bins} equal bins over [lo, hi] (values outside are clamped to the end bins). */
    public static double[] counts(double[] samples, int bins, double lo, double hi) {
        if (bins < 1 || !(hi > lo)) {
            throw new IllegalArgumentException("bins must be >= 1 and hi > lo, got bins=" + bins + " lo=" + lo + " hi=" + hi);
        }
        double[] c = new double[bins];
        double w = (hi - lo) / bins;
        for (double v : samples) {
            int i = (int) Math.floor((v - lo) / w);
            c[Math.max(0, Math.min(bins - 1, i))]++;
        }
        return c;
    }

    private static double[][] filter(double[] x, double[] y, boolean logX, boolean logY) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep(x[i], logX) && keep(y[i], logY)) {
                n++;
            }
        }
        double[] fx = new double[n];
        double[] fy = new double[n];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (keep(x[i], logX) && keep(y[i], logY)) {
                fx[j] = x[i];
                fy[j++] = y[i];
            }
        }
        return new double[][] {fx, fy};
    }

    private static boolean keep(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static Plot save(Path dir, String name, String title, XYChart chart) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(name + ".png");
            Path svg = dir.resolve(name + ".svg");
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return new Plot(name, title, png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save plot " + name + ": " + e.getMessage(), e);
        }
    }
}
