package dev.htsgd.dynamics;

import java.util.Arrays;

/**
 * The recursion produced a NaN or infinite gradient or state. Carries the step (1-based; 0 when not yet
 * known), the state before the step and the gradient there; experiments catch it, keep what was measured
 * before and flag the result.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long step;
    private final double[] state;
    private final double[] gradient;

    public DivergenceException(long step, double[] state, double[] gradient) {
        super(message(step, state, gradient));
        this.step = step;
        this.state = state.clone();
        this.gradient = gradient.clone();
    }

    private static String message(long step, double[] state, double[] gradient) {
        String x = state.length == 1 ? Double.toString(state[0]) : Arrays.toString(state);
        String g = gradient.length == 1 ? Double.toString(gradient[0]) : Arrays.toString(gradient);
        return "the recursion diverged" + (step > 0 ? " at step " + step : "") + ": state x = " + x
                + ", gradient = " + g + " (not finite; try a smaller step size eta, a clipping threshold b or a bounded domain)";
    }

    /** The same divergence with the step number filled in. */
    public DivergenceException atStep(long step) {
        return new DivergenceException(step, state, gradient);
    }

    public long step() {
        return step;
    }

    public double[] state() {
        return state.clone();
    }

    public double[] gradient() {
        return gradient.clone();
    }
}
