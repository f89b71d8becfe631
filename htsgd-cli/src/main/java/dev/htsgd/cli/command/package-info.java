/**
 * The commands of the contract (architecture.md), one picocli class each and each a thin adapter: parse the
 * options into a study's settings ({@link dev.htsgd.study}), run it ({@link dev.htsgd.run.StudyRunner}), render
 * the result as a table or JSON ({@link dev.htsgd.cli.line}, {@link dev.htsgd.cli.report}).
 */
package dev.htsgd.cli.command;
