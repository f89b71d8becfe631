package dev.htsgd.cli.report;

import dev.htsgd.run.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained {@code report.html}: headings, text, tables of measured numbers beside the theory's
 * predictions and the published values, and plots embedded as base64 PNG (no external files, scripts or
 * fonts, so it opens anywhere and survives being mailed). Build it in order, then {@link #write(Path)}.
 */
public final class HtmlReport {

    private final String title;
    private final List<String> body = new ArrayList<>();

    private HtmlReport(String title) {
        this.title = title;
    }

    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    public HtmlReport heading(String text) {
        body.add("<h2>" + escape(text) + "</h2>");
        return this;
    }

    /**
     * A section: its heading, then two short paragraphs, what its figure shows and what the theory predicts, so a
     * reader knows what to look for before the tables and figures.
     */
    public HtmlReport section(String heading, String shows, String predicts) {
        heading(heading);
        body.add("<p class=\"lead\"><b>The figure shows</b> " + escape(shows) + "</p>");
        body.add("<p class=\"lead\"><b>The theory predicts</b> " + escape(predicts) + "</p>");
        return this;
    }

    public HtmlReport subheading(String text) {
        body.add("<h3>" + escape(text) + "</h3>");
        return this;
    }

    /** The closing paragraph of a simulation's section: its wall-clock time in seconds. */
    public HtmlReport simulationTime(double seconds) {
        return paragraph(String.format(Locale.ROOT, "Simulation time %.1f s.", seconds));
    }

    /** A paragraph of plain text (escaped). */
    public HtmlReport paragraph(String text) {
        body.add("<p>" + escape(text) + "</p>");
        return this;
    }

    /**
     * The command line that computes a setting alone, under its table (a reproduce target's {@code settings[i]
     * .command}): a paragraph with the command in code style.
     */
    public HtmlReport command(String label, String commandLine) {
        body.add("<p class=\"command\">" + (label == null ? "" : escape(label) + ": ") + "<code>" + escape(commandLine)
                + "</code></p>");
        return this;
    }

    /** A paragraph in a highlighted box, e.g. a verdict or a warning. */
    public HtmlReport note(String text) {
        body.add("<p class=\"note\">" + escape(text) + "</p>");
        return this;
    }

    /**
     * The command line that recomputes what the table above shows (a reproduce setting), as a paragraph in code
     * style, so a reader can rerun one setting alone.
     */
    public HtmlReport command(String commandLine) {
        return command(null, commandLine);
    }

    /** A table; doubles are shown with 4 significant digits, null as an empty cell. */
    public HtmlReport table(String caption, List<String> header, List<? extends List<?>> rows) {
        StringBuilder sb = new StringBuilder("<table>");
        if (caption != null) {
            sb.append("<caption>").append(escape(caption)).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (String h : header) {
            sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<?> r : rows) {
            sb.append("<tr>");
            for (Object c : r) {
                sb.append(c instanceof Number ? "<td class=\"num\">" : "<td>").append(escape(format(c))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        body.add(sb.toString());
        return this;
    }

    /** A two-column key/value table. */
    public HtmlReport keyValues(String caption, Map<String, ?> values) {
        List<List<?>> rows = new ArrayList<>();
        values.forEach((k, v) -> rows.add(List.of(k, v == null ? "" : v)));
        return table(caption, List.of("key", "value"), rows);
    }

    /** A plot embedded as a base64 PNG, with a caption and a link to the SVG beside the report. */
    public HtmlReport plot(Plot plot, String caption) {
        try {
            String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(plot.png()));
            body.add("<figure><img alt=\"" + escape(plot.title()) + "\" src=\"data:image/png;base64," + b64 + "\">"
                    + "<figcaption>" + escape(caption == null ? plot.title() : caption)
                    + " <span class=\"files\">(plots/" + escape(plot.name()) + ".png, .svg)</span></figcaption></figure>");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed plot " + plot.png() + ": " + e.getMessage(), e);
        }
    }

    /** The provenance of the run, as a table at the end of the report. */
    public HtmlReport provenance(Provenance p) {
        heading("Provenance");
        keyValues("options (config.yaml; rerun with --config config.yaml)", p.options());
        return keyValues("environment", p.environment());
    }

    /** Formats a cell: doubles to 4 significant digits ({@link Numbers#sig(double)}), null as empty. */
    public static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double || c instanceof Float) {
            return Numbers.sig(((Number) c).doubleValue());
        }
        return String.valueOf(c);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The whole document. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>")
                .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}")
                .append("h1{border-bottom:2px solid #446}h2{margin-top:1.6em;color:#335}")
                .append("table{border-collapse:collapse;margin:1em 0}caption{text-align:left;font-weight:bold;padding:.3em 0}")
                .append("th,td{border:1px solid #bbb;padding:.25em .6em}th{background:#eef}td.num{text-align:right;font-family:monospace}")
                .append("figure{margin:1em 0}img{max-width:100%;border:1px solid #ddd}figcaption{font-size:.9em;color:#555}")
                .append(".command code{background:#f3f3f7;padding:.2em .4em;font-size:.85em;word-break:break-all}")
                .append(".lead{margin:.3em 0}.files{color:#999}.note{background:#f6f6e8;border-left:4px solid #cc9;padding:.5em}")
                .append("</style></head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (String b : body) {
            sb.append(b).append('\n');
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    /** Writes the report to {@code file} (normally {@code report.html} in the run directory). */
    public Path write(Path file) {
        try {
            Files.writeString(file, html(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
