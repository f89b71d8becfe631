package dev.htsgd.theory;

import dev.htsgd.numerics.GaussKronrod;
import dev.htsgd.noise.LevyMeasure;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Two independent computations of the rates q_b(i, j) = C_{l*_i}(I_j; m_i) of an {@link ExitMeasure} (paper
 * notes, sections 3-4), kept apart from its quadrature so that they share none of its change of variables: the
 * two-jump rate in the time variable (ODE solver with events) and a Monte Carlo estimate with its standard error.
 */
final class ExitMeasureChecks {

    private static final int MAX_PIECES = 400;

    private final ExitMeasure em;
    private final Basins basins;
    private final LevyMeasure nu;
    private final double b;

    ExitMeasureChecks(ExitMeasure em) {
        this.em = em;
        this.basins = em.basins();
        this.nu = em.levyMeasure();
        this.b = em.b();
    }

    /**
     * q_b(i, j) for a two-jump basin computed directly in the time variable, as the definition reads: an adaptive
     * Gauss-Kronrod integral over the first jump's size u (plus the clipping and projection atoms) of
     * A(m + u) = integral over t of C_1(I_j; x(t)) dt, where x(t) is the gradient flow from m + u. A is computed by
     * the Dormand-Prince 8(5,3) adaptive ODE solver on the augmented system x' = -f'(x), A' = C_1(I_j; x), with
     * an event at every point where C_1 jumps (the integrator restarts there) and a stop once no single jump can
     * reach I_j any more. A cross-check of {@link ExitMeasure#rate(int, int)}, which uses the position variable instead.
     * The error is the outer quadrature's estimate plus the ODE tolerance (1e-10 relative).
     *
     * @throws IllegalArgumentException unless l*_i = 2
     */
    ExitMeasure.Estimate timeIntegral(int i, int j) {
        em.checkPair(i, j);
        if (em.jumps(i) != 2) {
            throw new IllegalArgumentException("the time-domain check is for two-jump basins; l*_" + i + " = " + em.jumps(i));
        }
        double m = basins.minimum(i);
        AttractionField target = basins.field(j);
        double dist = basins.distance(i, j);
        if (TransitionGraph.jumps(dist, b) > 2) {
            return new ExitMeasure.Estimate(0, 0, "exact");
        }
        boolean up = target.left() >= m;
        double cap = up ? em.capUp(m) : em.capDown(m);
        double s = basins.sigma(m);
        double p = up ? nu.pPlus() : nu.pMinus();
        double alpha = nu.alpha();
        List<Double> bp = new ArrayList<>();
        for (double a : new double[] {target.left(), target.right(), basins.lower(), basins.upper()}) {
            if (Double.isFinite(a)) {
                bp.add(a - b);
                bp.add(a + b);
            }
        }
        double[] breaks = bp.stream().mapToDouble(Double::doubleValue).toArray();
        TimeFlow flow = new TimeFlow(target, breaks);
        double lo = dist - b;
        double[] outerBreaks = new double[breaks.length];
        for (int k = 0; k < breaks.length; k++) {
            outerBreaks[k] = up ? breaks[k] - m : m - breaks[k];
        }
        GaussKronrod.Result r = GaussKronrod.integrate((u, e) -> {
            e[0] = 0;
            double density = alpha * p * Math.pow(u / s, -alpha - 1) / s;
            return density * flow.occupation(up ? m + u : m - u);
        }, lo, cap, outerBreaks, 0, 1e-8, MAX_PIECES);
        double value = r.value();
        double error = r.error();
        if (Double.isFinite(cap)) {
            double atom = (up ? nu.upperTail(cap / s) : nu.lowerTail(cap / s)) * flow.occupation(up ? em.landingUp(m) : em.landingDown(m));
            value += atom;
            error += 1e-10 * atom;
        }
        return new ExitMeasure.Estimate(value, error + 1e-10 * value, "ode-time-integral");
    }

    /** A(y) = integral over t of C_1(B; x(t)) dt along the gradient flow from y, by Dormand-Prince 8(5,3). */
    private final class TimeFlow {
        private final AttractionField target;
        private final double[] breaks;
        // the augmented system x' = -f'(x), A' = C_1(B; x)
        private final FirstOrderDifferentialEquations ode;

        TimeFlow(AttractionField target, double[] breaks) {
            this.target = target;
            this.breaks = breaks;
            this.ode = GradientFlow.ode(2, (t, y, dy) -> {
                dy[0] = -basins.objective().derivative(y[0]);
                dy[1] = target.contains(y[0]) ? 0 : em.oneJump(y[0], target);
            });
        }

        double occupation(double y0) {
            if (target.distanceFrom(y0) >= b) {
                return 0;
            }
            DormandPrince853Integrator in = new DormandPrince853Integrator(1e-14, 1e3, new double[] {1e-13, 1e-13},
                    new double[] {1e-11, 1e-10});
            for (double c : breaks) {
                in.addEventHandler(GradientFlow.crossing(y -> y[0] - c, EventHandler.Action.RESET_DERIVATIVES), 1e-2, 1e-13, 200);
            }
            // once no single jump reaches the target the integrand stays 0 (the flow moves away from it)
            double stop = target.left() >= y0 ? target.left() - b : target.right() + b;
            in.addEventHandler(GradientFlow.crossing(y -> y[0] - stop, EventHandler.Action.STOP), 1e-2, 1e-13, 200);
            double[] y = {y0, 0};
            in.integrate(ode, 0, y, 1e6, y);
            return y[1];
        }
    }

    /**
     * An independent Monte Carlo estimate of q_b(i, j) = C_{l*_i}(I_j; m_i) with its standard error: jump sizes
     * from nu restricted to the sizes an exiting path needs, uniform waiting times on (0, T), the gradient flow
     * integrated by a Dormand-Prince 8(5,3) adaptive ODE solver.
     */
    ExitMeasure.Estimate monteCarlo(int i, int j, int samples, UniformRandomProvider rng) {
        em.checkPair(i, j);
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be >= 2, got " + samples);
        }
        int k = em.jumps(i);
        double m = basins.minimum(i);
        AttractionField home = basins.field(i);
        AttractionField target = basins.field(j);
        double dist = basins.distance(i, j);
        if (TransitionGraph.jumps(dist, b) > k) {
            return new ExitMeasure.Estimate(0, 0, "exact");
        }
        double eps = Double.isInfinite(b) ? dist : dist - (k - 1) * b;
        double sigmaMax = 0;
        double fl = Math.max(home.left(), m - k * b);
        double fr = Math.min(home.right(), m + k * b);
        if (Double.isInfinite(fl) || Double.isInfinite(fr)) {
            fl = m - dist;
            fr = m + dist;
        }
        for (int g = 0; g <= 200; g++) {
            sigmaMax = Math.max(sigmaMax, basins.sigma(fl + (fr - fl) * g / 200.0));
        }
        double wMin = eps / sigmaMax;
        double mass = Math.pow(wMin, -nu.alpha());
        double horizon = k == 1 ? 0 : longestWait(i, k, eps);
        GradientFlow flow = new GradientFlow(basins);
        double sum = 0;
        double sum2 = 0;
        double pPlus = nu.pPlus();
        double invAlpha = 1.0 / nu.alpha();
        for (int s = 0; s < samples; s++) {
            double x = m;
            for (int jump = 1; jump < k; jump++) {
                if (jump > 1) {
                    x = flow.run(x, m, horizon * rng.nextDouble());
                }
                double w = wMin * Math.pow(1.0 - rng.nextDouble(), -invAlpha);
                if (rng.nextDouble() >= pPlus) {
                    w = -w;
                }
                double u = basins.sigma(x) * w;
                double disp = Math.max(-b, Math.min(b, u));
                x = basins.project(x + disp);
            }
            if (k > 1) {
                x = flow.run(x, m, horizon * rng.nextDouble());
            }
            // the last jump is integrated exactly given the sampled path (conditional Monte Carlo)
            double hit = oneJumpOrZero(x, target) / mass;
            sum += hit;
            sum2 += hit * hit;
        }
        double scale = Math.pow(mass, k) * Math.pow(horizon, k - 1);
        double mean = sum / samples;
        double var = Math.max(0, sum2 / samples - mean * mean) * samples / (samples - 1.0);
        return new ExitMeasure.Estimate(scale * mean, scale * Math.sqrt(var / samples), "monte-carlo");
    }

    /** C_1(B; x), or 0 when x is so close to B that only jumps the sampler excluded could matter. */
    private double oneJumpOrZero(double x, AttractionField target) {
        return target.contains(x) ? 0 : em.oneJump(x, target);
    }

    /**
     * The longest wait T after which no exit is possible: after any jump the distance to m is at most
     * (k-1) b, and before a useful jump it must still be at least eps; T is the flow time between the two,
     * the larger of the two sides, from the ODE solver.
     */
    private double longestWait(int i, int k, double eps) {
        double m = basins.minimum(i);
        AttractionField home = basins.field(i);
        GradientFlow flow = new GradientFlow(basins);
        double t = 0;
        for (int side = -1; side <= 1; side += 2) {
            double reach = Math.min((k - 1) * b, side > 0 ? home.right() - m : m - home.left());
            if (reach <= eps) {
                continue;
            }
            t = Math.max(t, flow.timeTo(m + side * reach, m, eps));
        }
        if (!(t > 0)) {
            throw new IllegalStateException("no useful waiting time in basin " + i);
        }
        return t;
    }
}
