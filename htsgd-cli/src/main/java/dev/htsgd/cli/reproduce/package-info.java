/**
 * {@code htsgd reproduce NAME}: the paper experiments end to end, one {@link dev.htsgd.cli.reproduce.ReproduceTarget}
 * each, run into one run directory with one report by {@link dev.htsgd.cli.reproduce.ReproduceRunner}.
 */
package dev.htsgd.cli.reproduce;
