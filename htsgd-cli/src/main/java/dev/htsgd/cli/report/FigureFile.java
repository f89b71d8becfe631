package dev.htsgd.cli.report;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Writes a chart in the {@link FigureStyle}: {@code NAME.svg} at the figure's size in points (vector, for a
 * paper) and {@code NAME.png} at the style's dpi (for the report), both drawn from the same chart, each written
 * to a temporary file and moved into place.
 */
final class FigureFile {

    private static final Color GRID = new Color(0xDDDDDD);

    private FigureFile() {
    }

    /** The common look: white background, light grid, legend at the bottom without a frame. */
    static void style(JFreeChart chart, FigureStyle style) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 16));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(style.titleFont());
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(style.tickFont());
            legend.setBackgroundPaint(Color.WHITE);
        }
        if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
            for (XYPlot p : c.getSubplots()) {
                plot(p);
            }
        } else if (chart.getPlot() instanceof XYPlot p) {
            plot(p);
        }
    }

    private static void plot(XYPlot p) {
        p.setBackgroundPaint(Color.WHITE);
        p.setDomainGridlinePaint(GRID);
        p.setRangeGridlinePaint(GRID);
        p.setDomainGridlineStroke(new java.awt.BasicStroke(0.5f));
        p.setRangeGridlineStroke(new java.awt.BasicStroke(0.5f));
        p.setOutlinePaint(Color.GRAY);
        p.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    static Plot save(JFreeChart chart, Path dir, String name, String title, FigureStyle style, int panels) {
        try {
            Files.createDirectories(dir);
            double w = style.widthPoints();
            double h = style.heightPoints(panels);
            Path png = dir.resolve(name + ".png");
            Path svg = dir.resolve(name + ".svg");
            writePng(chart, w, h, style.dpi(), png);
            writeSvg(chart, w, h, svg);
            return new Plot(name, title == null ? name : title, png, svg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save plot " + name + ": " + e.getMessage(), e);
        }
    }

    private static void writePng(JFreeChart chart, double w, double h, int dpi, Path file) throws IOException {
        double scale = dpi / 72.0;
        BufferedImage img = new BufferedImage((int) Math.round(w * scale), (int) Math.round(h * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g.dispose();
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
            writer.setOutput(out);
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            // the pHYs chunk, so a viewer or a typesetter knows the intended print size
            double mmPerPixel = 25.4 / dpi;
            IIOMetadataNode dim = new IIOMetadataNode("Dimension");
            IIOMetadataNode hs = new IIOMetadataNode("HorizontalPixelSize");
            hs.setAttribute("value", Double.toString(mmPerPixel));
            IIOMetadataNode vs = new IIOMetadataNode("VerticalPixelSize");
            vs.setAttribute("value", Double.toString(mmPerPixel));
            dim.appendChild(hs);
            dim.appendChild(vs);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
            root.appendChild(dim);
            meta.mergeTree("javax_imageio_1.0", root);
            writer.write(new IIOImage(img, null, meta));
        } finally {
            writer.dispose();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeSvg(JFreeChart chart, double w, double h, Path file) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, w, h));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            doc.writeTo(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
