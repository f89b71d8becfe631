package dev.htsgd.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * The figures of a run (JFreeChart), each saved as {@code plots/NAME.png} and {@code plots/NAME.svg} in the one
 * {@link FigureStyle}: XY plots of lines, markers with error bars, steps and scatter on linear or log axes
 * ({@link #xy}), stacked small multiples sharing the x axis ({@link #panels}), grouped bars with markers
 * ({@link #groupedBars}) and density histograms ({@link #histogram}). A series carries its colour index, so the
 * measured markers and the theory line of one setting share a colour; {@link Guide}s are reference lines (minima,
 * basin boundaries), {@link Band}s shaded intervals of x. Log axes run over whole decades with ticks
 * 10&sup1;, 10&sup2;, ...; data a log axis cannot show (x or y &lt;= 0) is left out, as a gap in a line. Runs
 * headless.
 */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** How a series is drawn. */
    public enum Style { LINE, DASHED, MARKERS, OPEN_MARKERS, LINE_MARKERS, STEP, SCATTER }

    /**
     * One named series.
     *
     * @param colour palette index ({@code -1}: the next free one in order)
     * @param shape marker shape index ({@code -1}: the colour's)
     * @param low lower ends of error bars, or null
     * @param high upper ends of error bars, or null
     * @param legend whether it has a legend entry
     */
    public record Series(String name, double[] x, double[] y, Style style, int colour, int shape, double[] low,
            double[] high, boolean legend) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": x and y differ in length (" + x.length + " vs " + y.length + ")");
            }
            if ((low == null) != (high == null) || low != null && (low.length != x.length || high.length != x.length)) {
                throw new IllegalArgumentException("series " + name + ": error bars need low and high of the data's length");
            }
        }

        public Series(String name, double[] x, double[] y, Style style) {
            this(name, x, y, style, -1, -1, null, null, true);
        }

        public static Series line(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.LINE);
        }

        public static Series markers(String name, double[] x, double[] y) {
            return new Series(name, x, y, Style.MARKERS);
        }

        /** The same series in palette colour {@code c}. */
        public Series colour(int c) {
            return new Series(name, x, y, style, c, shape, low, high, legend);
        }

        /** The same series with marker shape {@code s}. */
        public Series shape(int s) {
            return new Series(name, x, y, style, colour, s, low, high, legend);
        }

        /** The same series with error bars from {@code lo} to {@code hi}. */
        public Series errors(double[] lo, double[] hi) {
            return new Series(name, x, y, style, colour, shape, lo, hi, legend);
        }

        /** The same series drawn as {@code s}. */
        public Series style(Style s) {
            return new Series(name, x, y, s, colour, shape, low, high, legend);
        }

        /** The same series without a legend entry. */
        public Series unlisted() {
            return new Series(name, x, y, style, colour, shape, low, high, false);
        }
    }

    /**
     * A reference line at {@code at} on x ({@code vertical}) or y, grey, solid or dashed, with an optional small
     * label beside it; guides of one {@code kind} (e.g. "basin boundaries (maxima)") share one legend entry.
     */
    public record Guide(double at, boolean vertical, String label, boolean dashed, String kind) {
        public static Guide vertical(double at, String label, boolean dashed, String kind) {
            return new Guide(at, true, label, dashed, kind);
        }

        public static Guide horizontal(double at, String label, boolean dashed, String kind) {
            return new Guide(at, false, label, dashed, kind);
        }
    }

    /** A shaded interval [lo, hi] of x in palette colour {@code colour}; bands of one label share a legend entry. */
    public record Band(double lo, double hi, String label, int colour) {
    }

    /** One panel of a figure: its series, guides and bands, and a title written in its corner (or null). */
    public record Panel(String title, List<Series> series, List<Guide> guides, List<Band> bands) {
        public static Panel of(String title, List<Series> series) {
            return new Panel(title, series, List.of(), List.of());
        }

        public Panel withGuides(List<Guide> g) {
            return new Panel(title, series, g, bands);
        }

        public Panel withBands(List<Band> b) {
            return new Panel(title, series, guides, b);
        }
    }

    /**
     * Axes of a chart; {@code xRange} and {@code yRange} (min, max) fix an axis to a known domain (the landscape's
     * interval, say), null fits it to the data; {@code wholeY} puts y ticks on whole numbers only (counts, l*).
     */
    public record Axes(String title, String xLabel, String yLabel, boolean logX, boolean logY, double[] xRange,
            double[] yRange, boolean wholeY) {
        public Axes(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
            this(title, xLabel, yLabel, logX, logY, null, null, false);
        }

        public static Axes linear(String title, String xLabel, String yLabel) {
            return new Axes(title, xLabel, yLabel, false, false);
        }

        public static Axes logLog(String title, String xLabel, String yLabel) {
            return new Axes(title, xLabel, yLabel, true, true);
        }

        public Axes withLogY() {
            return new Axes(title, xLabel, yLabel, logX, true, xRange, yRange, wholeY);
        }

        /** The same axes with x fixed to [lo, hi]. */
        public Axes withXRange(double lo, double hi) {
            return new Axes(title, xLabel, yLabel, logX, logY, new double[] {lo, hi}, yRange, wholeY);
        }

        /** The same axes with y fixed to [lo, hi]. */
        public Axes withYRange(double lo, double hi) {
            return new Axes(title, xLabel, yLabel, logX, logY, xRange, new double[] {lo, hi}, wholeY);
        }

        /** The same axes with y ticks on whole numbers. */
        public Axes withWholeY() {
            return new Axes(title, xLabel, yLabel, logX, logY, xRange, yRange, true);
        }
    }

    /** One group member of a grouped bar chart: a value per category, in palette colour {@code colour}. */
    public record Bars(String name, double[] values, int colour) {
    }

    /**
     * Markers over the bars of a grouped bar chart, e.g. a theory's prediction: {@code values[bar][category]}, a
     * null row for a bar without one; one legend entry, in black, marker shape {@code shape}, open or filled.
     */
    public record Marks(String name, double[][] values, int shape, boolean open) {
    }

    private Plots() {
    }

    /** An XY chart of the given series, saved under {@code dir} as NAME.png and NAME.svg. */
    public static dev.htsgd.cli.report.Plot xy(Path dir, String name, Axes axes, List<Series> series) {
        return xy(dir, name, axes, Panel.of(null, series));
    }

    /** An XY chart of one panel (series, guides, bands). */
    public static dev.htsgd.cli.report.Plot xy(Path dir, String name, Axes axes, Panel panel) {
        return panels(dir, name, axes, List.of(panel));
    }

    /** A line chart. */
    public static dev.htsgd.cli.report.Plot line(Path dir, String name, Axes axes, List<Series> series) {
        return xy(dir, name, axes, series);
    }

    /**
     * Small multiples: the panels stacked under one another over one shared x axis, each with its own y axis
     * (the same label and, on a log axis, the same decades) and its title in the corner; one legend.
     */
    public static dev.htsgd.cli.report.Plot panels(Path dir, String name, Axes axes, List<Panel> panels) {
        FigureStyle style = FigureStyle.current();
        List<Series> all = panels.stream().flatMap(p -> p.series().stream()).toList();
        ValueAxis x = Ticks.axis(axes.xLabel(), axes.logX(), Ticks.extent(all, true, axes.logX(), axes.logY()), style, false);
        double[] yRange = Ticks.extent(all, false, axes.logX(), axes.logY());
        if (axes.xRange() != null) {
            x.setRange(axes.xRange()[0], axes.xRange()[1]);
        }
        Map<String, LegendItem> extra = new LinkedHashMap<>();
        int[] nextColour = {0};
        Plot plot;
        if (panels.size() == 1) {
            plot = XyPanel.panel(panels.get(0), axes, x, yAxis(axes, yRange, style), style, nextColour, extra);
        } else {
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
            combined.setGap(6);
            for (Panel pn : panels) {
                // the same y range in every panel, so the panels compare at a glance
                combined.add(XyPanel.panel(pn, axes, null, yAxis(axes, yRange, style), style, nextColour, extra), 1);
            }
            plot = combined;
        }
        JFreeChart chart = chart(axes.title(), plot, style);
        if (!extra.isEmpty() || plot instanceof CombinedDomainXYPlot) {
            LegendItemCollection items = new LegendItemCollection();
            List<String> seen = new ArrayList<>();
            for (LegendItem li : iterable(plot.getLegendItems())) {
                if (!seen.contains(li.getLabel())) {
                    seen.add(li.getLabel());
                    items.add(li);
                }
            }
            extra.values().forEach(items::add);
            setFixedLegend(plot, items);
        }
        FigureFile.style(chart, style);
        return FigureFile.save(chart, dir, name, axes.title(), style, panels.size());
    }

    private static ValueAxis yAxis(Axes axes, double[] dataRange, FigureStyle style) {
        ValueAxis y = Ticks.axis(axes.yLabel(), axes.logY(), dataRange, style, true);
        if (axes.yRange() != null) {
            y.setRange(axes.yRange()[0], axes.yRange()[1]);
        }
        if (axes.wholeY() && y instanceof NumberAxis a) {
            a.setStandardTickUnits(NumberAxis.createIntegerTickUnits(java.util.Locale.ROOT));
        }
        return y;
    }

    private static void setFixedLegend(Plot plot, LegendItemCollection items) {
        if (plot instanceof CombinedDomainXYPlot c) {
            c.setFixedLegendItems(items);
        } else if (plot instanceof XYPlot p) {
            p.setFixedLegendItems(items);
        }
    }

    private static Iterable<LegendItem> iterable(LegendItemCollection c) {
        List<LegendItem> l = new ArrayList<>();
        for (int i = 0; i < c.getItemCount(); i++) {
            l.add(c.get(i));
        }
        return l;
    }

    static boolean keep(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /**
     * Grouped bars: one group per category, one bar per {@link Bars} in its colour, and the {@link Marks} drawn
     * over the bars they belong to. The y axis starts at 0.
     */
    public static dev.htsgd.cli.report.Plot groupedBars(Path dir, String name, Axes axes, List<String> categories,
            List<Bars> bars, List<Marks> marks) {
        return GroupedBars.draw(dir, name, axes, categories, bars, marks);
    }

    static JFreeChart chart(String title, Plot plot, FigureStyle style) {
        return new JFreeChart(title, style.titleFont(), plot, true);
    }

    /**
     * Histograms of samples on a common grid of {@code bins} bins over [lo, hi], drawn as steps; each is
     * normalised to a density (integral 1 over [lo, hi]) so series of different sizes compare.
     */
    public static dev.htsgd.cli.report.Plot histogram(Path dir, String name, Axes axes, List<String> names,
            List<double[]> samples, int bins, double lo, double hi) {
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
}
