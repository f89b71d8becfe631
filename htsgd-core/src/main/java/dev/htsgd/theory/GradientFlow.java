package dev.htsgd.theory;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * The gradient flow dx/dt = -f'(x) of a 1-D landscape between the jumps of the exit-measure checks (paper notes
 * section 3), integrated by the Dormand-Prince 8(5,3) adaptive solver of Commons Math, with the two small
 * adapters its API needs, shared by every flow in this package (also {@link BasinRadius}'s in R^d): an ODE from
 * a lambda ({@link #ode}) and an event where a function of the state changes sign ({@link #crossing}).
 */
final class GradientFlow {

    /** The right-hand side y' = F(t, y) of an ODE. */
    @FunctionalInterface
    interface Derivatives {
        void compute(double t, double[] y, double[] dy);
    }

    private final FirstOrderDifferentialEquations flow;
    private final double[] y = new double[1];

    GradientFlow(Basins basins) {
        this.flow = ode(1, (t, x, dx) -> dx[0] = -basins.objective().derivative(x[0]));
    }

    /** The ODE of dimension {@code dimension} with right-hand side {@code d}. */
    static FirstOrderDifferentialEquations ode(int dimension, Derivatives d) {
        return new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return dimension;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] dy) {
                d.compute(t, y, dy);
            }
        };
    }

    /** An event where {@code level(y)} changes sign, answered by {@code action}. */
    static EventHandler crossing(ToDoubleFunction<double[]> level, EventHandler.Action action) {
        return new EventHandler() {
            @Override
            public void init(double t0, double[] y0, double t) {
            }

            @Override
            public double g(double t, double[] state) {
                return level.applyAsDouble(state);
            }

            @Override
            public Action eventOccurred(double t, double[] state, boolean increasing) {
                return action;
            }

            @Override
            public void resetState(double t, double[] state) {
            }
        };
    }

    private static FirstOrderIntegrator integrator(double maxStep) {
        return new DormandPrince853Integrator(1e-14, maxStep, 1e-12, 1e-10);
    }

    /** The position after time t from x (the flow stays on x's side of m; t = 0 returns x). */
    double run(double x, double m, double t) {
        if (t <= 0 || x == m) {
            return x;
        }
        y[0] = x;
        try {
            integrator(t).integrate(flow, 0, y, t, y);
        } catch (MaxCountExceededException e) {
            throw new IllegalStateException("gradient flow from " + x + " did not converge in time " + t, e);
        }
        return y[0];
    }

    /** Time for the flow from x to come within eps of m. */
    double timeTo(double x, double m, double eps) {
        FirstOrderIntegrator in = integrator(Double.POSITIVE_INFINITY);
        in.addEventHandler(crossing(s -> Math.abs(s[0] - m) - eps, EventHandler.Action.STOP), 1e-3, 1e-13, 10_000);
        y[0] = x;
        return in.integrate(flow, 0, y, 1e9, y);
    }
}
