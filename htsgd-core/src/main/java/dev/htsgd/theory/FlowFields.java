package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Objective;
import java.util.ArrayList;
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
    private final Options options;
    private final double diag;
    private final double capture;
    private final double tolerance;
    private final double step;
    private final List<MinimiserSet> sets;
    private final double[][] centres;
    private final FieldLabels labels;
    private final double[] radii;
    private final double[][] dist;
    private final double[][] exitDirection;
    private final Drift[] drift;
    private final List<String> warnings = new ArrayList<>();
    private final int unsettled;
    private final int startCount;

    private FlowFields(Objective f, Options o) {
        this.f = f;
        this.options = o;
        int d = f.dimension();
        double[][] box = MinimiserSets.box(f);
        double[] lo = box[0];
        double[] hi = box[1];
        double s = 0;
        for (int c = 0; c < d; c++) {
            s += (hi[c] - lo[c]) * (hi[c] - lo[c]);
        }
        this.diag = Math.sqrt(s);
        FlowRd flow = new FlowRd(f, diag);
        this.tolerance = 1e-6 * diag;
        this.step = diag / 80;
        // 1-2. starts, their limits and the minimiser sets
        MinimiserSets minima = new MinimiserSets(f, flow, lo, hi, diag, o, warnings);
        this.startCount = minima.starts.size();
        this.unsettled = minima.unsettled;
        this.sets = minima.sets;
        this.centres = minima.centres;
        List<List<double[]>> mem = minima.members;
        int n = centres.length;
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
        this.labels = new FieldLabels(f, flow, minima, capture, diag / o.startsPerAxis());
        // 3. radii and distances by rays, 4. the drift along the searched rays
        RaySearch rays = new RaySearch(f, labels, centres, o.directions(), diag, tolerance, step);
        this.radii = rays.radii;
        this.dist = rays.dist;
        this.exitDirection = rays.exitDirection;
        this.drift = new Drift[n];
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(o.seed());
        for (int i = 0; i < n; i++) {
            List<double[]> dirs = rays.search(i, minima.starts, minima.startLabel, rng);
            drift[i] = InwardDrift.check(f, i, centres[i], radii[i], dirs, warnings);
        }
        if (labels.unlabelled() > 0) {
            warnings.add(labels.unlabelled() + " points on the searched rays have a flow that stalls away from every minimiser (a"
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

    /**
     * The field index of x (the minimiser set its flow settles in), or -1 when it settles at none. Thread-safe:
     * a cached analysis may be asked from several threads.
     */
    public int label(double[] x) {
        return labels.label(x);
    }

    private static String fmt(double[] x) {
        return MinimiserSets.fmt(x);
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
        return MatrixCopy.deep(centres);
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
        return MatrixCopy.deep(dist);
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
        return labels.flows();
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
                        + " directions to an angle of " + RaySearch.ANGLE_TOL + "; a part of a field thinner than the step is missed",
                "labels: the flow is followed until it comes within " + String.format(Locale.ROOT, "%.3g", capture)
                        + " of a minimiser; the domain's boundary is not an exit",
                "J = ceil(r/b) needs the drift to point inward (checked on B(m_i, r_i), see warnings)");
    }
}