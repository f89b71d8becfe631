package dev.htsgd.dl.train;

import dev.htsgd.check.Names;

/**
 * What the threshold b of the truncation bounds (paper notes, section 6). Table 1 calls b the "gradient clipping
 * threshold", so htsgd's default is {@link #GRADIENT}: the step direction d is clipped at b, i.e. the update
 * eta_k d at eta_k b with eta_k the learning rate of the schedule at step k (so after a learning-rate decay it is
 * still a clip of the gradient, not a tighter one). {@link #UPDATE} is the literal reading phi_b(eta_k d) of the
 * appendix: ||update|| &lt;= b whatever eta_k.
 */
public enum ClipOn {
    /** ||d|| &lt;= b: the update eta_k d is truncated at eta_k b (the default). */
    GRADIENT,
    /** ||eta_k d|| &lt;= b: the update is truncated at b. */
    UPDATE;

    /** The bound on the update norm ||eta_k d|| at learning rate {@code etaK} for threshold {@code b}. */
    public double updateBound(double b, double etaK) {
        return this == GRADIENT ? etaK * b : b;
    }

    /** @return the command-line name (gradient, update) */
    public String cliName() {
        return Names.of(this);
    }

    /** Parses gradient or update. */
    public static ClipOn of(String name) {
        return Names.parse("clipOn", values(), name);
    }
}
