package dev.htsgd.cli.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/**
 * Axes with round tick labels: a linear axis takes JFreeChart's standard units (1, 2, 2.5, 5 x 10^k), so a tick
 * never reads 0.101125; a log axis runs from the decade at or below the data to the one at or above it, with a
 * labelled tick at every decade (every second or more when there are many) written 10&sup2;, 10&sup3; and
 * unlabelled minor ticks at 2..9 times each decade.
 */
final class Ticks {

    private Ticks() {
    }

    /**
     * An axis labelled {@code label} over the data range {@code range} (min, max; null for no data).
     *
     * @param vertical whether it is a y axis (a linear one then does not force 0 in)
     */
    static ValueAxis axis(String label, boolean log, double[] range, FigureStyle style, boolean vertical) {
        ValueAxis axis;
        if (log) {
            double lo = range == null ? 1 : range[0];
            double hi = range == null ? 10 : range[1];
            // 5% of the span (at least a factor 1.15) beyond the data at either end, in log space
            double pad = Math.max(Math.log10(1.15), 0.05 * Math.log10(hi / lo));
            DecadeAxis a = new DecadeAxis(label);
            a.setRange(lo / Math.pow(10, pad), hi * Math.pow(10, pad));
            axis = a;
        } else {
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
            a.setStandardTickUnits(NumberAxis.createStandardTickUnits(java.util.Locale.ROOT));
            if (range != null && range[1] > range[0]) {
                double pad = vertical ? 0.05 * (range[1] - range[0]) : 0;
                a.setRange(range[0] - pad, range[1] + pad);
            } else if (range != null) {
                double w = Math.max(Math.abs(range[0]) * 0.1, 1e-9);
                a.setRange(range[0] - w, range[0] + w);
            }
            axis = a;
        }
        axis.setLabelFont(style.labelFont());
        axis.setTickLabelFont(style.tickFont());
        axis.setAxisLineVisible(true);
        return axis;
    }

    /**
     * The range (min, max) of the x ({@code ofX}) or y values of the series that an axis of the given kinds can
     * show, error bars included; null when there are none.
     */
    static double[] extent(List<Plots.Series> series, boolean ofX, boolean logX, boolean logY) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Plots.Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                if (!Plots.keep(x, logX) || !Plots.keep(y, logY)) {
                    continue;
                }
                double v = ofX ? x : y;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
                if (!ofX && s.low() != null) {
                    if (Plots.keep(s.low()[i], logY)) {
                        lo = Math.min(lo, s.low()[i]);
                    }
                    if (Double.isFinite(s.high()[i])) {
                        hi = Math.max(hi, s.high()[i]);
                    }
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** Unicode superscript digits and minus, which DejaVu and every browser font have. */
    private static final String SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

    /** 10 with its exponent as superscript, e.g. 10&sup3; or 10&#x207b;&sup2;. */
    static String powerOfTen(int exponent) {
        StringBuilder sb = new StringBuilder("10");
        String digits = Integer.toString(Math.abs(exponent));
        if (exponent < 0) {
            sb.append('\u207b');
        }
        for (char ch : digits.toCharArray()) {
            sb.append(SUPERSCRIPTS.charAt(ch - '0'));
        }
        return sb.toString();
    }

    /**
     * A log axis (base 10) whose ticks are chosen here rather than by JFreeChart's log tick units (which give
     * 10^1.2-style labels): over more than about a decade, a labelled tick at every decade (every n-th past 8
     * decades) and unlabelled minor ticks at 2..9 times it; over a narrower range, labels at 1, 2 and 5 times
     * the decades too, so there are always at least two labelled ticks.
     */
    static final class DecadeAxis extends LogAxis {

        private static final long serialVersionUID = 1L;

        DecadeAxis(String label) {
            super(label);
            setBase(10);
            setNumberFormatOverride(new PowerOfTen());
            setMinorTickMarksVisible(true);
        }

        @Override
        protected List<org.jfree.chart.axis.Tick> refreshTicksHorizontal(java.awt.Graphics2D g2,
                java.awt.geom.Rectangle2D dataArea, org.jfree.chart.ui.RectangleEdge edge) {
            return ticks(edge);
        }

        @Override
        protected List<org.jfree.chart.axis.Tick> refreshTicksVertical(java.awt.Graphics2D g2,
                java.awt.geom.Rectangle2D dataArea, org.jfree.chart.ui.RectangleEdge edge) {
            return ticks(edge);
        }

        private List<org.jfree.chart.axis.Tick> ticks(org.jfree.chart.ui.RectangleEdge edge) {
            double lo = getLowerBound();
            double hi = getUpperBound();
            int e0 = (int) Math.floor(Math.log10(lo));
            int e1 = (int) Math.ceil(Math.log10(hi));
            double span = Math.log10(hi / lo);
            int every = Math.max(1, (int) Math.ceil((e1 - e0) / 8.0));
            boolean narrow = span < 1.3;
            org.jfree.chart.ui.TextAnchor anchor = edge == org.jfree.chart.ui.RectangleEdge.TOP ? org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER
                    : edge == org.jfree.chart.ui.RectangleEdge.BOTTOM ? org.jfree.chart.ui.TextAnchor.TOP_CENTER
                    : edge == org.jfree.chart.ui.RectangleEdge.LEFT ? org.jfree.chart.ui.TextAnchor.CENTER_RIGHT
                    : org.jfree.chart.ui.TextAnchor.CENTER_LEFT;
            List<org.jfree.chart.axis.Tick> ticks = new java.util.ArrayList<>();
            for (int e = e0; e <= e1; e++) {
                double decade = Math.pow(10, e);
                for (int m = 1; m <= 9; m++) {
                    double v = m * decade;
                    if (v < lo * (1 - 1e-9) || v > hi * (1 + 1e-9)) {
                        continue;
                    }
                    boolean major = m == 1 && Math.floorMod(e, every) == 0 || narrow && (m == 2 || m == 5);
                    if (!major && (every > 1 || span > 8)) {
                        continue; // minor ticks only where they can be told apart
                    }
                    String text = !major ? "" : narrow ? Numbers.sig(v, 3) : powerOfTen(e);
                    ticks.add(new org.jfree.chart.axis.NumberTick(major ? org.jfree.chart.axis.TickType.MAJOR
                            : org.jfree.chart.axis.TickType.MINOR, v, text, anchor, anchor, 0.0));
                }
            }
            return ticks;
        }
    }

    /** Tick labels of a log axis: powers of ten as 10^k, anything else to its meaningful digits. */
    static final class PowerOfTen extends NumberFormat {

        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
            double e = Math.log10(v);
            long k = Math.round(e);
            return to.append(v > 0 && Math.abs(e - k) < 1e-9 ? powerOfTen((int) k) : Numbers.sig(v, 3));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return null;
        }
    }
}
