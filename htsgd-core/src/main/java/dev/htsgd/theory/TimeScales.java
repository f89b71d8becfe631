package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.VectorNoise;

/**
 * Time scales of the heavy-tailed recursion for a learning rate eta (paper notes, sections 1, 3, 4).
 *
 * <ul>
 *   <li>lambda(eta) = eta^-1 H(eta^-1), from the noise's exact tail H (scale included);</li>
 *   <li>the exit time from a basin needing l* jumps: C* eta lambda(eta)^{l*} tau converges to Exp(1), so the
 *       predicted mean is 1 / (C* eta lambda(eta)^{l*}) steps, of order eta^-(1 + l*(alpha - 1));</li>
 *   <li>lambda*_b(eta) = eta lambda(eta)^{max l*}: the time scale of the limiting jump process.</li>
 * </ul>
 */
public final class TimeScales {

    private TimeScales() {
    }

    /** lambda(eta) of the noise, checked. */
    public static double lambda(NoiseModel noise, double eta) {
        checkEta(eta);
        return checked(noise.lambda(eta), eta, noise.describe());
    }

    /** lambda(eta) = eta^-1 P(||Z|| &gt; 1/eta) of a d-dimensional noise, checked. */
    public static double lambda(VectorNoise noise, double eta) {
        checkEta(eta);
        return checked(noise.lambda(eta), eta, noise.describe());
    }

    private static double checked(double l, double eta, String noise) {
        if (!(l > 0) || !Double.isFinite(l)) {
            throw new IllegalArgumentException("lambda(eta) = " + l + " for eta = " + eta + " and " + noise
                    + ": the tail H(1/eta) must be positive (eta too large for the noise scale?)");
        }
        return l;
    }

    /** eta lambda(eta)^l, the time scale of a basin needing l jumps (lambda*_b(eta) for l = max l*). */
    public static double scale(NoiseModel noise, double eta, int l) {
        return scaleOf(lambda(noise, eta), eta, l);
    }

    /** As {@link #scale(NoiseModel, double, int)} for a d-dimensional noise. */
    public static double scale(VectorNoise noise, double eta, int l) {
        return scaleOf(lambda(noise, eta), eta, l);
    }

    /** eta lambda^l from a checked lambda. */
    static double scaleOf(double lambda, double eta, int l) {
        if (l < 1) {
            throw new IllegalArgumentException("jump number must be >= 1, got " + l);
        }
        return eta * Math.pow(lambda, l);
    }

    /** Predicted mean first exit time in steps, 1 / (C* eta lambda(eta)^{l*}). */
    public static double meanExitSteps(NoiseModel noise, double eta, double exitRate, int l) {
        return meanExitStepsOf(lambda(noise, eta), eta, exitRate, l);
    }

    /** 1 / (C* eta lambda^l) from a checked lambda. */
    static double meanExitStepsOf(double lambda, double eta, double exitRate, int l) {
        Require.positive("exitRate", exitRate);
        return 1.0 / (exitRate * scaleOf(lambda, eta, l));
    }

    /** Predicted log-log slope of the mean exit time against 1/eta: 1 + l*(alpha - 1). */
    public static double slope(double alpha, int l) {
        Require.open("alpha", alpha, 1, Double.POSITIVE_INFINITY);
        return 1 + l * (alpha - 1);
    }

    static void checkEta(double eta) {
        Require.positive("eta", eta);
    }
}
