/**
 * Options that several commands share, as picocli mixins (common, landscape, noise, clipping, engine, run
 * directory), the CLI's own range checks ({@link dev.htsgd.cli.option.OptionChecks}) and the provenance of a
 * parsed command.
 */
package dev.htsgd.cli.option;
