package dev.htsgd.dl.sharpness;

import dev.htsgd.sim.Streams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Worst-case epsilon-sharpness (Keskar et al., 2017): the largest rise of the loss in a neighbourhood C of theta,
 *
 * <pre>  max_{z in C} L(theta + z) - L(theta),</pre>
 *
 * with C the box {|z_i| &lt;= epsilon (|theta_i| + 1)} (Keskar's choice) or the ball {|z|_2 &lt;= epsilon}. The
 * maximum is approached by projected gradient ascent from a small seeded random start: steepest-ascent steps
 * for the region's norm (for the box, stepFraction times the half-widths times sign(grad); for the ball,
 * stepFraction epsilon grad / |grad|), each followed by the projection onto C. The result is the best value seen,
 * a lower bound on the true maximum (exact for a convex quadratic in a box when the Hessian is diagonal).
 *
 * @param region       box or ball
 * @param epsilon      size of the region, &gt; 0
 * @param iterations   gradient steps, &gt;= 1
 * @param stepFraction step as a fraction of the region's size, in (0, 1]
 * @param seed         seed of the random start
 */
public record WorstCaseSharpness(Region region, double epsilon, int iterations, double stepFraction, long seed) {

    /** The shape of the neighbourhood C. */
    public enum Region {
        /** |z_i| &lt;= epsilon (|theta_i| + 1) for every i. */
        BOX,
        /** |z|_2 &lt;= epsilon. */
        BALL
    }

    public WorstCaseSharpness {
        if (region == null) {
            throw new IllegalArgumentException("region must be box or ball, got null");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be in (0, inf), got " + epsilon);
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        }
        if (!(stepFraction > 0 && stepFraction <= 1)) {
            throw new IllegalArgumentException("stepFraction must be in (0, 1], got " + stepFraction);
        }
    }

    /** Validating factory with 20 iterations and steps of a quarter of the region. */
    public static WorstCaseSharpness of(Region region, double epsilon, long seed) {
        return new WorstCaseSharpness(region, epsilon, 20, 0.25, seed);
    }

    /**
     * @param value    max L(theta + z) - L(theta) found
     * @param relative Keskar's normalisation: 100 value / (1 + L(theta))
     * @param baseLoss L(theta)
     * @param z        the maximising perturbation found
     */
    public record Result(double value, double relative, double baseLoss, double[] z) {
    }

    /** Runs the ascent; costs iterations gradients and iterations + 1 loss values. */
    public Result estimate(LossFunction loss, double[] theta) {
        int d = loss.dimension();
        if (theta.length != d) {
            throw new IllegalArgumentException("theta must have length " + d + ", got " + theta.length);
        }
        double[] width = new double[d];
        for (int i = 0; i < d; i++) {
            width[i] = region == Region.BOX ? epsilon * (Math.abs(theta[i]) + 1) : epsilon;
        }
        UniformRandomProvider rng = Streams.provider(seed, 0);
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            z[i] = 0.1 * width[i] * (2 * rng.nextDouble() - 1) / (region == Region.BALL ? Math.sqrt(d) : 1);
        }
        project(z, width);
        double base = loss.value(theta);
        double[] point = new double[d];
        double[] grad = new double[d];
        double best = Double.NEGATIVE_INFINITY;
        double[] bestZ = z.clone();
        for (int it = 0; it <= iterations; it++) {
            for (int i = 0; i < d; i++) {
                point[i] = theta[i] + z[i];
            }
            double value;
            if (it == iterations) {
                value = loss.value(point);
            } else {
                value = loss.valueAndGradient(point, grad);
            }
            if (value - base > best) {
                best = value - base;
                bestZ = z.clone();
            }
            if (it == iterations) {
                break;
            }
            if (region == Region.BOX) {
                for (int i = 0; i < d; i++) {
                    z[i] += stepFraction * width[i] * Math.signum(grad[i]);
                }
            } else {
                double norm = 0;
                for (double g : grad) {
                    norm += g * g;
                }
                norm = Math.sqrt(norm);
                if (norm > 0) {
                    for (int i = 0; i < d; i++) {
                        z[i] += stepFraction * epsilon * grad[i] / norm;
                    }
                }
            }
            project(z, width);
        }
        return new Result(best, 100 * best / (1 + base), base, bestZ);
    }

    private void project(double[] z, double[] width) {
        if (region == Region.BOX) {
            for (int i = 0; i < z.length; i++) {
                z[i] = Math.max(-width[i], Math.min(width[i], z[i]));
            }
        } else {
            double norm = 0;
            for (double x : z) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm > epsilon) {
                double s = epsilon / norm;
                for (int i = 0; i < z.length; i++) {
                    z[i] *= s;
                }
            }
        }
    }
}
