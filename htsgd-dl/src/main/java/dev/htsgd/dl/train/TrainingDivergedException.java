package dev.htsgd.dl.train;

/** The loss or the update became NaN or infinite; the message names the step and the method. */
public class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message names the step */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
