package dev.htsgd.study;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.run.Study;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.ClipControl;
import dev.htsgd.theory.CriticalPoints1D;
import dev.htsgd.theory.FlowFields;
import dev.htsgd.theory.TransitionGraph;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clipping-control study, the b-map (paper notes section 4, "Control"): for b over a range, the widest minima
 * V*_b = {m_i : l*_i = max_j l*_j} (where clipped heavy-tailed SGD spends almost all its time) and whether the
 * transition graph G_b is irreducible, as bands of b ({@link ClipControl}); optionally the bands that keep exactly
 * the minima with radius r_i &gt;= R; and the jump numbers l*_i = ceil(r_i / b) of every minimum on a grid of b.
 *
 * <p>Any dimension: a 1-D landscape's fields are exact ({@link Basins}, critical points on the domain or the
 * search window); a d-D landscape's are found by gradient flow ({@link FlowFields}, the default search), the
 * same cached fields that the other studies' d-D predictions use ({@link MultiDAnalyses#fields}), and the bands
 * come from their radii r_i and distances dist(m_i, I_j).
 *
 * <p>Theory only: the d-D search uses its own fixed seed, so the run's seed does not enter. Tasks are the points
 * of the b grid (each the jump numbers and irreducibility of G_b there); the bands come from the exact
 * breakpoints in {@link #result}.
 */
public final class ControlStudy implements Study<ControlStudy.Settings, ControlStudy.GridPoint, ControlStudy.Result> {

    /** The study's name in checkpoint keys. */
    public static final String NAME = "control";

    /** The search window for critical points on an unbounded domain when none is given. */
    public static final Domain.Interval DEFAULT_WINDOW = Domain.interval(-10, 10);

    /**
     * One b-map; build it with {@link #of}.
     *
     * @param landscape a landscape name as {@link Landscapes#of(String, Domain)} reads it, of any dimension
     * @param domain its projection domain (an interval in 1-D, a ball or a box in d-D), or null for the landscape's own
     * @param window 1-D: the search window for critical points when the domain is unbounded (ignored otherwise)
     * @param gridPoints 1-D: grid points of the critical-point scan (ignored in d-D)
     * @param bLow lower end of the range of b, in (0, inf)
     * @param bHigh upper end, in (bLow, inf] (inf: up to unclipped)
     * @param targetRadius keep exactly the minima with r_i &gt;= this, or null for no target
     * @param bPoints points of the b grid on which every l*_i is listed (0: none); needs a finite bHigh
     */
    public record Settings(String landscape, Domain domain, Domain.Interval window, int gridPoints,
            double bLow, double bHigh, Double targetRadius, int bPoints) {

        /**
         * Validated settings; {@code window} null means {@link #DEFAULT_WINDOW}. Locates the fields, so a landscape
         * whose flow settles nowhere or that has a single minimum is refused here.
         */
        public static Settings of(String landscape, Domain domain, Domain.Interval window, int gridPoints,
                double bLow, double bHigh, Double targetRadius, int bPoints) {
            Require.positive("bLow", bLow);
            Require.openClosed("bHigh", bHigh, bLow, Double.POSITIVE_INFINITY);
            Require.atLeast("bPoints", bPoints, 0);
            if (bPoints > 0 && Double.isInfinite(bHigh)) {
                throw Require.fail("bPoints", "needs a finite `bHigh` (the grid spans [bLow, bHigh]), got " + bPoints);
            }
            if (targetRadius != null) {
                Require.positive("targetRadius", targetRadius);
            }
            Settings s = new Settings(landscape, domain, window == null ? DEFAULT_WINDOW : window, gridPoints, bLow,
                    bHigh, targetRadius, bPoints);
            Fields fields = s.fields();
            if (targetRadius != null) {
                ClipControl.keeping(List.of(), fields.radii(), targetRadius); // fails when no minimum is that wide
            }
            return s;
        }

        /** The ICLR test function (iclr1d, [-1.6, 1.6]) over the given range, with a b grid of {@code bPoints}. */
        public static Settings iclr(double bLow, double bHigh, int bPoints) {
            return of("iclr1d", null, null, CriticalPoints1D.DEFAULT_GRID, bLow, bHigh, null, bPoints);
        }

        /** The landscape with its domain. */
        public Objective objective() {
            if (landscape == null) {
                throw Require.fail("landscape", "must be set");
            }
            return Landscapes.of(landscape, domain);
        }

        /**
         * The landscape's minima and fields: 1-D, its basins located on its projection interval or in the search
         * window; d-D, its fields by gradient flow, with an exit from each.
         */
        public Fields fields() {
            Objective o = objective();
            if (o instanceof Objective1D f) {
                Domain.Interval scan = f.domain() instanceof Domain.Interval d ? d : window;
                return new Fields(Basins.of(f, CriticalPoints1D.find(f, scan.lower(), scan.upper(), gridPoints), x -> 1.0), null);
            }
            return new Fields(null, MultiDAnalyses.fields(o).requireExits());
        }

        /** Point k of the b grid: the midpoint of the k-th of {@code bPoints} equal cells of [bLow, bHigh]. */
        public double gridB(int k) {
            return bLow + (bHigh - bLow) * (k + 0.5) / bPoints;
        }
    }

    /**
     * The minima and attraction fields that the bands depend on: exactly one of {@code basins} (1-D) and
     * {@code flow} (d-D) is set.
     *
     * @param basins the exact 1-D fields, or null
     * @param flow the d-D fields by gradient flow, or null
     */
    public record Fields(Basins basins, FlowFields flow) {

        /** The landscape. */
        public Objective objective() {
            return basins != null ? basins.objective() : flow.objective();
        }

        /** Number of minima. */
        public int size() {
            return basins != null ? basins.size() : flow.size();
        }

        /** The minima m_i as points (1-D: one coordinate each). */
        public double[][] minima() {
            return basins != null ? basins.minimumPoints() : flow.minima();
        }

        /** r_i = dist(m_i, I_i^c). */
        public double[] radii() {
            return basins != null ? basins.radii() : flow.radii();
        }

        /** The transition graph G_b. */
        public TransitionGraph graph(double b) {
            return basins != null ? TransitionGraph.of(basins, b) : TransitionGraph.of(flow.radii(), flow.distances(), b);
        }

        /** The bands of b over [bLow, bHigh]. */
        public List<ClipControl.Band> bands(double bLow, double bHigh) {
            return basins != null ? ClipControl.scan(basins, bLow, bHigh)
                    : ClipControl.scan(flow.radii(), flow.distances(), bLow, bHigh);
        }
    }

    /**
     * The transition graph at one b of the grid.
     *
     * @param b the threshold
     * @param jumps l*_i of every minimum
     * @param irreducible whether G_b is irreducible
     */
    public record GridPoint(double b, int[] jumps, boolean irreducible) {
    }

    /**
     * The b-map.
     *
     * @param fields the minima and their fields
     * @param bands the bands over [bLow, bHigh]
     * @param targetMinima the minima with r_i &gt;= R (null without a target)
     * @param keeping the bands whose widest set is exactly {@code targetMinima} (null without a target)
     * @param grid l*_i and irreducibility on the b grid (empty when {@code bPoints} is 0)
     */
    public record Result(Settings settings, Fields fields, List<ClipControl.Band> bands, int[] targetMinima,
            List<ClipControl.Band> keeping, List<GridPoint> grid) {

        /** The exact fields of a 1-D landscape (null in d-D). */
        public Basins basins() {
            return fields.basins();
        }

        /** The irreducible bands among {@link #keeping}: the recommended b (null without a target). */
        public List<ClipControl.Band> recommended() {
            return keeping == null ? null : keeping.stream().filter(ClipControl.Band::irreducible).toList();
        }

        /**
         * A band in the control JSON: {b_low, b_high, widest, widest_minima, irreducible, max_jumps [min, max]};
         * widest_minima are numbers in 1-D, points in d-D.
         */
        public Map<String, Object> band(ClipControl.Band b) {
            double[][] m = fields.minima();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("b_low", b.bLow());
            out.put("b_high", Double.isFinite(b.bHigh()) ? (Object) b.bHigh() : null); // null: unclipped
            out.put("widest", Arrays.stream(b.widest()).boxed().toList());
            out.put("widest_minima", Arrays.stream(b.widest()).mapToObj(i -> m[i].length == 1 ? (Object) m[i][0]
                    : Arrays.stream(m[i]).boxed().toList()).toList());
            out.put("irreducible", b.irreducible());
            out.put("max_jumps", List.of(b.minJumps(), b.maxJumps()));
            return out;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GridPoint task(Settings s, long seed, int index) {
        return tasks(s, seed, index, index + 1).get(0);
    }

    @Override
    public List<GridPoint> tasks(Settings s, long seed, int from, int to) {
        Fields fields = s.fields();
        return java.util.stream.IntStream.range(from, to).mapToObj(k -> {
            double b = s.gridB(k);
            TransitionGraph g = fields.graph(b);
            return new GridPoint(b, g.jumpNumbers(), g.irreducible());
        }).toList();
    }

    @Override
    public int batch(Settings s, int threads) {
        return Math.max(1, (s.bPoints() + threads - 1) / threads); // the fields once per thread
    }

    @Override
    public Result result(Settings s, long seed, List<GridPoint> grid) {
        Fields fields = s.fields();
        List<ClipControl.Band> bands = fields.bands(s.bLow(), s.bHigh());
        int[] want = null;
        List<ClipControl.Band> keep = null;
        if (s.targetRadius() != null) {
            want = ClipControl.atLeastAsWide(fields.radii(), s.targetRadius());
            keep = ClipControl.keeping(bands, fields.radii(), s.targetRadius());
        }
        return new Result(s, fields, bands, want, keep, List.copyOf(grid));
    }

    @Override
    public int tasks(Settings s) {
        return s.bPoints(); // one task per point of the b grid
    }

    @Override
    public Codec<GridPoint> codec() {
        return CODEC;
    }

    private static final Codec<GridPoint> CODEC = Codecs.json(GridPoint.class);
}
