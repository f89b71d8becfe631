package dev.htsgd.check;

/**
 * An argument outside its allowed range. The message starts with {@link #parameter()}, the parameter's name as
 * the library calls it, followed by a space or a colon, so that a front end can put its own name for it in front
 * ({@code eta must be in (0, inf), got 0.0} becomes {@code --eta must be in (0, inf), got 0.0}).
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

    /** The parameter's name as the library calls it ({@code eta}, {@code gridPoints}). */
    public String parameter() {
        return parameter;
    }
}
