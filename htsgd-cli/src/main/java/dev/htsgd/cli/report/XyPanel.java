package dev.htsgd.cli.report;

import dev.htsgd.cli.report.Plots.Axes;
import dev.htsgd.cli.report.Plots.Band;
import dev.htsgd.cli.report.Plots.Guide;
import dev.htsgd.cli.report.Plots.Panel;
import dev.htsgd.cli.report.Plots.Series;
import dev.htsgd.cli.report.Plots.Style;
import java.awt.Color;
import java.awt.Shape;
import java.util.Map;
import org.jfree.chart.LegendItem;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One panel of an XY figure of {@link Plots}: its series (each with its own renderer: lines, markers with error
 * bars, steps, scatter), its guides (reference lines) and bands (shaded intervals of x), and its title.
 */
final class XyPanel {

    private XyPanel() {
    }

    /** The panel on the axes x (null: the shared axis of a combined plot) and y; guide and band keys go to extra. */
    static XYPlot panel(Panel pn, Axes axes, ValueAxis x, ValueAxis y, FigureStyle style, int[] nextColour,
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
                if (Plots.keep(xi, axes.logX()) && Plots.keep(yi, axes.logY())) {
                    double lo = s.low()[i];
                    double hi = s.high()[i];
                    // on a log axis a lower end <= 0 has no place: the bar then starts at the point
                    lo = Double.isFinite(lo) && Plots.keep(lo, axes.logY()) ? Math.min(lo, yi) : yi;
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
            if (Plots.keep(xi, axes.logX()) && Plots.keep(yi, axes.logY())) {
                xs.add(xi, yi);
                n++;
            } else if (gaps && Plots.keep(xi, axes.logX())) {
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
}
