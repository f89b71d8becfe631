package dev.htsgd.cli.report;

import dev.htsgd.run.Provenance;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path tmp;

    @Test
    void plotsAreSavedAsPngAndSvgAndEmbeddedInTheReport() throws Exception {
        Plot p = Plots.xy(tmp, "loglog", Plots.Axes.logLog("t", "1/eta", "steps"),
                List.of(Plots.Series.markers("measured", new double[] {10, 100, 0}, new double[] {5, 50, 1}),
                        Plots.Series.line("theory", new double[] {10, 100}, new double[] {4, 60})));
        Plot h = Plots.histogram(tmp, "hist", Plots.Axes.linear("h", "x", "density"), List.of("a"),
                List.of(new double[] {0.1, 0.2, 0.2, 0.9}), 10, 0, 1);
        byte[] png = Files.readAllBytes(p.png());
        assertThat(png[1]).isEqualTo((byte) 'P');
        assertThat(Files.readString(p.svg())).contains("<svg");
        Path html = HtmlReport.titled("Report <1>")
                .heading("A").paragraph("x < y & z")
                .table("numbers", List.of("what", "measured"), List.of(List.of("slope", 1.23456789), List.of("p", 6.61e-7)))
                .plot(p, null).plot(h, "histogram")
                .provenance(Provenance.of("test", Map.of("eta", 0.1), 1))
                .write(tmp.resolve("report.html"));
        String s = Files.readString(html);
        assertThat(s).contains("<title>Report &lt;1&gt;</title>").contains("x &lt; y &amp; z")
                .contains("1.235").contains("6.61e-7").contains("data:image/png;base64,")
                .doesNotContain("src=\"plots/");
    }

    /** Log axes label whole decades as powers of ten, in the PNG's text layer and the SVG alike. */
    @Test
    void logAxesHaveRoundTicksAndFiguresComeAtTheStylesSizeAndDpi() throws Exception {
        List<Plots.Series> s = Figures.measuredAndTheory(0, "b = 0.5", List.of(new double[] {10, 150, 20},
                new double[] {1000, 1.2e6, 3e5}), x -> 2 * x * x);
        assertThat(s).hasSize(2);
        assertThat(s.get(1).x()[0]).isEqualTo(10);
        assertThat(s.get(1).x()[s.get(1).x().length - 1]).isCloseTo(1000, org.assertj.core.data.Offset.offset(1e-9));
        Plot p = Plots.xy(tmp, "exit", Plots.Axes.logLog("t", "1/eta", "steps"), s);
        String svg = Files.readString(p.svg());
        assertThat(svg).contains("10\u00b2".translateEscapes()).contains("10\u2076".translateEscapes())
                .doesNotContain("1E").doesNotContain("0.101125");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(p.png().toFile());
        FigureStyle d = FigureStyle.DEFAULT;
        assertThat(img.getWidth()).isEqualTo((int) Math.round(d.width() * d.dpi()));
        assertThat(Ticks.powerOfTen(-3)).isEqualTo("10\u207b\u00b3".translateEscapes());
    }

    @Test
    void styleSettingsComeFromTheEnvironment() {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("htsgd.plot.dpi", "300");
        FigureStyle s = FigureStyle.fromSettings(Map.of("HTSGD_PLOT_WIDTH", "3.3", "HTSGD_PLOT_DPI", "72"), props);
        assertThat(s.width()).isEqualTo(3.3);
        assertThat(s.dpi()).isEqualTo(300);
        assertThat(s.font()).isEqualTo(FigureStyle.DEFAULT.font());
    }

    @Test
    void smallMultiplesBarsAndBandsAreDrawn() throws Exception {
        Plot traj = Figures.trajectories(tmp, "traj", Plots.Axes.linear("t", "step", "x"), List.of("a", "b"),
                List.of(new double[] {1, 2, 3}, new double[] {1, 2, 3}), List.of(new double[] {0, 1, 0}, new double[] {1, 0, 1}),
                new double[] {0.5});
        Plot bars = Figures.basinFractions(tmp, "bars", Plots.Axes.linear("f", "basin", "fraction"), List.of("I_1", "I_2"),
                List.of("a", "b"), List.of(new double[] {0.3, 0.7}, new double[] {1, 0}),
                java.util.Arrays.asList(new double[] {0.25, 0.75}, null), java.util.Arrays.asList(null, null));
        Plot steps = Figures.stepsOverBands(tmp, "steps", Plots.Axes.linear("s", "b", "l*").withWholeY(),
                new double[] {0.1, 0.5, 1}, List.of("m1"), List.of(new double[] {3, 2, 1}), new int[] {0}, 0,
                List.of(new Plots.Band(0.4, 0.6, "recommended", Figures.RECOMMENDED)));
        for (Plot p : List.of(traj, bars, steps)) {
            assertThat(Files.size(p.png())).isGreaterThan(5_000);
            assertThat(Files.readString(p.svg())).contains("<svg");
        }
        assertThat(Files.readString(traj.svg())).contains(Figures.BOUNDARIES);
        assertThat(Files.readString(bars.svg())).contains("limiting chain: stationary law");
        assertThat(Files.readString(steps.svg())).contains("recommended");
    }

    @Test
    void histogramCountsClampToEndBins() {
        assertThat(Plots.counts(new double[] {-5, 0.05, 0.5, 0.99, 7}, 2, 0, 1)).containsExactly(2, 3);
    }

}
