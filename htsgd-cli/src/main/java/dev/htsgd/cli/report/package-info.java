/**
 * Output of the command line: numbers as they are printed and parsed ({@link dev.htsgd.cli.report.Numbers},
 * {@link dev.htsgd.cli.report.JsonValues}), figures (JFreeChart, PNG and SVG, one {@link dev.htsgd.cli.report.FigureStyle}; the kinds of figure in
 * {@link dev.htsgd.cli.report.Figures}) and the self-contained HTML report. The run
 * directory itself (atomic, resumable, with provenance) is {@link dev.htsgd.run.RunDirectory}.
 */
package dev.htsgd.cli.report;
