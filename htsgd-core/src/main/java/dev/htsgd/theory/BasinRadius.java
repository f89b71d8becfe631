package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Multi-d jump number, first version (paper notes, section 3, multi-d; LD 2024): for a basin whose drift points
 * inward, J = ceil(r / b) with r the distance from the minimiser to the boundary of its attraction field.
 *
 * <p>Method: the minimiser is found by following the gradient flow from a start point; r is the smallest,
 * over sampled directions u, of the distance along the ray m + t u to the first point whose gradient flow does
 * not return to m (found by stepping out along the ray and bisecting; the flow is integrated by the
 * Dormand-Prince 8(5,3) adaptive ODE solver). In 2-D the directions are equally spaced with a random offset; in
 * higher dimensions they are uniform on the sphere.
 *
 * <p>Limits (documented, not hidden): (1) a part of the boundary that is closer than r but falls between the
 * sampled directions is missed, so r and J can be overestimated (in 2-D with n directions a flat boundary
 * is overestimated by at most a factor 1 / cos(pi / n)); (2) along each ray only the first boundary crossing
 * is found (the field is treated as star-shaped from m); (3) J = ceil(r / b) is the paper's formula for
 * inward drift; for other basins the least number of jumps may be smaller; (4) a point whose flow has not come
 * within the tolerance of m by the time limit counts as outside; (5) the domain's boundary (projection) is not
 * an exit: a ray that reaches it without leaving the field has no exit in that direction; (6) a flow that
 * stalls (|grad f| &lt; 1e-5) away from m, e.g. very near a saddle, or needs more than 20000 evaluations
 * counts as outside.
 *
 * @param minimiser  m
 * @param radius     r (+infinity when no sampled ray leaves the field)
 * @param direction  the sampled unit direction achieving r
 * @param directions number of sampled directions
 * @param b          truncation threshold (+infinity: unclipped)
 * @param jumps      J = ceil(r / b), 1 when b is infinite
 * @param limits     the caveats above, for reports
 */
public record BasinRadius(double[] minimiser, double radius, double[] direction, int directions, double b, int jumps,
                          List<String> limits) {

    private static final double FLOW_TIME = 1e4;

    public BasinRadius {
        minimiser = minimiser.clone();
        direction = direction.clone();
        limits = List.copyOf(limits);
    }

    /**
     * @param f          the landscape
     * @param start      a point of the basin; the minimiser is found by the gradient flow from it
     * @param b          truncation threshold in (0, +infinity]
     * @param directions number of ray directions, in [4, 100000]
     * @param maxRadius  how far to search along each ray, in (0, inf)
     * @param seed       seed of the direction sample
     */
    public static BasinRadius of(Objective f, double[] start, double b, int directions, double maxRadius, long seed) {
        Require.positiveOrInfinite("b", b);
        if (directions < 4 || directions > 100_000) {
            throw new IllegalArgumentException("directions must be in [4, 100000], got " + directions);
        }
        if (!(maxRadius > 0) || !Double.isFinite(maxRadius)) {
            throw new IllegalArgumentException("maxRadius must be in (0, inf), got " + maxRadius);
        }
        int d = f.dimension();
        if (start.length != d) {
            throw new IllegalArgumentException("start must have dimension " + d + ", got " + start.length);
        }
        Flow flow = new Flow(f);
        double[] m = flow.minimiser(start);
        double tol = 1e-3 * Math.max(1e-3, maxRadius);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double best = Double.POSITIVE_INFINITY;
        double[] bestDir = new double[d];
        double[] u = new double[d];
        double[] p = new double[d];
        double offset = rng.nextDouble() * 2 * Math.PI / directions;
        double step = maxRadius / 32;
        for (int k = 0; k < directions; k++) {
            if (!RaySearch.planarDirection(k, directions, offset, u)) {
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double g = gaussian(rng);
                    u[c] = g;
                    s += g * g;
                }
                s = Math.sqrt(s);
                for (int c = 0; c < d; c++) {
                    u[c] /= s;
                }
            }
            double limit = Math.min(maxRadius, best);
            double inside = 0;
            double outside = Double.NaN;
            for (double t = step; t <= limit + 1e-12; t += step) {
                along(m, u, t, p);
                if (!f.domain().contains(p)) {
                    break; // projection boundary: not an exit
                }
                if (!flow.returnsTo(p, m, tol)) {
                    outside = t;
                    break;
                }
                inside = t;
            }
            if (Double.isNaN(outside) && limit < maxRadius && limit > inside) {
                along(m, u, limit, p);
                if (f.domain().contains(p) && !flow.returnsTo(p, m, tol)) {
                    outside = limit;
                }
            }
            if (Double.isNaN(outside)) {
                continue;
            }
            double lo = inside;
            double hi = outside;
            while (hi - lo > 1e-5 * maxRadius) {
                double mid = 0.5 * (lo + hi);
                along(m, u, mid, p);
                if (flow.returnsTo(p, m, tol)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double r = 0.5 * (lo + hi);
            if (r < best) {
                best = r;
                bestDir = u.clone();
            }
        }
        int jumps = Double.isInfinite(best) ? 0 : TransitionGraph.jumps(best, b);
        List<String> limits = new ArrayList<>();
        limits.add("r is a minimum over " + directions + " sampled directions: boundary parts between them are missed"
                + (d == 2 ? " (a flat boundary is overestimated by at most a factor 1/cos(pi/" + directions + ") = "
                + String.format("%.5f", 1 / Math.cos(Math.PI / directions)) + ")" : ""));
        limits.add("only the first boundary crossing along each ray is found (field treated as star-shaped from m)");
        limits.add("J = ceil(r/b) assumes drift pointing inward; otherwise fewer jumps may suffice");
        limits.add("points whose gradient flow is not within " + tol + " of m by flow time " + FLOW_TIME
                + ", or stalls (|grad f| < 1e-5) elsewhere, e.g. very near a saddle, count as outside");
        limits.add("the projection boundary of the domain is not an exit");
        if (Double.isInfinite(best)) {
            limits.add("no sampled ray left the field within " + maxRadius + ": no exit found (J undefined, reported as 0)");
        }
        return new BasinRadius(m, best, bestDir, directions, b, jumps, limits);
    }

    /**
     * The minima reached by the gradient flow from a grid of {@code perAxis}^d start points over the box
     * [lo, hi] (intersected with the domain), merged when closer than 1e-4 of the box diagonal; points whose
     * flow does not settle are skipped. A minimum whose basin holds no grid point is missed: refine the grid.
     */
    public static List<double[]> minima(Objective f, double[] lo, double[] hi, int perAxis) {
        int d = f.dimension();
        if (lo.length != d || hi.length != d) {
            throw new IllegalArgumentException("box must have dimension " + d);
        }
        if (perAxis < 2 || Math.pow(perAxis, d) > 1e5) {
            throw new IllegalArgumentException("perAxis must be >= 2 with perAxis^d <= 1e5, got " + perAxis);
        }
        double diag = 0;
        for (int c = 0; c < d; c++) {
            if (!(lo[c] < hi[c]) || !Double.isFinite(lo[c]) || !Double.isFinite(hi[c])) {
                throw new IllegalArgumentException("box must be finite with lo < hi in every coordinate");
            }
            diag += (hi[c] - lo[c]) * (hi[c] - lo[c]);
        }
        double merge = 1e-4 * Math.sqrt(diag);
        Flow flow = new Flow(f);
        List<double[]> found = new ArrayList<>();
        int total = (int) Math.pow(perAxis, d);
        double[] x = new double[d];
        for (int k = 0; k < total; k++) {
            int rest = k;
            for (int c = 0; c < d; c++) {
                x[c] = lo[c] + (hi[c] - lo[c]) * (rest % perAxis + 0.5) / perAxis;
                rest /= perAxis;
            }
            double[] m;
            try {
                m = flow.minimiser(x);
            } catch (IllegalArgumentException | org.apache.commons.math3.exception.MathIllegalStateException e) {
                continue;
            }
            boolean known = false;
            for (double[] q : found) {
                known |= distance(q, m) < merge;
            }
            if (!known) {
                found.add(m);
            }
        }
        found.sort((a, b) -> {
            for (int c = 0; c < a.length; c++) {
                int cmp = Double.compare(a[c], b[c]);
                if (cmp != 0) {
                    return cmp;
                }
            }
            return 0;
        });
        return found;
    }

    private static void along(double[] m, double[] u, double t, double[] out) {
        for (int c = 0; c < m.length; c++) {
            out[c] = m[c] + t * u[c];
        }
    }

    private static double gaussian(UniformRandomProvider rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The gradient flow dx/dt = -grad f(x), projected onto the domain. */
    private static final class Flow implements FirstOrderDifferentialEquations {
        private final Objective f;
        private final Domain domain;
        private final double[] g;
        private final double[] tmp;

        Flow(Objective f) {
            this.f = f;
            this.domain = f.domain();
            this.g = new double[f.dimension()];
            this.tmp = new double[f.dimension()];
        }

        @Override
        public int getDimension() {
            return f.dimension();
        }

        @Override
        public void computeDerivatives(double t, double[] x, double[] dx) {
            System.arraycopy(x, 0, tmp, 0, x.length);
            domain.project(tmp);
            f.gradient(tmp, g);
            for (int c = 0; c < g.length; c++) {
                if (!Double.isFinite(g[c])) {
                    throw new IllegalArgumentException("landscape " + f.name() + ": gradient is not finite at "
                            + java.util.Arrays.toString(tmp));
                }
                dx[c] = -g[c];
            }
        }

        /** |grad f(y)|, into the scratch {@code gr}. */
        double gradientNorm(double[] y, double[] gr) {
            f.gradient(y, gr);
            double s = 0;
            for (double v : gr) {
                s += v * v;
            }
            return Math.sqrt(s);
        }

        double[] minimiser(double[] start) {
            double[] x = start.clone();
            domain.project(x);
            DormandPrince853Integrator in = new DormandPrince853Integrator(1e-12, 1e3, 1e-12, 1e-10);
            double[] gr = new double[x.length];
            in.addEventHandler(GradientFlow.crossing(y -> gradientNorm(y, gr) - 1e-10, EventHandler.Action.STOP), 1.0, 1e-9, 1000);
            in.integrate(this, 0, x, FLOW_TIME, x);
            domain.project(x);
            double norm = gradientNorm(x, g);
            if (!(norm < 1e-6)) {
                throw new IllegalArgumentException("the gradient flow from the start point did not settle at a minimum"
                        + " (|grad f| = " + norm + " at " + java.util.Arrays.toString(x) + ")");
            }
            return x;
        }

        boolean returnsTo(double[] p, double[] m, double tol) {
            double[] x = p.clone();
            DormandPrince853Integrator in = new DormandPrince853Integrator(1e-12, 10, 1e-9, 1e-7);
            in.setMaxEvaluations(20_000);
            in.addEventHandler(GradientFlow.crossing(y -> distance(y, m) - tol, EventHandler.Action.STOP), 2.0, 1e-4, 1000);
            // a path that settles elsewhere (|grad f| < 1e-5: another critical point) stops early
            double[] gr = new double[m.length];
            in.addEventHandler(GradientFlow.crossing(y -> gradientNorm(y, gr) - 1e-5, EventHandler.Action.STOP), 2.0, 1e-4, 1000);
            try {
                in.integrate(this, 0, x, FLOW_TIME, x);
            } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
                return false;
            }
            return distance(x, m) <= tol * 1.0001;
        }
    }

    private static double distance(double[] y, double[] m) {
        double s = 0;
        for (int c = 0; c < y.length; c++) {
            s += (y[c] - m[c]) * (y[c] - m[c]);
        }
        return Math.sqrt(s);
    }
}
