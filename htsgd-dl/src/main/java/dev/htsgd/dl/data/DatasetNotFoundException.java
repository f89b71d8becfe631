package dev.htsgd.dl.data;

/** A dataset that is in none of the places looked at; the message lists them and how to get the data. */
public class DatasetNotFoundException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message where it looked and how to get it */
    public DatasetNotFoundException(String message) {
        super(message);
    }
}
