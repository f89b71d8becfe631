package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The attraction fields of a landscape in R^d (paper notes, section 3, multi-d): minimiser sets, the field I_i of
 * each (the points whose projected gradient flow settles in it), the radius r_i = dist(m_i, I_i^c), the
 * distances dist(m_i, I_j) behind l*(i, j) = ceil(dist / b), and a check of the inward-drift assumption under
 * which J_i = ceil(r_i / b) is the least number of clipped jumps that leave I_i.
 *
 * <h2>Method</h2>
 * <ol>
 *   <li>Minima: the flow ({@link FlowRd}, Dormand-Prince 8(5,3)) from a grid of {@code startsPerAxis}^d cell
 *       centres of the domain's bounding box plus {@code randomStarts} uniform starts; limits closer than 1e-4 of
 *       the box diagonal are one point; limits of equal value (within 1e-9 (1 + |f|)) closer than two grid cells
 *       whose midpoint settles at a third point of that value are one minimiser set that is not a point
 *       (reported; its representative m_i is the member nearest the members' centroid). Starts whose flow does
 *       not settle within flow time 1e4 are counted and reported; a limit where the gradient is not zero but the
 *       projected gradient is lies on the domain's boundary (reported).</li>
 *   <li>Fields: a point is labelled by the minimiser its flow comes within the capture radius of (1e-3 of the
 *       box diagonal, less when minima are close); a flow that stalls elsewhere (a saddle) is labelled -1.</li>
 *   <li>r_i and dist(m_i, I_j): the first point of I_i^c (of I_j) along rays from m_i, over {@code directions}
 *       rays plus the rays towards the nearest grid starts of other fields, each marched with step diag / 80
 *       and bisected to {@link #tolerance()}; then the best ray of each target is refined by a pattern search
 *       over directions down to an angular step of 1e-4. The nearest point p of a set to m is the first point
 *       of the set on the ray towards p, so this is the distance itself up to: the bisection tolerance, a
 *       part of the set thinner than the marching step, and a closer part that no searched ray comes near.
 *       The domain's boundary is not an exit (the projection keeps the iterate inside).</li>
 *   <li>Inward drift: (x - m_i) . grad f(x) &gt;= 0 (the flow does not move away from m_i) is checked at the
 *       points m_i + t u, t = k r_i / 8 (k = 1..7), of every searched direction u; a violation makes
 *       J = ceil(r/b) an upper bound on the least number of jumps and is reported.</li>
 * </ol>
 */
public final class FlowFields {

    /** Default number of searched ray directions per minimum. */
    public static final int DEFAULT_DIRECTIONS = 64;
    private static final double ANGLE_TOL = 1e-4;

    /**
     * How the fields are searched.
     *
     * @param startsPerAxis grid starts per axis of the bounding box, in [2, 200] with startsPerAxis^d &lt;= 1e5
     * @param randomStarts  further uniform starts, in [0, 1e5]
     * @param directions    ray directions per minimum, in [4, 100000]
     * @param seed          seed of the random starts and directions
     */
    public record Options(int startsPerAxis, int randomStarts, int directions, long seed) {
        public Options {
            Require.closed("startsPerAxis", startsPerAxis, 2, 200);
            Require.closed("randomStarts", randomStarts, 0, 100_000);
            Require.closed("directions", directions, 4, 100_000);
        }

        /** 16 starts per axis in 2-D (8 in 3-D, 4 above), no random starts, 64 directions, seed 1. */
        public static Options defaults(int dimension) {
            return new Options(dimension <= 2 ? 16 : dimension == 3 ? 8 : 4, 0, DEFAULT_DIRECTIONS, 1L);
        }

        public Options withDirections(int n) {
            return new Options(startsPerAxis, randomStarts, n, seed);
        }

        public Options withSeed(long s) {
            return new Options(startsPerAxis, randomStarts, directions, s);
        }
    }

    /**
     * One minimiser set.
     *
     * @param point      its representative m_i
     * @param value      f(m_i)
     * @param starts     grid and random starts whose flow settles in it
     * @param members    distinct limit points found in it (1 for an isolated minimiser)
     * @param spread     the largest distance between two of its limit points (0 for a point)
     * @param onBoundary true when it lies on the domain's boundary (the projected gradient vanishes, the gradient
     *                   does not)
     */
    public record MinimiserSet(double[] point, double value, int starts, int members, double spread,
                               boolean onBoundary) {
        public MinimiserSet {
            point = point.clone();
        }

        @Override
        public double[] point() {
            return point.clone();
        }

        /** True when the set is a single point. */
        public boolean isPoint() {
            return members == 1;
        }
    }

    /**
     * The inward-drift check of one field.
     *
     * @param checked    points of the ball B(m_i, r_i) checked
     * @param violations points where (x - m_i) . grad f(x) &lt; 0
     * @param worst      the least cosine between x - m_i and grad f(x) found (1 when all point inward)
     */
    public record Drift(int checked, int violations, double worst) {
        public boolean holds() {
            return violations == 0;
        }
    }

    private final Objective f;
    private final FlowRd flow;
    private final Options options;
    private final double[] lo;
    private final double[] hi;
    private final double diag;
    private final double capture;
    private final double tolerance;
    private final double step;
    private final List<MinimiserSet> sets;
    private final List<List<double[]>> members;
    private final double[][] centres;
    private final double[] radii;
    private final double[][] dist;
    private final double[][] exitDirection;
    private final Drift[] drift;
    private final List<String> warnings = new ArrayList<>();
    private final int unsettled;
    private final int startCount;
    private int unlabelled;
    private long flows;

    private FlowFields(Objective f, Options o) {
        this.f = f;
        this.options = o;
        int d = f.dimension();
        double[][] box = box(f);
        this.lo = box[0];
        this.hi = box[1];
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += (hi[c] - lo[c]) * (hi[c] - lo[c]);
        }
        this.diag = Math.sqrt(s);
        this.flow = new FlowRd(f, diag);
        this.tolerance = 1e-6 * diag;
        this.step = diag / 80;
        // 1. starts and their limits
        List<double[]> starts = starts(d, o);
        this.startCount = starts.size();
        List<double[]> limits = new ArrayList<>();
        int[] startLimit = new int[starts.size()];
        int bad = 0;
        String badExample = null;
        for (int k = 0; k < starts.size(); k++) {
            FlowRd.End e = flow.settle(starts.get(k));
            if (!e.settled()) {
                bad++;
                if (badExample == null) {
                    badExample = "from " + fmt(starts.get(k)) + " it ends at " + fmt(e.point()) + " with |projected grad f| = "
                            + String.format(Locale.ROOT, "%.3g", e.gradient());
                }
                startLimit[k] = -1;
                continue;
            }
            startLimit[k] = limits.size();
            limits.add(e.point());
        }
        this.unsettled = bad;
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("landscape " + f.name() + ": the gradient flow settles at no minimum from any of "
                    + starts.size() + " starts in the box " + fmt(lo) + " - " + fmt(hi) + " (" + badExample + ")");
        }
        if (bad > 0) {
            warnings.add("the gradient flow does not settle within flow time " + FlowRd.SETTLE_TIME + " from " + bad + " of "
                    + starts.size() + " starts (" + badExample + "): a part of the landscape may fall without a minimum"
                    + " or be too flat; those starts are ignored");
        }
        // 2. minimiser sets
        double cell = diag / o.startsPerAxis();
        int[] limitSet = new int[limits.size()];
        List<List<double[]>> groups = group(limits, limitSet, 1e-4 * diag, 2 * cell);
        Integer[] order = new Integer[groups.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        double[][] reps = new double[groups.size()][];
        for (int k = 0; k < reps.length; k++) {
            reps[k] = representative(groups.get(k));
        }
        double sortTol = 1e-4 * maxSide();
        Arrays.sort(order, Comparator.comparing((Integer k) -> reps[k], (u, v) -> {
            for (int c = 0; c + 1 < u.length; c++) {
                int cmp = Double.compare(Math.rint(u[c] / sortTol), Math.rint(v[c] / sortTol));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Double.compare(u[u.length - 1], v[v.length - 1]);
        }));
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        int n = groups.size();
        int[] startCounts = new int[n];
        int[] startLabel = new int[starts.size()];
        for (int k = 0; k < starts.size(); k++) {
            startLabel[k] = startLimit[k] < 0 ? -1 : rank[limitSet[startLimit[k]]];
            if (startLabel[k] >= 0) {
                startCounts[startLabel[k]]++;
            }
        }
        List<MinimiserSet> ms = new ArrayList<>();
        List<List<double[]>> mem = new ArrayList<>();
        this.centres = new double[n][];
        for (int r = 0; r < n; r++) {
            List<double[]> g = groups.get(order[r]);
            double[] m = reps[order[r]];
            double spread = 0;
            for (double[] a : g) {
                for (double[] b : g) {
                    spread = Math.max(spread, FlowRd.distance(a, b));
                }
            }
            double grad = flow.gradientNorm(m);
            boolean boundary = grad > 1e-6;
            ms.add(new MinimiserSet(m, f.value(m), startCounts[r], g.size(), spread, boundary));
            mem.add(List.copyOf(g));
            centres[r] = m.clone();
            if (g.size() > 1) {
                warnings.add("minimiser set " + r + " is not a point: " + g.size() + " limit points of value "
                        + String.format(Locale.ROOT, "%.6g", f.value(m)) + " spread over " + String.format(Locale.ROOT, "%.4g", spread)
                        + "; the theory assumes isolated minimisers, m_" + r + " = " + fmt(m) + " (nearest the members' centroid)"
                        + " stands for the set and distances are measured from it");
            }
            if (boundary) {
                warnings.add("minimiser " + r + " at " + fmt(m) + " lies on the domain's boundary (|grad f| = "
                        + String.format(Locale.ROOT, "%.3g", grad) + ", the projection holds it): the theory assumes"
                        + " interior minimisers; its field is kept, its rates count the projection");
            }
        }
        this.sets = List.copyOf(ms);
        this.members = List.copyOf(mem);
        double minPair = Double.POSITIVE_INFINITY;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (double[] p : mem.get(a)) {
                    for (double[] q : mem.get(b)) {
                        minPair = Math.min(minPair, FlowRd.distance(p, q));
                    }
                }
            }
        }
        this.capture = Math.min(1e-3 * diag, 0.1 * minPair);
        // 3. radii and distances by rays
        this.radii = new double[n];
        this.dist = new double[n][n];
        this.exitDirection = new double[n][];
        this.drift = new Drift[n];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(o.seed());
        for (int i = 0; i < n; i++) {
            search(i, starts, startLabel, rng);
        }
        if (unlabelled > 0) {
            warnings.add(unlabelled + " points on the searched rays have a flow that stalls away from every minimiser (a"
                    + " saddle or a flat region) or does not settle: they count as outside every field");
        }
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(radii[i]) && capture > 0.5 * radii[i]) {
                warnings.add("field " + i + " is narrow (r = " + radii[i] + ") against the capture radius " + capture
                        + " of the labelling: refine the starts");
            }
        }
    }

    /** The fields of f with the default options. */
    public static FlowFields of(Objective f) {
        return of(f, Options.defaults(f.dimension()));
    }

    /**
     * The fields of f.
     *
     * @throws IllegalArgumentException when the flow settles nowhere, or the landscape has a single minimum
     *         (nothing to exit to)
     */
    public static FlowFields of(Objective f, Options o) {
        if ((long) Math.pow(o.startsPerAxis(), f.dimension()) > 100_000) {
            throw Require.fail("startsPerAxis", "^d must be at most 1e5, got " + o.startsPerAxis() + "^" + f.dimension());
        }
        return new FlowFields(f, o);
    }

    /** The search box: the domain's bounding box, [-10, 10]^d for an unbounded domain. */
    static double[][] box(Objective f) {
        int d = f.dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        Domain dom = f.domain();
        if (dom instanceof Domain.Ball b) {
            for (int c = 0; c < d; c++) {
                lo[c] = b.center()[c] - b.radius();
                hi[c] = b.center()[c] + b.radius();
            }
        } else if (dom instanceof Domain.Box b) {
            System.arraycopy(b.lo(), 0, lo, 0, d);
            System.arraycopy(b.hi(), 0, hi, 0, d);
        } else if (dom instanceof Domain.Interval iv) {
            lo[0] = iv.lo();
            hi[0] = iv.hi();
        } else {
            Arrays.fill(lo, -10);
            Arrays.fill(hi, 10);
        }
        return new double[][] {lo, hi};
    }

    private double maxSide() {
        double m = 0;
        for (int c = 0; c < lo.length; c++) {
            m = Math.max(m, hi[c] - lo[c]);
        }
        return m;
    }

    private List<double[]> starts(int d, Options o) {
        List<double[]> out = new ArrayList<>();
        int per = o.startsPerAxis();
        int total = (int) Math.pow(per, d);
        for (int k = 0; k < total; k++) {
            int rest = k;
            double[] x = new double[d];
            for (int c = 0; c < d; c++) {
                x[c] = lo[c] + (hi[c] - lo[c]) * (rest % per + 0.5) / per;
                rest /= per;
            }
            f.domain().project(x);
            out.add(x);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(o.seed() ^ 0x5deece66dL);
        for (int k = 0; k < o.randomStarts(); k++) {
            double[] x = new double[d];
            for (int c = 0; c < d; c++) {
                x[c] = lo[c] + (hi[c] - lo[c]) * rng.nextDouble();
            }
            f.domain().project(x);
            out.add(x);
        }
        return out;
    }

    /**
     * Groups limit points: first those closer than {@code merge} (one point), then points of equal value closer
     * than {@code link} whose midpoint settles at a third point of that value (one minimiser set).
     */
    private List<List<double[]>> group(List<double[]> limits, int[] setOf, double merge, double link) {
        List<double[]> points = new ArrayList<>();
        int[] pointOf = new int[limits.size()];
        for (int k = 0; k < limits.size(); k++) {
            double[] p = limits.get(k);
            int found = -1;
            for (int q = 0; q < points.size() && found < 0; q++) {
                if (FlowRd.distance(points.get(q), p) < merge) {
                    found = q;
                }
            }
            if (found < 0) {
                points.add(p);
                found = points.size() - 1;
            }
            pointOf[k] = found;
        }
        int np = points.size();
        int[] parent = new int[np];
        for (int k = 0; k < np; k++) {
            parent[k] = k;
        }
        double[] values = points.stream().mapToDouble(f::value).toArray();
        for (int a = 0; a < np; a++) {
            for (int b = a + 1; b < np; b++) {
                double[] p = points.get(a);
                double[] q = points.get(b);
                double ftol = 1e-9 * (1 + Math.abs(values[a]));
                if (Math.abs(values[a] - values[b]) > ftol || FlowRd.distance(p, q) > link || find(parent, a) == find(parent, b)) {
                    continue;
                }
                double[] mid = new double[p.length];
                for (int c = 0; c < mid.length; c++) {
                    mid[c] = 0.5 * (p[c] + q[c]);
                }
                FlowRd.End e = flow.settle(mid);
                if (e.settled() && Math.abs(f.value(e.point()) - values[a]) <= ftol
                        && FlowRd.distance(e.point(), p) >= merge && FlowRd.distance(e.point(), q) >= merge) {
                    parent[find(parent, a)] = find(parent, b);
                }
            }
        }
        List<List<double[]>> groups = new ArrayList<>();
        int[] groupOf = new int[np];
        Arrays.fill(groupOf, -1);
        for (int k = 0; k < np; k++) {
            int root = find(parent, k);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(points.get(k));
            groupOf[k] = groupOf[root];
        }
        for (int k = 0; k < limits.size(); k++) {
            setOf[k] = groupOf[find(parent, pointOf[k])];
        }
        return groups;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static double[] representative(List<double[]> g) {
        int d = g.get(0).length;
        double[] c = new double[d];
        for (double[] p : g) {
            for (int k = 0; k < d; k++) {
                c[k] += p[k] / g.size();
            }
        }
        double[] best = g.get(0);
        for (double[] p : g) {
            if (FlowRd.distance(p, c) < FlowRd.distance(best, c)) {
                best = p;
            }
        }
        return best.clone();
    }

    // ------------------------------------------------------------------ labels

    /**
     * The field index of x (the minimiser set its flow settles in), or -1 when it settles at none. Synchronized:
     * the flow's scratch is shared, and a cached analysis may be asked from several threads.
     */
    public synchronized int label(double[] x) {
        flows++;
        return labelOf(flow.toCentres(x, centres, capture));
    }

    private int labelOf(FlowRd.End e) {
        double[] p = e.point();
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < centres.length; i++) {
            double dd = FlowRd.distance(p, centres[i]);
            if (dd < bd) {
                bd = dd;
                best = i;
            }
        }
        if (bd <= capture * (1 + 1e-6)) {
            return best;
        }
        // a flow that stalled on a minimiser set that is not a point
        double cell = diag / options.startsPerAxis();
        for (int i = 0; i < centres.length; i++) {
            if (sets.get(i).isPoint()) {
                continue;
            }
            double fv = f.value(p);
            if (Math.abs(fv - sets.get(i).value()) <= 1e-7 * (1 + Math.abs(fv))) {
                for (double[] q : members.get(i)) {
                    if (FlowRd.distance(p, q) <= 2 * cell) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    private int labelCounted(double[] x) {
        int l = label(x);
        if (l < 0) {
            unlabelled++;
        }
        return l;
    }

    // ------------------------------------------------------------------ rays

    /** How far the ray m + t u stays in the domain (capped at the box diagonal). */
    private double domainExit(double[] m, double[] u) {
        Domain dom = f.domain();
        double t = diag;
        if (dom instanceof Domain.Ball b) {
            double bq = 0;
            double cq = -b.radius() * b.radius();
            for (int c = 0; c < m.length; c++) {
                double e = m[c] - b.center()[c];
                bq += e * u[c];
                cq += e * e;
            }
            double disc = bq * bq - cq;
            t = Math.min(t, disc < 0 ? 0 : -bq + Math.sqrt(disc));
        } else if (dom instanceof Domain.Box b) {
            for (int c = 0; c < m.length; c++) {
                if (u[c] > 0) {
                    t = Math.min(t, (b.hi()[c] - m[c]) / u[c]);
                } else if (u[c] < 0) {
                    t = Math.min(t, (b.lo()[c] - m[c]) / u[c]);
                }
            }
        }
        return Math.max(0, t);
    }

    private static double[] along(double[] m, double[] u, double t) {
        double[] p = new double[m.length];
        for (int c = 0; c < m.length; c++) {
            p[c] = m[c] + t * u[c];
        }
        return p;
    }

    /** Target k of a ray from m_i: k = i is "leaves I_i", k != i is "enters I_k". */
    private static boolean hits(int label, int i, int k) {
        return k == i ? label != i : label == k;
    }

    /**
     * First t in (from, until] along m_i + t u where target k is hit, bisected to the tolerance; +infinity if
     * the ray does not hit it there.
     */
    private double firstHit(int i, double[] u, int k, double from, double until) {
        double[] m = centres[i];
        double end = Math.min(until, domainExit(m, u));
        double prev = from;
        for (double t = from + step; ; t += step) {
            double tt = Math.min(t, end);
            if (hits(labelCounted(along(m, u, tt)), i, k)) {
                return bisect(i, u, k, prev, tt);
            }
            prev = tt;
            if (tt >= end) {
                return Double.POSITIVE_INFINITY;
            }
        }
    }

    /**
     * The first hit along a ray close to a known one at distance t0: bracketed in [t0 - 2 step, t0 + step] when the
     * bracket's ends are a miss and a hit (the hit moves continuously with the direction), else a full march.
     */
    private double nearHit(int i, double[] u, int k, double t0) {
        double a = Math.max(0, t0 - 2 * step);
        double b = t0 + step;
        if (b <= domainExit(centres[i], u)) {
            boolean hitA = a > 0 && hits(labelCounted(along(centres[i], u, a)), i, k);
            if (!hitA) {
                if (!hits(labelCounted(along(centres[i], u, b)), i, k)) {
                    return Double.POSITIVE_INFINITY;
                }
                return a == 0 ? firstHit(i, u, k, 0, b) : bisect(i, u, k, a, b);
            }
        }
        return firstHit(i, u, k, 0, t0 + step);
    }

    private double bisect(int i, double[] u, int k, double in, double out) {
        while (out - in > tolerance) {
            double mid = 0.5 * (in + out);
            if (hits(labelCounted(along(centres[i], u, mid)), i, k)) {
                out = mid;
            } else {
                in = mid;
            }
        }
        return 0.5 * (in + out);
    }

    /** One full march along a ray: the first hit of every target k (index i: the exit). */
    private double[] scan(int i, double[] u) {
        int n = centres.length;
        double[] first = new double[n];
        Arrays.fill(first, Double.POSITIVE_INFINITY);
        double[] m = centres[i];
        double end = domainExit(m, u);
        double prev = 0;
        int prevLabel = i;
        for (double t = step; ; t += step) {
            double tt = Math.min(t, end);
            int l = labelCounted(along(m, u, tt));
            if (l != prevLabel) {
                for (int k = 0; k < n; k++) {
                    if (Double.isInfinite(first[k]) && hits(l, i, k)) {
                        first[k] = bisect(i, u, k, prev, tt);
                    }
                }
            }
            prev = tt;
            prevLabel = l;
            if (tt >= end) {
                return first;
            }
        }
    }

    private void search(int i, List<double[]> starts, int[] startLabel, UniformRandomProvider rng) {
        int n = centres.length;
        int d = f.dimension();
        double[] m = centres[i];
        List<double[]> dirs = new ArrayList<>();
        double offset = rng.nextDouble() * 2 * Math.PI / options.directions();
        for (int k = 0; k < options.directions(); k++) {
            double[] u = new double[d];
            if (d == 1) {
                u[0] = k % 2 == 0 ? 1 : -1;
            } else if (d == 2) {
                double a = offset + 2 * Math.PI * k / options.directions();
                u[0] = Math.cos(a);
                u[1] = Math.sin(a);
            } else {
                dev.htsgd.noise.AngularLaw.uniform(d).sample(rng, u);
            }
            dirs.add(u);
        }
        // towards the nearest grid starts of the other fields: 8 for the exit, one per other field
        Integer[] byDistance = new Integer[starts.size()];
        for (int k = 0; k < byDistance.length; k++) {
            byDistance[k] = k;
        }
        Arrays.sort(byDistance, Comparator.comparingDouble(k -> FlowRd.distance(starts.get(k), m)));
        int taken = 0;
        boolean[] seen = new boolean[n];
        for (int k : byDistance) {
            int l = startLabel[k];
            if (l == i || l < 0) {
                continue;
            }
            if (taken < 8 || !seen[l]) {
                double[] u = unit(starts.get(k), m);
                if (u != null) {
                    dirs.add(u);
                }
                taken++;
                seen[l] = true;
            }
        }
        double[] best = new double[n];
        double[][] bestDir = new double[n][];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (double[] u : dirs) {
            double[] first = scan(i, u);
            for (int k = 0; k < n; k++) {
                if (first[k] < best[k]) {
                    best[k] = first[k];
                    bestDir[k] = u;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (bestDir[k] != null) {
                double[] u = bestDir[k].clone();
                best[k] = refine(i, k, u, best[k], d == 2 ? 2 * Math.PI / options.directions() : 0.2);
                bestDir[k] = u;
            }
        }
        radii[i] = best[i];
        exitDirection[i] = bestDir[i] == null ? new double[d] : bestDir[i];
        for (int k = 0; k < n; k++) {
            dist[i][k] = k == i ? 0 : best[k];
        }
        // the field contains the ball of radius r_i: no other field is closer
        for (int k = 0; k < n; k++) {
            if (k != i && dist[i][k] < radii[i]) {
                dist[i][k] = radii[i];
            }
        }
        drift[i] = drift(i, dirs);
    }

    private static double[] unit(double[] p, double[] m) {
        double r = FlowRd.distance(p, m);
        if (!(r > 0)) {
            return null;
        }
        double[] u = new double[p.length];
        for (int c = 0; c < u.length; c++) {
            u[c] = (p[c] - m[c]) / r;
        }
        return u;
    }

    /** Pattern search over directions (tangent moves of angle delta, halved when none improves); u is updated. */
    private double refine(int i, int k, double[] u, double t0, double delta) {
        int d = u.length;
        if (d == 1) {
            return t0;
        }
        double best = t0;
        for (int iter = 0; iter < 200 && delta > ANGLE_TOL; iter++) {
            double[][] tangents = tangents(u);
            double[] bestU = null;
            double value = best;
            for (double[] e : tangents) {
                for (int sgn = -1; sgn <= 1; sgn += 2) {
                    double[] v = new double[d];
                    double nn = 0;
                    for (int c = 0; c < d; c++) {
                        v[c] = Math.cos(delta) * u[c] + sgn * Math.sin(delta) * e[c];
                        nn += v[c] * v[c];
                    }
                    nn = Math.sqrt(nn);
                    for (int c = 0; c < d; c++) {
                        v[c] /= nn;
                    }
                    double t = nearHit(i, v, k, best);
                    if (t < value) {
                        value = t;
                        bestU = v;
                    }
                }
            }
            if (bestU != null && value < best - 0.1 * tolerance) {
                best = value;
                System.arraycopy(bestU, 0, u, 0, d);
            } else {
                delta /= 2;
            }
        }
        return best;
    }

    /** An orthonormal basis of the tangent space at u (Gram-Schmidt of the coordinate vectors). */
    static double[][] tangents(double[] u) {
        int d = u.length;
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < d && out.size() < d - 1; c++) {
            double[] e = new double[d];
            e[c] = 1;
            double dot = u[c];
            for (int k = 0; k < d; k++) {
                e[k] -= dot * u[k];
            }
            for (double[] t : out) {
                double p = 0;
                for (int k = 0; k < d; k++) {
                    p += e[k] * t[k];
                }
                for (int k = 0; k < d; k++) {
                    e[k] -= p * t[k];
                }
            }
            double nn = 0;
            for (double v : e) {
                nn += v * v;
            }
            nn = Math.sqrt(nn);
            if (nn > 1e-6) {
                for (int k = 0; k < d; k++) {
                    e[k] /= nn;
                }
                out.add(e);
            }
        }
        return out.toArray(new double[0][]);
    }

    private Drift drift(int i, List<double[]> dirs) {
        double r = radii[i];
        if (!Double.isFinite(r)) {
            return new Drift(0, 0, 1);
        }
        double[] m = centres[i];
        double[] g = new double[m.length];
        int checked = 0;
        int bad = 0;
        double worst = 1;
        for (double[] u : dirs) {
            for (int k = 1; k <= 7; k++) {
                double[] x = along(m, u, r * k / 8);
                if (!f.domain().contains(x)) {
                    continue;
                }
                f.gradient(x, g);
                double gn = 0;
                double dot = 0;
                for (int c = 0; c < g.length; c++) {
                    gn += g[c] * g[c];
                    dot += (x[c] - m[c]) * g[c];
                }
                double cos = gn > 0 ? dot / (Math.sqrt(gn) * r * k / 8) : 1;
                checked++;
                worst = Math.min(worst, cos);
                if (cos < -1e-9) {
                    bad++;
                }
            }
        }
        if (bad > 0) {
            warnings.add("inward drift fails in field " + i + ": at " + bad + " of " + checked + " points of the ball"
                    + " B(m_" + i + ", r_" + i + ") the flow moves away from m_" + i + " (least cosine "
                    + String.format(Locale.ROOT, "%.3f", worst) + "): J = ceil(r/b) and l*(i,j) are then upper bounds on"
                    + " the least number of jumps, and the multi-jump rates' restriction to long jumps may miss paths");
        }
        return new Drift(checked, bad, worst);
    }

    private static String fmt(double[] x) {
        StringBuilder sb = new StringBuilder("(");
        for (int c = 0; c < x.length; c++) {
            sb.append(c > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", x[c]));
        }
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------------ accessors

    public Objective objective() {
        return f;
    }

    /** Number n of fields (minimiser sets). */
    public int size() {
        return centres.length;
    }

    /** The representatives m_i, one point per minimiser set (fresh arrays). */
    public double[][] minima() {
        double[][] c = new double[centres.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = centres[i].clone();
        }
        return c;
    }

    double[] centre(int i) {
        return centres[i];
    }

    public List<MinimiserSet> sets() {
        return sets;
    }

    /** r_i = dist(m_i, I_i^c); +infinity when no searched ray leaves the field. */
    public double radius(int i) {
        return radii[i];
    }

    public double[] radii() {
        return radii.clone();
    }

    /** dist(m_i, I_j) (j != i), at least r_i; +infinity when no searched ray enters I_j; 0 on the diagonal. */
    public double distance(int i, int j) {
        return dist[i][j];
    }

    /** The matrix dist(m_i, I_j), 0 on the diagonal. */
    public double[][] distances() {
        double[][] c = new double[dist.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = dist[i].clone();
        }
        return c;
    }

    /** The direction from m_i of the nearest exit found. */
    public double[] exitDirection(int i) {
        return exitDirection[i].clone();
    }

    public Drift drift(int i) {
        return drift[i];
    }

    /** Absolute tolerance of r_i and dist(m_i, I_j) along their refined rays (the bisection tolerance). */
    public double tolerance() {
        return tolerance;
    }

    /** The capture radius of the labelling: a flow within it of m_i is in I_i. */
    public double captureRadius() {
        return capture;
    }

    /** The marching step along the rays: parts of a field thinner than it can be missed. */
    public double marchingStep() {
        return step;
    }

    /** The search box's diagonal (the length scale of the tolerances). */
    public double diagonal() {
        return diag;
    }

    /** Number of starts of the minimum search. */
    public int starts() {
        return startCount;
    }

    /** Labelling flows followed so far (the search's cost). */
    public long flows() {
        return flows;
    }

    /** Starts whose flow did not settle. */
    public int unsettledStarts() {
        return unsettled;
    }

    /** The field count or exit reasons that the theory needs: at least two fields, each with an exit. */
    public FlowFields requireExits() {
        if (centres.length < 2) {
            throw new IllegalArgumentException("landscape " + f.name() + " has a single minimiser set (" + fmt(centres[0])
                    + ") in the searched box: its field is the whole domain, so there is no exit, no transition graph"
                    + " and no jump process; give a landscape with at least two minima");
        }
        for (int i = 0; i < centres.length; i++) {
            if (!Double.isFinite(radii[i])) {
                throw new IllegalArgumentException("field " + i + " of " + f.name() + " has no exit on any searched ray"
                        + " (r = inf): raise the directions or the starts");
            }
        }
        return this;
    }

    /** Warnings of the search: unsettled starts, non-point or boundary minimiser sets, inward drift. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The method and its limits in words, for reports. */
    public List<String> limits() {
        return List.of(
                "minima: gradient flow (Dormand-Prince 8(5,3)) from " + startCount + " starts; a minimum whose field holds"
                        + " no start is missed",
                "r_i and dist(m_i, I_j): first point of the set along " + options.directions() + " rays and the rays towards the"
                        + " nearest starts of other fields, marched with step " + String.format(Locale.ROOT, "%.3g", step)
                        + ", bisected to " + String.format(Locale.ROOT, "%.1e", tolerance) + ", the best ray refined over"
                        + " directions to an angle of " + ANGLE_TOL + "; a part of a field thinner than the step is missed",
                "labels: the flow is followed until it comes within " + String.format(Locale.ROOT, "%.3g", capture)
                        + " of a minimiser; the domain's boundary is not an exit",
                "J = ceil(r/b) needs the drift to point inward (checked on B(m_i, r_i), see warnings)");
    }
}
