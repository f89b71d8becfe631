package dev.htsgd.run;

/**
 * How a run treats an output directory that already exists: {@code force} replaces a finished htsgd run (and
 * only one htsgd made), {@code resume} continues an unfinished one from its checkpoint. Both false: an existing
 * directory is an error.
 */
public record RunMode(boolean force, boolean resume) {

    /** A fresh run: neither replace nor resume. */
    public static final RunMode FRESH = new RunMode(false, false);

}
