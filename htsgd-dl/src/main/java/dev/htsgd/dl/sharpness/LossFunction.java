package dev.htsgd.dl.sharpness;

/**
 * A twice differentiable loss L: R^d -> R of a flat parameter vector theta (the training loss L(theta) of the
 * paper). Implementations are not required to be thread-safe: call them from one thread.
 *
 * <p>Every method takes theta explicitly; an implementation backed by a network writes it into the network's
 * parameters when it differs from the last point written.
 */
public interface LossFunction {

    /** The dimension d of theta. */
    int dimension();

    /** L(theta). */
    double value(double[] theta);

    /** Writes the gradient of L at theta into {@code gradient} (length d) and returns L(theta). */
    double valueAndGradient(double[] theta, double[] gradient);

    /**
     * Writes the Hessian-vector product H(theta) v into {@code out} (length d). Implementations compute it
     * exactly (closed form, or double back-propagation) unless they document otherwise.
     */
    void hessianVector(double[] theta, double[] v, double[] out);

    /**
     * The unit round-off of the arithmetic that evaluates L and its gradient: 2^-53 for double precision,
     * 2^-24 for single precision. {@link FiniteDifferenceHvp} uses it to choose its step.
     */
    default double unitRoundoff() {
        return 0x1p-53;
    }
}
