package dev.htsgd.dl.sharpness;

/** How Hessian-vector products are computed. */
public enum HvpMethod {
    /** Exact: closed form, or double back-propagation through the PyTorch engine ({@link NetworkLoss}). */
    EXACT,
    /**
     * Central differences of gradients, (grad L(theta + h v) - grad L(theta - h v)) / (2 h); see
     * {@link FiniteDifferenceHvp} for the step and the error.
     */
    FINITE_DIFFERENCE
}
