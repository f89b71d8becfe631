package dev.htsgd.theory;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A partition of the domain into attraction fields I_i, one per minimum m_i, with their radii r_i (paper notes,
 * section 3): which field a state lies in and where the minima are. It is the one basin type of the theory
 * (exit measures, transition graph) and of the simulation (occupation and exit experiments, which read
 * regions off it with {@code sim.Region.basin}). Indices are 0-based and aligned with the minima.
 *
 * <p>1-D ({@link #of1D}): {@link Basins}, the exact fields I_i = (s_{i-1}, s_i) between the maxima s_i
 * (critical points by the shared finder {@link CriticalPoints1D}). 2-D ({@link #gradientFlow2D}):
 * {@link Grid2D}, each cell of a grid over the domain's bounding box labelled by following the gradient flow
 * dx/dt = -grad f(x) from the cell's centre (projected onto the domain) to a minimiser; minimisers are the
 * distinct limit points with a positive definite Hessian, sorted by x then y. A state is labelled by its cell,
 * so states within one cell width of a basin boundary may be mislabelled; the resolution is stated by
 * {@link #describe()}.
 */
public abstract sealed class BasinMap permits Basins, BasinMap.Grid2D {

    /** Number n of minima (fields). */
    public abstract int size();

    /** The minimisers m_i, one array (a point of the domain) per minimum. */
    public abstract double[][] minimumPoints();

    /** The field index i with x in I_i, for a 1-D state. */
    public abstract int fieldOf(double x);

    /** The field index i with x in I_i. */
    public abstract int fieldOf(double[] x);

    /** Squared distance |x - m_i|^2 from x to minimiser i. */
    public abstract double distance2(double[] x, int i);

    /** Radius r_i of field i: the distance from m_i to the nearest exit (+infinity when there is none). */
    public abstract double radius(int i);

    /** The fields in words (minima, maxima or grid resolution). */
    public abstract String describe();

    /**
     * Fields of a 1-D landscape. On an unbounded domain the critical points are searched in [-10, 10]. A
     * landscape with a single minimum has one field (the whole domain, no exit); the theory refuses it
     * ({@link Basins#requireExits()}).
     */
    public static Basins of1D(Objective1D f) {
        Domain d = f.domain();
        CriticalPoints1D cps = d instanceof Domain.Interval
                ? CriticalPoints1D.find(f)
                : CriticalPoints1D.find(f, -10, 10, CriticalPoints1D.DEFAULT_GRID);
        if (cps.minima().size() == 1 && cps.maxima().isEmpty()) {
            return Basins.single(f, cps);
        }
        return Basins.of(f, cps, x -> 1.0);
    }

    /** The basin map of any landscape: exact in 1-D ({@link Basins}), gradient-flow grid (200 x 200) in 2-D. */
    public static BasinMap of(Objective f) {
        if (f instanceof Objective1D o) {
            return of1D(o);
        }
        return gradientFlow2D(f, 200);
    }

    /**
     * 2-D: a grid labelling by gradient flow.
     *
     * @param f a two-dimensional landscape
     * @param cells cells per side, in [10, 2000]
     */
    public static Grid2D gradientFlow2D(Objective f, int cells) {
        if (f.dimension() != 2) {
            throw new IllegalArgumentException("gradient-flow basins need a 2-D landscape, got " + f.dimension() + "-D");
        }
        if (cells < 10 || cells > 2000) {
            throw new IllegalArgumentException("cells must be in [10, 2000], got " + cells);
        }
        double[] lo;
        double[] hi;
        Domain d = f.domain();
        if (d instanceof Domain.Ball b) {
            lo = new double[] {b.center()[0] - b.radius(), b.center()[1] - b.radius()};
            hi = new double[] {b.center()[0] + b.radius(), b.center()[1] + b.radius()};
        } else if (d instanceof Domain.Box b) {
            lo = b.lo().clone();
            hi = b.hi().clone();
        } else {
            lo = new double[] {-10, -10};
            hi = new double[] {10, 10};
        }
        return Grid2D.build(f, lo, hi, cells);
    }

    /** 2-D: the fields I_i as a grid labelling by gradient flow. */
    public static final class Grid2D extends BasinMap {
        private final double[][] minima;
        private final int[] labels;
        private final int cells;
        private final double x0;
        private final double y0;
        private final double hx;
        private final double hy;

        private Grid2D(double[][] minima, int[] labels, int cells, double[] lo, double[] hi) {
            this.minima = minima;
            this.labels = labels;
            this.cells = cells;
            this.x0 = lo[0];
            this.y0 = lo[1];
            this.hx = (hi[0] - lo[0]) / cells;
            this.hy = (hi[1] - lo[1]) / cells;
        }

        static Grid2D build(Objective f, double[] lo, double[] hi, int cells) {
            double hx = (hi[0] - lo[0]) / cells;
            double hy = (hi[1] - lo[1]) / cells;
            List<double[]> mins = new ArrayList<>();
            int[] raw = new int[cells * cells];
            double scale = Math.max(hi[0] - lo[0], hi[1] - lo[1]);
            double tol = 1e-4 * scale;
            double[] p = new double[2];
            for (int i = 0; i < cells; i++) {
                for (int j = 0; j < cells; j++) {
                    p[0] = lo[0] + (i + 0.5) * hx;
                    p[1] = lo[1] + (j + 0.5) * hy;
                    f.domain().project(p);
                    double[] end = flowToMinimum(f, p);
                    int k = -1;
                    for (int m = 0; m < mins.size(); m++) {
                        if (Math.hypot(mins.get(m)[0] - end[0], mins.get(m)[1] - end[1]) < tol) {
                            k = m;
                            break;
                        }
                    }
                    if (k < 0) {
                        mins.add(end);
                        k = mins.size() - 1;
                    }
                    raw[i * cells + j] = k;
                }
            }
            // order minima by x then y
            Integer[] order = new Integer[mins.size()];
            for (int m = 0; m < order.length; m++) {
                order[m] = m;
            }
            Arrays.sort(order, (a, b) -> {
                double[] u = mins.get(a);
                double[] v = mins.get(b);
                int c = Double.compare(Math.rint(u[0] / tol), Math.rint(v[0] / tol));
                return c != 0 ? c : Double.compare(u[1], v[1]);
            });
            int[] rank = new int[order.length];
            double[][] sorted = new double[order.length][];
            for (int r = 0; r < order.length; r++) {
                rank[order[r]] = r;
                sorted[r] = mins.get(order[r]);
            }
            for (int c = 0; c < raw.length; c++) {
                raw[c] = rank[raw[c]];
            }
            return new Grid2D(sorted, raw, cells, lo, hi);
        }

        /**
         * Follows the projected gradient flow from p to a minimiser: explicit Euler with a step that keeps each
         * move below 1e-2 of the domain scale, then a check that the limit is a minimum (a saddle reached
         * exactly on a separatrix is left by a small perturbation).
         */
        static double[] flowToMinimum(Objective f, double[] start) {
            double[] x = start.clone();
            double[] g = new double[2];
            for (int attempt = 0; attempt < 4; attempt++) {
                flow(f, x, g);
                if (isMinimum(f, x)) {
                    return x;
                }
                x[0] += 1e-3 * (attempt % 2 == 0 ? 1 : -1);
                x[1] += 1e-3 * (attempt < 2 ? 1 : -1);
            }
            return x;
        }

        private static void flow(Objective f, double[] x, double[] g) {
            double h = 1e-2;
            double prev = f.value(x);
            for (int it = 0; it < 200_000; it++) {
                f.gradient(x, g);
                double n = Math.hypot(g[0], g[1]);
                if (n < 1e-10) {
                    return;
                }
                double step = Math.min(h, 0.02 / n);
                double ox = x[0];
                double oy = x[1];
                x[0] -= step * g[0];
                x[1] -= step * g[1];
                f.domain().project(x);
                double v = f.value(x);
                if (v > prev) { // overshoot: halve the step and retry
                    x[0] = ox;
                    x[1] = oy;
                    h /= 2;
                    if (h < 1e-12) {
                        return;
                    }
                    continue;
                }
                if (Math.abs(x[0] - ox) + Math.abs(x[1] - oy) < 1e-14) {
                    return; // stuck on the domain boundary or converged
                }
                prev = v;
                h = Math.min(1e-1, h * 1.1);
            }
        }

        private static boolean isMinimum(Objective f, double[] x) {
            double e = 1e-4;
            double f0 = f.value(x);
            double[] p = x.clone();
            // every direction of a small circle must go up (or out of the domain)
            for (int k = 0; k < 8; k++) {
                double a = Math.PI * k / 4;
                p[0] = x[0] + e * Math.cos(a);
                p[1] = x[1] + e * Math.sin(a);
                if (f.domain().contains(p) && f.value(p) < f0 - 1e-15 * Math.max(1, Math.abs(f0))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int size() {
            return minima.length;
        }

        @Override
        public double[][] minimumPoints() {
            return MatrixCopy.deep(minima);
        }

        @Override
        public int fieldOf(double x) {
            throw new UnsupportedOperationException("2-D basin map");
        }

        @Override
        public int fieldOf(double[] x) {
            int i = (int) ((x[0] - x0) / hx);
            int j = (int) ((x[1] - y0) / hy);
            i = i < 0 ? 0 : (i >= cells ? cells - 1 : i);
            j = j < 0 ? 0 : (j >= cells ? cells - 1 : j);
            return labels[i * cells + j];
        }

        /**
         * Radius r of basin i: the distance from its minimiser to the nearest grid cell labelled otherwise
         * (the distance to the cell's rectangle, so exact when the boundary runs along cell edges, otherwise
         * within one cell width).
         */
        @Override
        public double radius(int i) {
            double px = minima[i][0];
            double py = minima[i][1];
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < cells; a++) {
                for (int c = 0; c < cells; c++) {
                    if (labels[a * cells + c] == i) {
                        continue;
                    }
                    double lx = x0 + a * hx;
                    double ly = y0 + c * hy;
                    double dx = Math.max(0, Math.max(lx - px, px - (lx + hx)));
                    double dy = Math.max(0, Math.max(ly - py, py - (ly + hy)));
                    best = Math.min(best, Math.hypot(dx, dy));
                }
            }
            return best;
        }

        @Override
        public double distance2(double[] x, int i) {
            double dx = x[0] - minima[i][0];
            double dy = x[1] - minima[i][1];
            return dx * dx + dy * dy;
        }

        @Override
        public String describe() {
            return minima.length + " basins by gradient flow on a " + cells + " x " + cells + " grid (cell "
                    + hx + " x " + hy + "), minimisers " + Arrays.deepToString(minima);
        }
    }
}
