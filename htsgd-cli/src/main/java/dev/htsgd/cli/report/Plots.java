package dev.htsgd.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

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
            plot = panel(panels.get(0), axes, x, yAxis(axes, yRange, style), style, nextColour, extra);
        } else {
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
            combined.setGap(6);
            for (Panel pn : panels) {
                // the same y range in every panel, so the panels compare at a glance
                combined.add(panel(pn, axes, null, yAxis(axes, yRange, style), style, nextColour, extra), 1);
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

    private static XYPlot panel(Panel pn, Axes axes, ValueAxis x, ValueAxis y, FigureStyle style, int[] nextColour,
            Map<String, LegendItem> extra) {
        XYPlot plot = new XYPlot();
        if (x != null) {
            plot.setDomainAxis(x);
        }
        plot.setRangeAxis(y);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        int k = 0;
        for (Series s : pn.series()) {
            int colour = s.colour() >= 0 ? s.colour() : nextColour[0]++;
            if (add(plot, k, s, colour, axes, style)) {
                k++;
            }
        }
        if (k == 0) {
            plot.setNoDataMessage("(no data)");
        }
        for (Guide g : pn.guides()) {
            ValueMarker m = new ValueMarker(g.at(), FigureStyle.GUIDE, style.guide(g.dashed()));
            if (g.label() != null) {
                m.setLabel(g.label());
                m.setLabelFont(style.smallFont());
                m.setLabelPaint(FigureStyle.GUIDE);
                m.setLabelAnchor(g.vertical() ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(g.vertical() ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
                m.setLabelOffset(new RectangleInsets(2, 2, 2, 2));
                m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            }
            if (g.vertical()) {
                plot.addDomainMarker(m, Layer.BACKGROUND);
            } else {
                plot.addRangeMarker(m, Layer.BACKGROUND);
            }
            if (g.kind() != null) {
                extra.computeIfAbsent(g.kind(), kind -> lineItem(kind, FigureStyle.GUIDE, style.guide(g.dashed())));
            }
        }
        for (Band b : pn.bands()) {
            Color c = FigureStyle.translucent(FigureStyle.colour(b.colour()), 0.18);
            IntervalMarker m = new IntervalMarker(b.lo(), b.hi(), c);
            m.setOutlinePaint(null);
            plot.addDomainMarker(m, Layer.BACKGROUND);
            if (b.label() != null) {
                extra.computeIfAbsent(b.label(), l -> {
                    LegendItem li = new LegendItem(l, null, null, null, new java.awt.geom.Rectangle2D.Double(-5, -5, 10, 10), c);
                    li.setLabelFont(style.tickFont());
                    return li;
                });
            }
        }
        if (pn.title() != null) {
            TextTitle t = new TextTitle(pn.title(), style.tickFont());
            t.setBackgroundPaint(new Color(255, 255, 255, 200));
            t.setPadding(1, 3, 1, 3);
            plot.addAnnotation(new XYTitleAnnotation(0.01, 0.98, t, RectangleAnchor.TOP_LEFT));
        }
        return plot;
    }

    private static LegendItem lineItem(String label, Color c, java.awt.Stroke stroke) {
        LegendItem li = new LegendItem(label, null, null, null, false, new java.awt.geom.Rectangle2D.Double(), false, c,
                false, c, stroke, true, new java.awt.geom.Line2D.Double(-9, 0, 9, 0), stroke, c);
        return li;
    }

    /** Adds series {@code s} as dataset {@code index} with its own renderer; false when none of it can be drawn. */
    private static boolean add(XYPlot plot, int index, Series s, int colour, Axes axes, FigureStyle style) {
        boolean gaps = s.style() == Style.LINE || s.style() == Style.DASHED || s.style() == Style.STEP
                || s.style() == Style.LINE_MARKERS;
        Color c = FigureStyle.colour(colour);
        Shape shape = s.style() == Style.SCATTER ? style.dot() : style.marker(s.shape() >= 0 ? s.shape() : colour);
        int n = 0;
        if (s.low() != null) {
            YIntervalSeries ys = new YIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double xi = s.x()[i];
                double yi = s.y()[i];
                if (keep(xi, axes.logX()) && keep(yi, axes.logY())) {
                    double lo = s.low()[i];
                    double hi = s.high()[i];
                    // on a log axis a lower end <= 0 has no place: the bar then starts at the point
                    lo = Double.isFinite(lo) && keep(lo, axes.logY()) ? Math.min(lo, yi) : yi;
                    hi = Double.isFinite(hi) ? Math.max(hi, yi) : yi;
                    ys.add(xi, yi, lo, hi);
                    n++;
                }
            }
            if (n == 0) {
                return false;
            }
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDrawXError(false);
            r.setDefaultLinesVisible(s.style() == Style.LINE_MARKERS);
            r.setDefaultShapesVisible(true);
            r.setCapLength(style.markerSize());
            r.setErrorStroke(style.thin());
            r.setErrorPaint(c);
            style(r, s, c, shape, style);
            plot.setDataset(index, new YIntervalSeriesCollection());
            ((YIntervalSeriesCollection) plot.getDataset(index)).addSeries(ys);
            plot.setRenderer(index, r);
            return true;
        }
        XYSeries xs = new XYSeries(s.name(), false, true);
        for (int i = 0; i < s.x().length; i++) {
            double xi = s.x()[i];
            double yi = s.y()[i];
            if (keep(xi, axes.logX()) && keep(yi, axes.logY())) {
                xs.add(xi, yi);
                n++;
            } else if (gaps && keep(xi, axes.logX())) {
                xs.add(xi, null); // a gap: the line does not bridge what the axis cannot show
            }
        }
        if (n == 0) {
            return false;
        }
        XYLineAndShapeRenderer r = switch (s.style()) {
            case STEP -> new XYStepRenderer();
            case LINE, DASHED -> new XYLineAndShapeRenderer(true, false);
            case LINE_MARKERS -> new XYLineAndShapeRenderer(true, true);
            case MARKERS, OPEN_MARKERS, SCATTER -> new XYLineAndShapeRenderer(false, true);
        };
        style(r, s, c, shape, style);
        plot.setDataset(index, new XYSeriesCollection(xs));
        plot.setRenderer(index, r);
        return true;
    }

    private static void style(XYLineAndShapeRenderer r, Series s, Color c, Shape shape, FigureStyle style) {
        Color paint = s.style() == Style.SCATTER ? FigureStyle.translucent(c, 0.45) : c;
        r.setSeriesPaint(0, paint);
        r.setSeriesStroke(0, s.style() == Style.DASHED ? style.dashed() : s.style() == Style.STEP ? style.thin() : style.line());
        r.setSeriesShape(0, shape);
        r.setDrawSeriesLineAsPath(true);
        if (s.style() == Style.OPEN_MARKERS) {
            r.setSeriesShapesFilled(0, false);
            r.setUseOutlinePaint(false);
            r.setDrawOutlines(true);
        }
        r.setSeriesVisibleInLegend(0, s.legend());
        r.setLegendTextFont(0, style.tickFont());
        if (s.style() == Style.SCATTER) {
            // a dot of the legend as large as a marker, or the key is invisible
            r.setLegendShape(0, style.marker(0));
        }
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
        FigureStyle style = FigureStyle.current();
        int m = Math.max(1, bars.size());
        double group = 0.8;
        double slot = group / m;
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYBarRenderer r = new XYBarRenderer();
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        double top = 0;
        for (int j = 0; j < bars.size(); j++) {
            Bars b = bars.get(j);
            XYIntervalSeries s = new XYIntervalSeries(b.name());
            for (int c = 0; c < categories.size(); c++) {
                double cx = c - group / 2 + (j + 0.5) * slot;
                double v = b.values()[c];
                if (Double.isFinite(v)) {
                    s.add(cx, cx - 0.45 * slot, cx + 0.45 * slot, v, 0, v);
                    top = Math.max(top, v);
                }
            }
            data.addSeries(s);
            r.setSeriesPaint(j, FigureStyle.colour(b.colour()));
            r.setLegendTextFont(j, style.tickFont());
        }
        XYPlot plot = new XYPlot();
        SymbolAxis x = new SymbolAxis(axes.xLabel(), categories.toArray(new String[0]));
        x.setRange(-0.5, categories.size() - 0.5);
        x.setGridBandsVisible(false);
        plot.setDomainAxis(x);
        plot.setDataset(0, data);
        plot.setRenderer(0, r);
        XYSeriesCollection markData = new XYSeriesCollection();
        XYLineAndShapeRenderer mr = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < marks.size(); k++) {
            Marks mk = marks.get(k);
            XYSeries s = new XYSeries(mk.name(), false, true);
            for (int j = 0; j < mk.values().length && j < bars.size(); j++) {
                double[] v = mk.values()[j];
                if (v == null) {
                    continue;
                }
                for (int c = 0; c < categories.size() && c < v.length; c++) {
                    if (Double.isFinite(v[c])) {
                        s.add(c - group / 2 + (j + 0.5) * slot, v[c]);
                        top = Math.max(top, v[c]);
                    }
                }
            }
            markData.addSeries(s);
            mr.setSeriesPaint(k, Color.BLACK);
            mr.setSeriesShape(k, style.marker(mk.shape()));
            mr.setSeriesShapesFilled(k, !mk.open());
            mr.setSeriesStroke(k, new BasicStroke(style.lineWidth() * 0.8f));
            mr.setLegendTextFont(k, style.tickFont());
        }
        mr.setUseOutlinePaint(false);
        mr.setDrawOutlines(true);
        plot.setDataset(1, markData);
        plot.setRenderer(1, mr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        NumberAxis y = (NumberAxis) Ticks.axis(axes.yLabel(), false, new double[] {0, top > 0 ? top : 1}, style, true);
        y.setRange(0, top > 0 ? top * 1.08 : 1);
        plot.setRangeAxis(y);
        JFreeChart chart = chart(axes.title(), plot, style);
        FigureFile.style(chart, style);
        return FigureFile.save(chart, dir, name, axes.title(), style, 1);
    }

    private static JFreeChart chart(String title, Plot plot, FigureStyle style) {
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
