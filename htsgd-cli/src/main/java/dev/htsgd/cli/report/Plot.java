package dev.htsgd.cli.report;

import java.nio.file.Path;

/** A saved chart: its file stem under {@code plots/}, title, and the PNG and SVG files. */
public record Plot(String name, String title, Path png, Path svg) {
}
