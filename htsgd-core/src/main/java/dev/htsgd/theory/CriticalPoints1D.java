package dev.htsgd.theory;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * All critical points of a 1-D landscape on a search interval: the minima m_1 &lt; ... &lt; m_n and the
 * maxima s_1 &lt; ... &lt; s_{n-1} of the paper notes (section 3), plus degenerate points.
 *
 * <p>Method: f' is evaluated on a uniform grid of {@code gridPoints} points; every sign change is refined by
 * Brent's method; every grid-local minimum of |f'| without a sign change is refined by Brent minimisation of
 * |f'|, which finds both a pair of close roots inside one grid cell and a zero of f' that does not change sign
 * (a stationary inflection). Points closer than the grid spacing to each other can be missed only if f' does
 * not come within the tolerance of zero between grid points; raise {@code gridPoints} for very narrow wells.
 *
 * <p>On a projected domain [lo, hi], an end where -f' points out of the domain is an attracting point of
 * the projected flow and is reported as a minimum with {@link CriticalPoint#atBoundary()}.
 *
 * <p>Bad input is rejected eagerly: non-finite f or f' anywhere on the grid, and flat regions (f' zero to
 * within 1e-13 max|f'| over more than 1e-3 of the interval), where critical points are not isolated.
 *
 * @param points     all critical points in increasing x
 * @param lo         left end of the search interval
 * @param hi         right end of the search interval
 * @param projected  true when [lo, hi] is the projection domain (its ends bound the outer attraction fields);
 *                   false when it is only a search window on an unbounded domain
 * @param warnings   human-readable notes (degenerate points, boundary minima, window caveats)
 */
public record CriticalPoints1D(List<CriticalPoint> points, double lo, double hi, boolean projected,
                               List<String> warnings) {

    /** Default number of grid points of the scan. */
    public static final int DEFAULT_GRID = 20_001;

    public CriticalPoints1D {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    /**
     * Critical points on the landscape's own domain, which must be an interval (the projection domain).
     *
     * @throws IllegalArgumentException for an unbounded domain (use {@link #find(Objective1D, double, double, int)})
     */
    public static CriticalPoints1D find(Objective1D f) {
        Domain d = f.domain();
        if (!(d instanceof Domain.Interval)) {
            throw new IllegalArgumentException("landscape " + f.name() + " has domain " + d.describe()
                    + ": give a finite search window (an interval domain [a, b]) to locate its critical points");
        }
        return find(f, d.lower(), d.upper(), DEFAULT_GRID);
    }

    /**
     * Critical points on [lo, hi]. When the landscape's domain is an interval equal to [lo, hi] the ends are
     * projection bounds; otherwise [lo, hi] is a search window and the outer fields extend to +-infinity.
     *
     * @param gridPoints number of grid points of the scan, in [101, 10^8]
     */
    public static CriticalPoints1D find(Objective1D f, double lo, double hi, int gridPoints) {
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("search window must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (gridPoints < 101 || gridPoints > 100_000_000) {
            throw new IllegalArgumentException("gridPoints must be in [101, 1e8], got " + gridPoints);
        }
        Domain d = f.domain();
        boolean projected = d instanceof Domain.Interval && d.lower() == lo && d.upper() == hi;
        return new Finder(f, lo, hi, gridPoints, projected).run();
    }

    /** The minima, in increasing x. */
    public List<CriticalPoint> minima() {
        return points.stream().filter(CriticalPoint::isMinimum).toList();
    }

    /** The maxima, in increasing x. */
    public List<CriticalPoint> maxima() {
        return points.stream().filter(CriticalPoint::isMaximum).toList();
    }

    /** Zeros of f' without a sign change. */
    public List<CriticalPoint> inflections() {
        return points.stream().filter(p -> p.kind() == CriticalPoint.Kind.STATIONARY_INFLECTION).toList();
    }

    private static final class Finder {
        private final Objective1D f;
        private final double lo;
        private final double hi;
        private final int n;
        private final boolean projected;
        private final double h;
        private final double[] xs;
        private final double[] ds;
        private final double[] fs;
        private final List<CriticalPoint> out = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private double scale;
        private double scaleAt;

        Finder(Objective1D f, double lo, double hi, int n, boolean projected) {
            this.f = f;
            this.lo = lo;
            this.hi = hi;
            this.n = n;
            this.projected = projected;
            this.h = (hi - lo) / (n - 1);
            this.xs = new double[n];
            this.ds = new double[n];
            this.fs = new double[n];
        }

        private double deriv(double x) {
            double v = f.derivative(x);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("landscape " + f.name() + ": f'(" + x + ") = " + v
                        + " is not finite" + (Double.isInfinite(v) ? " (the gradient overflows double precision)" : "")
                        + "; critical points cannot be located");
            }
            return v;
        }

        CriticalPoints1D run() {
            scale = 0;
            for (int k = 0; k < n; k++) {
                double x = k == n - 1 ? hi : lo + k * h;
                xs[k] = x;
                double v = f.value(x);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("landscape " + f.name() + ": f(" + x + ") = " + v
                            + " is not finite" + (Double.isInfinite(v) ? " (it overflows double precision)" : "")
                            + "; critical points cannot be located");
                }
                fs[k] = v;
                ds[k] = deriv(x);
                if (Math.abs(ds[k]) > scale) {
                    scale = Math.abs(ds[k]);
                    scaleAt = x;
                }
            }
            if (scale == 0) {
                throw new IllegalArgumentException("landscape " + f.name() + " is flat on [" + lo + ", " + hi
                        + "] (f' = 0 everywhere): it has no isolated minimum");
            }
            checkFlat();
            double zeroTol = 1e-9 * scale;
            BrentSolver solver = new BrentSolver(1e-14 * (hi - lo), 1e-15);
            UnivariateFunction fp = this::deriv;
            for (int k = 0; k + 1 < n; k++) {
                double a = ds[k];
                double b = ds[k + 1];
                if (a == 0) {
                    if (k == 0) {
                        continue; // a zero at the left end is handled as a boundary point below
                    }
                    continue; // exact zero at a grid point: recorded when the sign change around it is seen
                }
                if (b == 0) {
                    // find the next nonzero value to decide whether the sign changes
                    int j = k + 1;
                    while (j < n && ds[j] == 0) {
                        j++;
                    }
                    double x0 = xs[k + 1];
                    if (j == n) {
                        break; // zero up to the right end
                    }
                    if (Math.signum(ds[j]) != Math.signum(a)) {
                        add(x0, a < 0);
                    } else {
                        addInflection(x0);
                    }
                    k = j - 1;
                    continue;
                }
                if (a * b < 0) {
                    double root = solver.solve(200, fp, xs[k], xs[k + 1]);
                    add(root, a < 0);
                } else if (k > 0 && ds[k - 1] * a > 0 && Math.abs(a) <= Math.abs(ds[k - 1]) && Math.abs(a) <= Math.abs(b)
                        && Math.abs(a) < 1e-2 * scale) {
                    probeNearZero(k, zeroTol, solver, fp);
                }
            }
            boundaryPoints();
            Collections.sort(out, (p, q) -> Double.compare(p.x(), q.x()));
            if (!projected) {
                if (!out.isEmpty() && out.get(0).isMaximum()) {
                    warnings.add("left of the maximum at " + out.get(0).x() + " f decreases towards -infinity in the search window");
                }
                if (!out.isEmpty() && out.get(out.size() - 1).isMaximum()) {
                    warnings.add("right of the maximum at " + out.get(out.size() - 1).x() + " f decreases towards +infinity in the search window");
                }
            }
            return new CriticalPoints1D(out, lo, hi, projected, warnings);
        }

        private void checkFlat() {
            double tiny = 1e-13 * scale;
            int run = 0;
            int minRun = Math.max(3, (int) Math.ceil(1e-3 * (n - 1)));
            for (int k = 0; k < n; k++) {
                if (Math.abs(ds[k]) <= tiny) {
                    run++;
                    if (run >= minRun) {
                        int start = k - run + 1;
                        while (k + 1 < n && Math.abs(ds[k + 1]) <= tiny) {
                            k++;
                        }
                        checkResolvable(start, k, tiny);
                        throw new IllegalArgumentException("landscape " + f.name() + " has a flat region ["
                                + xs[start] + ", " + xs[k] + "] (f' = 0 there): its critical points are not"
                                + " isolated, so minima, attraction fields and jump numbers are undefined");
                    }
                } else {
                    run = 0;
                }
            }
        }

        /**
         * A run of |f'| &lt;= tiny (relative to the largest |f'| on the grid) is a flat region only when f' is 0
         * there or f does not change across it. When f' is nonzero and f changes by more than rounding, the
         * gradient is real but spans more orders of magnitude than a relative tolerance in double precision can
         * resolve (exp(x^4) on [-3, 3]: |f'| = 1.6e37 at 3, 2.8e8 at 2): saying "flat" would be wrong, so say that.
         */
        private void checkResolvable(int start, int end, double tiny) {
            double fLo = Double.POSITIVE_INFINITY;
            double fHi = Double.NEGATIVE_INFINITY;
            double dMax = 0;
            double dAt = xs[start];
            for (int k = start; k <= end; k++) {
                fLo = Math.min(fLo, fs[k]);
                fHi = Math.max(fHi, fs[k]);
                if (Math.abs(ds[k]) > dMax) {
                    dMax = Math.abs(ds[k]);
                    dAt = xs[k];
                }
            }
            boolean constant = fHi - fLo <= 1e-9 * Math.max(Math.abs(fLo), Math.abs(fHi));
            if (dMax > 0 && !constant) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "landscape %s on [%s, %s]: the gradient"
                        + " overflows the range double precision resolves: |f'| reaches %.3g (at x = %.4g) while on"
                        + " [%.4g, %.4g] it is below %.0e of that but not zero (%.3g at x = %.4g; f goes from %.3g to"
                        + " %.3g there), so zeros of f' cannot be told from small slopes; use a narrower domain or a"
                        + " rescaled landscape", f.name(), lo, hi, scale, scaleAt, xs[start], xs[end], tiny / scale,
                        dMax, dAt, fLo, fHi));
            }
        }

        /** Grid-local minimum of |f'| at k without a sign change: two close roots, or a degenerate zero. */
        private void probeNearZero(int k, double zeroTol, BrentSolver solver, UnivariateFunction fp) {
            double sgn = Math.signum(ds[k]);
            BrentOptimizer opt = new BrentOptimizer(1e-12, 1e-14 * (hi - lo));
            UnivariatePointValuePair p = opt.optimize(new MaxEval(500),
                    new UnivariateObjectiveFunction(x -> sgn * deriv(x)), GoalType.MINIMIZE,
                    new SearchInterval(xs[k - 1], xs[k + 1], xs[k]));
            double xm = p.getPoint();
            double vm = p.getValue();
            if (vm < 0) {
                // f' changes sign twice inside the cell: two critical points
                if (xm > xs[k - 1] && xm < xs[k + 1]) {
                    double r1 = solver.solve(200, fp, xs[k - 1], xm);
                    double r2 = solver.solve(200, fp, xm, xs[k + 1]);
                    add(r1, sgn > 0);
                    add(r2, sgn < 0);
                    // the neighbouring cells must not be scanned again for these roots
                }
            } else if (vm <= zeroTol) {
                addInflection(xm);
            }
        }

        private void add(double x, boolean fromNegative) {
            for (CriticalPoint q : out) {
                if (Math.abs(q.x() - x) <= 1e-12 * (hi - lo)) {
                    return;
                }
            }
            double f2 = secondDerivative(x);
            boolean degenerate = Math.abs(f2) <= 1e-6 * scale / (hi - lo);
            CriticalPoint.Kind kind = fromNegative ? CriticalPoint.Kind.MINIMUM : CriticalPoint.Kind.MAXIMUM;
            out.add(new CriticalPoint(x, f.value(x), kind, degenerate, false));
            if (degenerate) {
                warnings.add("degenerate " + kind.name().toLowerCase() + " at " + x + " (f'' = " + f2 + ")");
            }
        }

        private void addInflection(double x) {
            for (CriticalPoint q : out) {
                if (Math.abs(q.x() - x) <= 1e-9 * (hi - lo)) {
                    return;
                }
            }
            out.add(new CriticalPoint(x, f.value(x), CriticalPoint.Kind.STATIONARY_INFLECTION, true, false));
            warnings.add("stationary inflection at " + x + " (f' = 0 without a sign change)");
        }

        private double secondDerivative(double x) {
            double e = 1e-5 * (hi - lo);
            double a = Math.max(lo, x - e);
            double b = Math.min(hi, x + e);
            return (deriv(b) - deriv(a)) / (b - a);
        }

        private void boundaryPoints() {
            if (!projected) {
                return;
            }
            if (ds[0] > 0) {
                out.add(new CriticalPoint(lo, f.value(lo), CriticalPoint.Kind.MINIMUM, false, true));
                warnings.add("the left end " + lo + " attracts the projected flow (f' > 0 there): boundary minimum");
            }
            if (ds[n - 1] < 0) {
                out.add(new CriticalPoint(hi, f.value(hi), CriticalPoint.Kind.MINIMUM, false, true));
                warnings.add("the right end " + hi + " attracts the projected flow (f' < 0 there): boundary minimum");
            }
        }
    }
}
