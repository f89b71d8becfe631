package dev.htsgd.theory;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ode.ContinuousOutputModel;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * The projected gradient flow of a d-dimensional landscape (paper notes, section 3, multi-d), integrated by the
 * Dormand-Prince 8(5,3) adaptive solver with {@link GradientFlow}'s adapters: dx/dt = -P(x), P the projected
 * gradient (Proj(x - s grad f(x)) - x) / -s with s = 1e-3, which is -grad f inside the domain and keeps the
 * state on it at the boundary. Used by {@link FlowFields} (where a point's flow settles: its field) and by
 * {@link ExitMeasureRd} (the flow between jumps). Not thread-safe (scratch buffers).
 */
final class FlowRd {

    /** Flow time within which a start must settle. */
    static final double SETTLE_TIME = 1e4;
    /** |P| below which the flow has settled at a critical point. */
    static final double SETTLED = 1e-8;
    /** |P| below which a labelling flow stops as stalled (a saddle or a minimiser set that is not a point). */
    static final double STALLED = 1e-7;
    private static final double S = 1e-3;
    private static final int MAX_EVALUATIONS = 40_000;

    private final Objective f;
    private final Domain domain;
    private final int d;
    private final double[] g;
    private final double[] tmp;
    private final double[] q;
    private final double[] pg;
    private final FirstOrderDifferentialEquations ode;
    private final double absTol;

    /** Where a flow ended. */
    record End(double[] point, boolean settled, double gradient) {
    }

    /**
     * @param lengthScale the domain's size, for the integrator's absolute tolerance
     */
    FlowRd(Objective f, double lengthScale) {
        this.f = f;
        this.domain = f.domain();
        this.d = f.dimension();
        this.g = new double[d];
        this.tmp = new double[d];
        this.q = new double[d];
        this.pg = new double[d];
        this.absTol = 1e-10 * lengthScale; // at relative tolerance 1e-8; scaled with it
        this.ode = GradientFlow.ode(d, (t, y, dy) -> {
            projectedGradient(y, dy);
            for (int c = 0; c < d; c++) {
                dy[c] = -dy[c];
            }
        });
    }

    Objective objective() {
        return f;
    }

    /** P(x) into out: (x - Proj(x - s grad f(x))) / s at Proj(x); grad f inside the domain. */
    void projectedGradient(double[] y, double[] out) {
        System.arraycopy(y, 0, tmp, 0, d);
        domain.project(tmp);
        f.gradient(tmp, g);
        for (int c = 0; c < d; c++) {
            if (!Double.isFinite(g[c])) {
                throw new IllegalArgumentException("landscape " + f.name() + ": the gradient is not finite at "
                        + java.util.Arrays.toString(tmp));
            }
            q[c] = tmp[c] - S * g[c];
        }
        domain.project(q);
        for (int c = 0; c < d; c++) {
            out[c] = (tmp[c] - q[c]) / S;
        }
    }

    /** |P(y)|. */
    double projectedGradientNorm(double[] y) {
        projectedGradient(y, pg);
        return norm(pg);
    }

    /** |grad f(x)| at Proj(x). */
    double gradientNorm(double[] y) {
        System.arraycopy(y, 0, tmp, 0, d);
        domain.project(tmp);
        f.gradient(tmp, g);
        return norm(g);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private DormandPrince853Integrator integrator(double maxStep, int maxEvaluations, double relTol) {
        DormandPrince853Integrator in = new DormandPrince853Integrator(1e-12, maxStep, absTol * relTol / 1e-8, relTol);
        in.setMaxEvaluations(maxEvaluations);
        return in;
    }

    /** Follows the flow from start until |P| &lt; {@link #SETTLED} or time {@link #SETTLE_TIME}. */
    End settle(double[] start) {
        double[] x = start.clone();
        domain.project(x);
        DormandPrince853Integrator in = integrator(1e3, 400_000, 1e-10);
        in.addEventHandler(GradientFlow.crossing(y -> projectedGradientNorm(y) - SETTLED, EventHandler.Action.STOP),
                1.0, 1e-9, 1000);
        boolean ok = true;
        try {
            in.integrate(ode, 0, x, SETTLE_TIME, x);
        } catch (MathIllegalStateException | IllegalArgumentException e) {
            ok = false;
        }
        domain.project(x);
        double p = projectedGradientNorm(x);
        return new End(x, ok && p < 1e-6, p);
    }

    /**
     * Follows the flow from p until it comes within {@code capture} of one of the centres, stalls
     * (|P| &lt; {@link #STALLED}) or runs out of evaluations.
     */
    End toCentres(double[] p, double[][] centres, double capture) {
        double[] x = p.clone();
        domain.project(x);
        if (nearest(x, centres) < capture) {
            return new End(x, true, 0);
        }
        DormandPrince853Integrator in = integrator(10, MAX_EVALUATIONS, 1e-6);
        in.addEventHandler(GradientFlow.crossing(y -> {
            System.arraycopy(y, 0, tmp, 0, d);
            domain.project(tmp);
            return nearest(tmp, centres) - capture;
        }, EventHandler.Action.STOP), 2.0, 1e-6 * capture, 1000);
        in.addEventHandler(GradientFlow.crossing(y -> projectedGradientNorm(y) - STALLED, EventHandler.Action.STOP),
                2.0, 1e-9, 1000);
        boolean ok = true;
        try {
            in.integrate(ode, 0, x, SETTLE_TIME, x);
        } catch (MathIllegalStateException e) {
            ok = false;
        }
        domain.project(x);
        return new End(x, ok, projectedGradientNorm(x));
    }

    /** Distance from x to the nearest centre. */
    static double nearest(double[] x, double[][] centres) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] c : centres) {
            best = Math.min(best, distance(x, c));
        }
        return best;
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int c = 0; c < a.length; c++) {
            double e = a[c] - b[c];
            s += e * e;
        }
        return Math.sqrt(s);
    }

    /**
     * The flow from x up to the time T at which it first comes within distance {@code radius} of m (T =
     * {@code maxTime} when it does not by then), with its dense output so that any state before T can be read.
     *
     * @return the dense trajectory, whose final time is T
     */
    ContinuousOutputModel untilWithin(double[] x, double[] m, double radius, double maxTime) {
        double[] y = x.clone();
        DormandPrince853Integrator in = integrator(10, MAX_EVALUATIONS, 1e-8);
        ContinuousOutputModel path = new ContinuousOutputModel();
        in.addStepHandler(path);
        in.addEventHandler(GradientFlow.crossing(s -> {
            System.arraycopy(s, 0, tmp, 0, d);
            domain.project(tmp);
            return distance(tmp, m) - radius;
        }, EventHandler.Action.STOP), 2.0, 1e-9 * Math.max(radius, 1e-6), 1000);
        in.integrate(ode, 0, y, maxTime, y);
        return path;
    }

    /** The state of a dense trajectory at time t, projected onto the domain, into out. */
    void at(ContinuousOutputModel path, double t, double[] out) {
        path.setInterpolatedTime(t);
        System.arraycopy(path.getInterpolatedState(), 0, out, 0, d);
        domain.project(out);
    }
}
