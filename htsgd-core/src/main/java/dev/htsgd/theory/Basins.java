package dev.htsgd.theory;

import dev.htsgd.landscape.Objective1D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The basin structure of a 1-D landscape: minima m_1 &lt; ... &lt; m_n, the maxima s_1 &lt; ... &lt; s_{n-1}
 * between them and the attraction fields I_i = (s_{i-1}, s_i), with s_0 and s_n the projection bounds (or
 * -+infinity on an unbounded domain). Paper notes, section 3. Also carries the noise multiplier sigma(x) of
 * the recursion (default 1). The 1-D {@link BasinMap}: the same object serves the theory (exit measures,
 * transition graph, {@link LandscapeAnalysis}) and the simulation (occupation and exit experiments).
 *
 * <p>{@link #of} needs at least two minima: with one the field is the whole domain and there is nothing to
 * exit to. {@link BasinMap#of1D} also labels such a landscape (one field, no exit, radius +infinity), which the
 * theory refuses through {@link #requireExits()}.
 */
public final class Basins extends BasinMap {

    private final Objective1D objective;
    private final CriticalPoints1D criticalPoints;
    private final List<AttractionField> fields;
    private final double[] minima;
    private final double[] maxima;
    private final DoubleUnaryOperator sigma;
    private final double lower;
    private final double upper;

    private Basins(Objective1D objective, CriticalPoints1D cps, List<AttractionField> fields, double[] minima,
                   double[] maxima, DoubleUnaryOperator sigma, double lower, double upper) {
        this.objective = objective;
        this.criticalPoints = cps;
        this.fields = List.copyOf(fields);
        this.minima = minima;
        this.maxima = maxima;
        this.sigma = sigma;
        this.lower = lower;
        this.upper = upper;
    }

    /** Basins of a landscape on its projection interval, sigma = 1. */
    public static Basins of(Objective1D f) {
        return of(f, CriticalPoints1D.find(f), x -> 1.0);
    }

    /**
     * Basins from located critical points.
     *
     * @param sigma the state-dependent noise multiplier sigma(x) &gt; 0 of the recursion
     * @throws IllegalArgumentException with a message saying what cannot be computed and why: no minimum, a
     *         single minimum, a stationary inflection inside a field, a landscape decreasing without bound
     *         beyond the search window
     */
    public static Basins of(Objective1D f, CriticalPoints1D cps, DoubleUnaryOperator sigma) {
        List<CriticalPoint> mins = cps.minima();
        List<CriticalPoint> maxs = cps.maxima();
        String where = where(cps);
        if (mins.isEmpty()) {
            throw new IllegalArgumentException("landscape " + f.name() + " has no minimum " + where
                    + ": there is no basin to characterise");
        }
        if (mins.size() == 1) {
            throw singleMinimum(f, mins.get(0).x(), where(cps));
        }
        if (!cps.inflections().isEmpty()) {
            throw new IllegalArgumentException("landscape " + f.name() + " has a stationary inflection at x = "
                    + cps.inflections().get(0).x() + " (f' = 0 without a sign change): the gradient flow stops"
                    + " there, so attraction fields and exit measures are undefined");
        }
        List<CriticalPoint> all = cps.points();
        if (all.get(0).isMaximum() || all.get(all.size() - 1).isMaximum()) {
            double x = all.get(0).isMaximum() ? all.get(0).x() : all.get(all.size() - 1).x();
            throw new IllegalArgumentException("landscape " + f.name() + " decreases without a minimum beyond the"
                    + " maximum at x = " + x + " " + where + ": the flow escapes there; restrict the domain"
                    + " to an interval [a, b] so that it is a projection interval");
        }
        for (int k = 0; k + 1 < all.size(); k++) {
            if (all.get(k).kind() == all.get(k + 1).kind()) {
                throw new IllegalArgumentException("critical points of " + f.name() + " do not alternate between"
                        + " minima and maxima near x = " + all.get(k).x() + "; refine the grid");
            }
        }
        int n = mins.size();
        double[] m = new double[n];
        double[] s = new double[n - 1];
        for (int i = 0; i < n; i++) {
            m[i] = mins.get(i).x();
        }
        for (int i = 0; i < n - 1; i++) {
            s[i] = maxs.get(i).x();
        }
        return build(f, cps, m, s, sigma);
    }

    /** The single field of a landscape with one minimum: the whole domain, no exit (for the simulation). */
    static Basins single(Objective1D f, CriticalPoints1D cps) {
        return build(f, cps, new double[] {cps.minima().get(0).x()}, new double[0], x -> 1.0);
    }

    /** The fields I_i = (s_{i-1}, s_i) of minima m and maxima s, s_0 and s_n the projection bounds. */
    private static Basins build(Objective1D f, CriticalPoints1D cps, double[] m, double[] s, DoubleUnaryOperator sigma) {
        double lower = cps.projected() ? cps.lo() : Double.NEGATIVE_INFINITY;
        double upper = cps.projected() ? cps.hi() : Double.POSITIVE_INFINITY;
        int n = m.length;
        List<AttractionField> fields = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double left = i == 0 ? lower : s[i - 1];
            double right = i == n - 1 ? upper : s[i];
            fields.add(new AttractionField(i, m[i], left, right, i > 0, i < n - 1));
        }
        return new Basins(f, cps, fields, m, s, sigma, lower, upper);
    }

    private static String where(CriticalPoints1D cps) {
        return cps.projected() ? "on [" + cps.lo() + ", " + cps.hi() + "]"
                : "in the search window [" + cps.lo() + ", " + cps.hi() + "]";
    }

    private static IllegalArgumentException singleMinimum(Objective1D f, double minimum, String where) {
        return new IllegalArgumentException("landscape " + f.name() + " has a single minimum (" + minimum
                + ") " + where + ": its attraction field is the whole domain, so there is no exit,"
                + " no transition graph and no jump process; give a landscape with at least two minima");
    }

    /**
     * This, when it has at least two minima (the theory's exit measures, transition graph and jump process need
     * an exit).
     *
     * @throws IllegalArgumentException for the single field of a landscape with one minimum
     */
    public Basins requireExits() {
        if (minima.length < 2) {
            throw singleMinimum(objective, minima[0], where(criticalPoints));
        }
        return this;
    }

    /** True when there are at least two minima, so that the fields can be left. */
    public boolean hasExits() {
        return minima.length > 1;
    }

    public Objective1D objective() {
        return objective;
    }

    public CriticalPoints1D criticalPoints() {
        return criticalPoints;
    }

    public List<AttractionField> fields() {
        return fields;
    }

    public AttractionField field(int i) {
        return fields.get(i);
    }

    /** Number n of minima. */
    @Override
    public int size() {
        return minima.length;
    }

    /** m_i. */
    public double minimum(int i) {
        return minima[i];
    }

    public double[] minima() {
        return minima.clone();
    }

    public double[] maxima() {
        return maxima.clone();
    }

    /** The minima m_i as 1-D points. */
    @Override
    public double[][] minimumPoints() {
        double[][] p = new double[minima.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {minima[i]};
        }
        return p;
    }

    /** Radius r_i of field I_i ({@link AttractionField#radius()}). */
    @Override
    public double radius(int i) {
        return fields.get(i).radius();
    }

    /** Radii r_i. */
    public double[] radii() {
        double[] r = new double[minima.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = fields.get(i).radius();
        }
        return r;
    }

    /** sigma(x), checked to be finite and positive. */
    public double sigma(double x) {
        double v = sigma.applyAsDouble(x);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("sigma(" + x + ") must be in (0, inf), got " + v);
        }
        return v;
    }

    /** Left projection bound s_0 (or -infinity). */
    public double lower() {
        return lower;
    }

    /** Right projection bound s_n (or +infinity). */
    public double upper() {
        return upper;
    }

    /** Proj onto the domain [s_0, s_n]. */
    public double project(double x) {
        return x < lower ? lower : (x > upper ? upper : x);
    }

    /** Index of the field containing x (maxima are given to the field on their right), or -1 outside. */
    @Override
    public int fieldOf(double x) {
        if (x < lower || x > upper) {
            return -1;
        }
        int i = 0;
        while (i < maxima.length && x >= maxima[i]) {
            i++;
        }
        return i;
    }

    /** The matrix dist(m_i, I_j), 0 on the diagonal (the input of {@link TransitionGraph} and {@link ClipControl}). */
    public double[][] distances() {
        int n = minima.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = j == i ? 0 : distance(i, j);
            }
        }
        return d;
    }

    /** dist(m_i, I_j): 0 for i = j. */
    public double distance(int i, int j) {
        return fields.get(j).distanceFrom(minima[i]);
    }

    /** {@link #fieldOf(double)} of x[0]. */
    @Override
    public int fieldOf(double[] x) {
        return fieldOf(x[0]);
    }

    @Override
    public double distance2(double[] x, int i) {
        double d = x[0] - minima[i];
        return d * d;
    }

    @Override
    public String describe() {
        return "fields of minima " + Arrays.toString(minima) + " separated by maxima " + Arrays.toString(maxima);
    }
}
