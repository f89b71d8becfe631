/**
 * Under every step of the data flow (noise -> landscape -> dynamics -> sim / theory -> run -> cli / report):
 * eager argument validation in library words.
 *
 * <p>{@link dev.htsgd.check.Require} checks one argument against its allowed range and returns it, or throws
 * {@link dev.htsgd.check.InvalidParameterException}, which carries the parameter's name as the API calls it
 * ({@code eta}, {@code gridPoints}) and a message that starts with that name, states the allowed range and the
 * value given: {@code eta must be in (0, inf), got -1.0}. Front ends (the CLI) map that name to their own words
 * (an option such as {@code --eta}) in one place; the libraries never name a command-line flag.
 */
package dev.htsgd.check;
