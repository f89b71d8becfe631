/**
 * The last step of the data flow (noise -> landscape -> dynamics -> sim / theory -> study -> run -> <b>cli</b> /
 * report): the {@code htsgd} command line. This package holds only the entry point ({@link dev.htsgd.cli.Main},
 * {@link dev.htsgd.cli.HtsgdCommand}), the error contract ({@link dev.htsgd.cli.Errors}: one line, exit code 2 for
 * bad input, checked before any work), {@code --config} ({@link dev.htsgd.cli.YamlDefaults}) and
 * {@link dev.htsgd.cli.OptionNames}, the one place where library parameter names become option names.
 * Sub-packages, each importing only "down" the list: {@code command} (one picocli class per command: parse,
 * call a study, render), {@code reproduce} and {@code dl} (the reproduce targets), {@code line} (a study's
 * settings as the single {@code htsgd} command line that recomputes them, and that command's JSON),
 * {@code option} (the shared option mixins and checks) and {@code report} (tables, numbers, plots, HTML).
 * Nothing outside {@code command} imports a command.
 */
package dev.htsgd.cli;
