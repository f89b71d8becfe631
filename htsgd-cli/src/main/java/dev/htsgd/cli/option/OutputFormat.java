package dev.htsgd.cli.option;

/** How a command prints its result: a readable table (default) or JSON on stdout (nothing else there). */
public enum OutputFormat {
    table, json
}
