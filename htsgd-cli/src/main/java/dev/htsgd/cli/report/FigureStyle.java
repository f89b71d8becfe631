package dev.htsgd.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import java.util.Map;

/**
 * The one look of every figure htsgd draws: font, line width, marker size, the colour cycle, the figure size
 * (inches) and the resolution of the PNG. The defaults suit a report page and a paper column alike (6.4 x 4.4 in,
 * 10 pt DejaVu Sans, 150 dpi); each can be changed without touching a figure through the environment variables
 * {@code HTSGD_PLOT_WIDTH} and {@code HTSGD_PLOT_HEIGHT} (inches), {@code HTSGD_PLOT_DPI},
 * {@code HTSGD_PLOT_FONT}, {@code HTSGD_PLOT_FONT_SIZE} (points) and {@code HTSGD_PLOT_LINE_WIDTH} (points), or
 * the same names as system properties in lower case with dots ({@code htsgd.plot.dpi}).
 *
 * @param font font family
 * @param fontSize base font size in points (tick labels; titles are larger)
 * @param lineWidth width of data lines in points
 * @param markerSize marker diameter in points
 * @param width figure width in inches (SVG in points = 72 x inches)
 * @param height figure height in inches, of one panel
 * @param dpi pixels per inch of the PNG
 */
public record FigureStyle(String font, float fontSize, float lineWidth, float markerSize, double width, double height,
        int dpi) {

    /**
     * Colour-blind-safe cycle (Okabe and Ito): blue, vermillion, bluish green, orange, reddish purple, sky blue,
     * yellow, black. Series of one setting share one index.
     */
    static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xB8A800), Color.BLACK};

    /** Grey for reference lines (basin boundaries, minima) and their labels. */
    static final Color GUIDE = new Color(0x555555);

    /** The defaults. */
    public static final FigureStyle DEFAULT = new FigureStyle("DejaVu Sans", 10f, 1.5f, 6f, 6.4, 4.4, 150);

    public FigureStyle {
        if (!(fontSize > 0) || !(lineWidth > 0) || !(markerSize > 0) || !(width > 0) || !(height > 0) || dpi < 10) {
            throw new IllegalArgumentException("figure style out of range: font size " + fontSize + ", line width "
                    + lineWidth + ", marker size " + markerSize + ", size " + width + " x " + height + " in, dpi " + dpi);
        }
    }

    /** The defaults with what the environment (or system properties) set. */
    public static FigureStyle current() {
        return fromSettings(System.getenv(), System.getProperties());
    }

    static FigureStyle fromSettings(Map<String, String> env, java.util.Properties props) {
        FigureStyle d = DEFAULT;
        return new FigureStyle(setting(env, props, "FONT", d.font), (float) number(env, props, "FONT_SIZE", d.fontSize),
                (float) number(env, props, "LINE_WIDTH", d.lineWidth), d.markerSize, number(env, props, "WIDTH", d.width),
                number(env, props, "HEIGHT", d.height), (int) number(env, props, "DPI", d.dpi));
    }

    private static String setting(Map<String, String> env, java.util.Properties props, String key, String fallback) {
        String v = props.getProperty("htsgd.plot." + key.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (v == null) {
            v = env.get("HTSGD_PLOT_" + key);
        }
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static double number(Map<String, String> env, java.util.Properties props, String key, double fallback) {
        String v = setting(env, props, key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("HTSGD_PLOT_" + key + " must be a number, got '" + v + "'");
        }
    }

    /** Width and height of a figure of {@code panels} stacked panels, in points. */
    double widthPoints() {
        return width * 72;
    }

    double heightPoints(int panels) {
        // stacked panels share the x axis, the title and the legend, so each needs less than a whole figure
        return height * 72 * (panels <= 1 ? 1 : 0.3 + 0.42 * panels);
    }

    Font tickFont() {
        return new Font(font, Font.PLAIN, Math.round(fontSize));
    }

    Font labelFont() {
        return new Font(font, Font.PLAIN, Math.round(fontSize * 1.1f));
    }

    Font titleFont() {
        return new Font(font, Font.BOLD, Math.round(fontSize * 1.25f));
    }

    Font smallFont() {
        return new Font(font, Font.PLAIN, Math.round(fontSize * 0.85f));
    }

    /** The colour of setting {@code i} (cycling). */
    static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A colour made translucent, for shaded bands and bars behind markers. */
    static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    Stroke line() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    Stroke dashed() {
        return new BasicStroke(lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {4 * lineWidth, 2.5f * lineWidth}, 0f);
    }

    Stroke thin() {
        return new BasicStroke(Math.max(0.5f, lineWidth * 0.6f));
    }

    Stroke guide(boolean dashed) {
        float w = Math.max(0.6f, lineWidth * 0.7f);
        return dashed ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3 * w, 3 * w}, 0f)
                : new BasicStroke(w);
    }

    /** Marker shapes by index: circle, square, triangle, diamond (centred on the origin). */
    Shape marker(int i) {
        double s = markerSize;
        double h = s / 2;
        return switch (Math.floorMod(i, 4)) {
            case 0 -> new Ellipse2D.Double(-h, -h, s, s);
            case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, s * 0.9, s * 0.9);
            case 2 -> polygon(new double[] {0, h, -h}, new double[] {-h * 1.1, h * 0.8, h * 0.8});
            default -> polygon(new double[] {0, h, 0, -h}, new double[] {-h * 1.2, 0, h * 1.2, 0});
        };
    }

    /** A small dot for dense scatter plots. */
    Shape dot() {
        double s = Math.max(1.5, markerSize * 0.35);
        return new Ellipse2D.Double(-s / 2, -s / 2, s, s);
    }

    private static Shape polygon(double[] x, double[] y) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < x.length; i++) {
            p.lineTo(x[i], y[i]);
        }
        p.closePath();
        return p;
    }
}
