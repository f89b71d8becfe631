package dev.htsgd.theory;

import dev.htsgd.check.Require;
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
 * (critical points by the shared finder {@link CriticalPoints1D}). 2-D and 3-D ({@link #gradientFlowGrid}):
 * {@link FlowGrid}, each cell of a grid over the domain's bounding box labelled by following the gradient flow
 * dx/dt = -grad f(x) from the cell's centre (projected onto the domain) to a minimiser; minimisers are the
 * distinct limit points with a positive definite Hessian, sorted by x, then y, then z. A state is labelled by its cell,
 * so states within one cell width of a basin boundary may be mislabelled; the resolution is stated by
 * {@link #describe()}.
 */
public abstract sealed class BasinMap permits Basins, BasinMap.FlowGrid {

    /** Number n of minima (fields). */
    public abstract int size();

    /** The minimisers m_i, one array (a point of the domain) per minimum. */
    public abstract double[][] minimumPoints();

    /**
     * The start X_0 of a run: {@code x0} itself, or the minimum m_i of field i = {@code basin} when {@code x0} is
     * null (the one resolution of the commands' {@code min}, the studies' and the Spark tasks').
     *
     * @throws dev.htsgd.check.InvalidParameterException naming {@code basin} when x0 is null and basin is not in
     *     [0, n - 1], or {@code x0} when it is not a finite point of the landscape's dimension
     */
    public final double[] start(double[] x0, int basin) {
        double[][] m = minimumPoints();
        if (x0 == null) {
            Require.closed("basin", basin, 0, m.length - 1);
            return m[basin].clone();
        }
        int d = m[0].length;
        if (x0.length != d) {
            throw Require.fail("x0", "must be " + (d == 1 ? "a number" : d + " numbers x,y" + (d == 3 ? ",z" : ""))
                    + " or min, got " + x0.length + " coordinates");
        }
        return Require.finite("x0", x0).clone();
    }

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

    /** Cells per axis of the basin grid of a 3-D landscape: 32^3 = 32768 flows, fewer than the 2-D 200^2. */
    public static final int CELLS_3D = 32;

    /**
     * The basin map of any landscape: exact in 1-D ({@link Basins}), a gradient-flow grid ({@link FlowGrid}) of
     * 200 x 200 cells in 2-D and {@link #CELLS_3D}^3 in 3-D.
     */
    public static BasinMap of(Objective f) {
        if (f instanceof Objective1D o) {
            return of1D(o);
        }
        return gradientFlowGrid(f, f.dimension() == 2 ? 200 : CELLS_3D);
    }

    /**
     * 2-D and 3-D: a grid labelling by gradient flow over the domain's bounding box.
     *
     * @param f a two- or three-dimensional landscape
     * @param cells cells per axis, in [10, 2000] (2-D) or [10, 100] (3-D)
     */
    public static FlowGrid gradientFlowGrid(Objective f, int cells) {
        int d = f.dimension();
        if (d != 2 && d != 3) {
            throw new IllegalArgumentException("gradient-flow basins need a 2-D or 3-D landscape, got " + d + "-D");
        }
        int most = d == 2 ? 2000 : 100;
        if (cells < 10 || cells > most) {
            throw new IllegalArgumentException("cells must be in [10, " + most + "], got " + cells);
        }
        double[] lo = new double[d];
        double[] hi = new double[d];
        Domain dom = f.domain();
        for (int c = 0; c < d; c++) {
            if (dom instanceof Domain.Ball b) {
                lo[c] = b.center()[c] - b.radius();
                hi[c] = b.center()[c] + b.radius();
            } else if (dom instanceof Domain.Box b) {
                lo[c] = b.lo()[c];
                hi[c] = b.hi()[c];
            } else {
                lo[c] = -10;
                hi[c] = 10;
            }
        }
        return FlowGrid.build(f, lo, hi, cells);
    }

    /**
     * 2-D and 3-D: the fields I_i as a grid labelling by gradient flow; cell (i_0, ..., i_{d-1}) is entry
     * ((i_0 cells + i_1) cells + ...) of the labels.
     */
    public static final class FlowGrid extends BasinMap {
        private final double[][] minima;
        private final int[] labels;
        private final int cells;
        private final double[] lo;
        private final double[] h;

        private FlowGrid(double[][] minima, int[] labels, int cells, double[] lo, double[] hi) {
            this.minima = minima;
            this.labels = labels;
            this.cells = cells;
            this.lo = lo.clone();
            this.h = new double[lo.length];
            for (int c = 0; c < lo.length; c++) {
                h[c] = (hi[c] - lo[c]) / cells;
            }
        }

        static FlowGrid build(Objective f, double[] lo, double[] hi, int cells) {
            int d = lo.length;
            double[] hx = new double[d];
            double scale = 0;
            for (int c = 0; c < d; c++) {
                hx[c] = (hi[c] - lo[c]) / cells;
                scale = Math.max(scale, hi[c] - lo[c]);
            }
            int total = (int) Math.round(Math.pow(cells, d));
            List<double[]> mins = new ArrayList<>();
            int[] raw = new int[total];
            double tol = 1e-4 * scale;
            double[] p = new double[d];
            for (int idx = 0; idx < total; idx++) {
                for (int c = d - 1, rest = idx; c >= 0; c--, rest /= cells) {
                    p[c] = lo[c] + (rest % cells + 0.5) * hx[c];
                }
                f.domain().project(p);
                double[] end = flowToMinimum(f, p);
                int k = -1;
                for (int m = 0; m < mins.size(); m++) {
                    if (norm(mins.get(m), end) < tol) {
                        k = m;
                        break;
                    }
                }
                if (k < 0) {
                    mins.add(end);
                    k = mins.size() - 1;
                }
                raw[idx] = k;
            }
            // order minima by x, then y (then z)
            Integer[] order = new Integer[mins.size()];
            for (int m = 0; m < order.length; m++) {
                order[m] = m;
            }
            Arrays.sort(order, (a, b) -> {
                double[] u = mins.get(a);
                double[] v = mins.get(b);
                for (int c = 0; c < d - 1; c++) {
                    int r = Double.compare(Math.rint(u[c] / tol), Math.rint(v[c] / tol));
                    if (r != 0) {
                        return r;
                    }
                }
                return Double.compare(u[d - 1], v[d - 1]);
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
            return new FlowGrid(sorted, raw, cells, lo, hi);
        }

        /** |a - b| (in 2-D by hypot, as the grid has always measured it). */
        private static double norm(double[] a, double[] b) {
            if (a.length == 2) {
                return Math.hypot(a[0] - b[0], a[1] - b[1]);
            }
            double s = 0;
            for (int c = 0; c < a.length; c++) {
                s += (a[c] - b[c]) * (a[c] - b[c]);
            }
            return Math.sqrt(s);
        }

        /**
         * Follows the projected gradient flow from p to a minimiser: explicit Euler with a step that keeps each
         * move below 1e-2 of the domain scale, then a check that the limit is a minimum (a saddle reached
         * exactly on a separatrix is left by a small perturbation).
         */
        static double[] flowToMinimum(Objective f, double[] start) {
            double[] x = start.clone();
            double[] g = new double[x.length];
            for (int attempt = 0; attempt < 4; attempt++) {
                flow(f, x, g);
                if (isMinimum(f, x)) {
                    return x;
                }
                x[0] += 1e-3 * (attempt % 2 == 0 ? 1 : -1);
                x[1] += 1e-3 * (attempt < 2 ? 1 : -1);
                for (int c = 2; c < x.length; c++) {
                    x[c] += 1e-3 * ((attempt + c) % 2 == 0 ? 1 : -1);
                }
            }
            return x;
        }

        private static void flow(Objective f, double[] x, double[] g) {
            int d = x.length;
            double[] old = new double[d];
            double[] zero = new double[d];
            double h = 1e-2;
            double prev = f.value(x);
            for (int it = 0; it < 200_000; it++) {
                f.gradient(x, g);
                double n = norm(g, zero);
                if (n < 1e-10) {
                    return;
                }
                double step = Math.min(h, 0.02 / n);
                System.arraycopy(x, 0, old, 0, d);
                for (int c = 0; c < d; c++) {
                    x[c] -= step * g[c];
                }
                f.domain().project(x);
                double v = f.value(x);
                if (v > prev) { // overshoot: halve the step and retry
                    System.arraycopy(old, 0, x, 0, d);
                    h /= 2;
                    if (h < 1e-12) {
                        return;
                    }
                    continue;
                }
                double moved = 0;
                for (int c = 0; c < d; c++) {
                    moved += Math.abs(x[c] - old[c]);
                }
                if (moved < 1e-14) {
                    return; // stuck on the domain boundary or converged
                }
                prev = v;
                h = Math.min(1e-1, h * 1.1);
            }
        }

        /**
         * Every direction of a small circle (2-D: 8 directions) or sphere (3-D: the 6 axis and 8 diagonal
         * directions) must go up or out of the domain.
         */
        private static boolean isMinimum(Objective f, double[] x) {
            double e = 1e-4;
            double f0 = f.value(x);
            double[] p = x.clone();
            List<double[]> dirs = new ArrayList<>();
            if (x.length == 2) {
                for (int k = 0; k < 8; k++) {
                    double a = Math.PI * k / 4;
                    dirs.add(new double[] {Math.cos(a), Math.sin(a)});
                }
            } else {
                for (int c = 0; c < 3; c++) {
                    for (int sgn = -1; sgn <= 1; sgn += 2) {
                        double[] u = new double[3];
                        u[c] = sgn;
                        dirs.add(u);
                    }
                }
                for (int k = 0; k < 8; k++) {
                    double q = 1 / Math.sqrt(3);
                    dirs.add(new double[] {(k & 1) == 0 ? q : -q, (k & 2) == 0 ? q : -q, (k & 4) == 0 ? q : -q});
                }
            }
            for (double[] u : dirs) {
                for (int c = 0; c < x.length; c++) {
                    p[c] = x[c] + e * u[c];
                }
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
            throw new UnsupportedOperationException(lo.length + "-D basin map");
        }

        @Override
        public int fieldOf(double[] x) {
            int idx = 0;
            for (int c = 0; c < lo.length; c++) {
                int i = (int) ((x[c] - lo[c]) / h[c]);
                i = i < 0 ? 0 : (i >= cells ? cells - 1 : i);
                idx = idx * cells + i;
            }
            return labels[idx];
        }

        /**
         * Radius r of basin i: the distance from its minimiser to the nearest grid cell labelled otherwise
         * (the distance to the cell's box, so exact when the boundary runs along cell edges, otherwise
         * within one cell width).
         */
        @Override
        public double radius(int i) {
            int d = lo.length;
            double[] m = minima[i];
            double[] gap = new double[d];
            double[] zero = new double[d];
            double best = Double.POSITIVE_INFINITY;
            for (int idx = 0; idx < labels.length; idx++) {
                if (labels[idx] == i) {
                    continue;
                }
                for (int c = d - 1, rest = idx; c >= 0; c--, rest /= cells) {
                    double l = lo[c] + (rest % cells) * h[c];
                    gap[c] = Math.max(0, Math.max(l - m[c], m[c] - (l + h[c])));
                }
                best = Math.min(best, norm(gap, zero));
            }
            return best;
        }

        @Override
        public double distance2(double[] x, int i) {
            double s = 0;
            for (int c = 0; c < lo.length; c++) {
                double e = x[c] - minima[i][c];
                s += e * e;
            }
            return s;
        }

        @Override
        public String describe() {
            String grid = String.join(" x ", java.util.Collections.nCopies(lo.length, Integer.toString(cells)));
            String cell = Arrays.stream(h).mapToObj(Double::toString).collect(java.util.stream.Collectors.joining(" x "));
            return minima.length + " basins by gradient flow on a " + grid + " grid (cell " + cell + "), minimisers "
                    + Arrays.deepToString(minima);
        }
    }
}
