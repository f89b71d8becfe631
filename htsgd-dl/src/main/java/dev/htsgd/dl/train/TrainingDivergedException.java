package dev.htsgd.dl.train;

/** The loss or the update became NaN or infinite; the message names the step and the method. */
public class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final long step;

    /** @param message names the step */
    public TrainingDivergedException(String message) {
        this(message, -1);
    }

    /**
     * @param message names the step
     * @param step    the iteration (1-based) whose loss or update was not finite, -1 when unknown
     */
    public TrainingDivergedException(String message, long step) {
        super(message);
        this.step = step;
    }

    /**
     * @return the iteration (1-based) at which the run diverged, -1 when unknown; callers use it to tell
     *     whether that iteration was in the truncated phase (where a smaller b helps) or not
     */
    public long step() {
        return step;
    }
}
