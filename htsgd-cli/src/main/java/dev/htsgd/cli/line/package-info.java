/**
 * A study's settings as the one {@code htsgd} command line that recomputes them alone, seed included
 * ({@link dev.htsgd.cli.line.CommandLineText}), and the JSON that command prints: what every reproduce target
 * writes under {@code settings[i]} and what the command prints come from here, so they cannot drift apart.
 */
package dev.htsgd.cli.line;
