/**
 * Output of a run: the run directory ({@link dev.htsgd.run.RunDirectory}: written to {@code NAME.partial},
 * renamed when finished, replaced only when it is an htsgd run), checkpoints for {@code --resume}, provenance,
 * progress on stderr, plots (XChart, PNG and SVG) and the self-contained HTML report.
 */
package dev.htsgd.cli.report;
