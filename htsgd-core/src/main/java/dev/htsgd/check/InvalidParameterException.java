package dev.htsgd.check;

/**
 * An argument outside its allowed range. The message starts with {@link #parameter()}, the parameter's name as
 * the library calls it, followed by a space or a colon, so that a front end can put its own name for it in front
 * ({@code eta must be in (0, inf), got 0.0} becomes {@code --eta must be in (0, inf), got 0.0}). Other parameters
 * the message mentions are written in backquotes ({@code `force`}), so that a front end can name them its way too.
 */
public final class InvalidParameterException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the parameter's name as the library calls it
     * @param message the whole message; it should start with {@code parameter} and a space or a colon
     */
    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** As {@link #InvalidParameterException(String, String)}, with the failure that caused it. */
    public InvalidParameterException(String parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = parameter;
    }

    /** The parameter's name as the library calls it ({@code eta}, {@code gridPoints}). */
    public String parameter() {
        return parameter;
    }
}
