/**
 * Reading user files safely before any step of the data flow: {@link dev.htsgd.io.TextFiles} refuses a file that
 * is not text (bytes that are not UTF-8, control bytes) with the file and line named, for configuration files and
 * sample files alike.
 */
package dev.htsgd.io;
