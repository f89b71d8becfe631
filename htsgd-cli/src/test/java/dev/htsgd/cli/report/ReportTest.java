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
                .contains("1.235").contains("6.610e-07").contains("data:image/png;base64,")
                .doesNotContain("src=\"plots/");
    }

    @Test
    void histogramCountsClampToEndBins() {
        assertThat(Plots.counts(new double[] {-5, 0.05, 0.5, 0.99, 7}, 2, 0, 1)).containsExactly(2, 3);
    }

}
