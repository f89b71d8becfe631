/**
 * The last step of the data flow: the {@code htsgd} command line. One picocli command class per command of the
 * contract (architecture.md), shared options as mixins, and the error contract ({@link dev.htsgd.cli.Errors}: one
 * line, exit code 2 for bad input, checked before any work); {@link dev.htsgd.cli.OptionNames} is the one place
 * where library parameter names become option names.
 */
package dev.htsgd.cli;
