package dev.htsgd.cli.report;

import dev.htsgd.cli.report.Plots.Axes;
import dev.htsgd.cli.report.Plots.Bars;
import dev.htsgd.cli.report.Plots.Marks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The grouped bar chart of {@link Plots#groupedBars}: one group per category, one bar per series, marks drawn over
 * the bars they belong to.
 */
final class GroupedBars {

    private GroupedBars() {
    }

    /** The chart saved under {@code dir} as NAME.png and NAME.svg; the y axis starts at 0. */
    static dev.htsgd.cli.report.Plot draw(Path dir, String name, Axes axes, List<String> categories,
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
        JFreeChart chart = Plots.chart(axes.title(), plot, style);
        FigureFile.style(chart, style);
        return FigureFile.save(chart, dir, name, axes.title(), style, 1);
    }
}
