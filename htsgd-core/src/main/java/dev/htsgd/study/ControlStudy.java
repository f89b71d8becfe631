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
 * <p>Theory only: no randomness, so the seed does not enter. Tasks are the points of the b grid (each the jump
 * numbers and irreducibility of G_b there); the bands come from the exact breakpoints in {@link #result}.
 */
public final class ControlStudy implements Study<ControlStudy.Settings, ControlStudy.GridPoint, ControlStudy.Result> {

    /** The study's name in checkpoint keys. */
    public static final String NAME = "control";

    /** The search window for critical points on an unbounded domain when none is given. */
    public static final Domain.Interval DEFAULT_WINDOW = Domain.interval(-10, 10);

    /**
     * One b-map; build it with {@link #of}.
     *
     * @param landscape a 1-D landscape name as {@link Landscapes#of(String, Domain)} reads it
     * @param domain its projection interval, or null for the landscape's own
     * @param window the search window for critical points when the domain is unbounded (ignored otherwise)
     * @param gridPoints grid points of the critical-point scan
     * @param bLow lower end of the range of b, in (0, inf)
     * @param bHigh upper end, in (bLow, inf] (inf: up to unclipped)
     * @param targetRadius keep exactly the minima with r_i &gt;= this, or null for no target
     * @param bPoints points of the b grid on which every l*_i is listed (0: none); needs a finite bHigh
     */
    public record Settings(String landscape, Domain.Interval domain, Domain.Interval window, int gridPoints,
            double bLow, double bHigh, Double targetRadius, int bPoints) {

        /** Validated settings; {@code window} null means {@link #DEFAULT_WINDOW}. */
        public static Settings of(String landscape, Domain.Interval domain, Domain.Interval window, int gridPoints,
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
            Basins basins = s.basins();
            if (targetRadius != null) {
                ClipControl.keeping(basins, bLow, bHigh, targetRadius); // fails when no minimum is that wide
            }
            return s;
        }

        /** The ICLR test function (iclr1d, [-1.6, 1.6]) over the given range, with a b grid of {@code bPoints}. */
        public static Settings iclr(double bLow, double bHigh, int bPoints) {
            return of("iclr1d", null, null, CriticalPoints1D.DEFAULT_GRID, bLow, bHigh, null, bPoints);
        }

        /** The landscape, its basins located on its projection interval or in the search window. */
        public Basins basins() {
            if (landscape == null) {
                throw Require.fail("landscape", "must be set");
            }
            Objective o = Landscapes.of(landscape, domain);
            if (!(o instanceof Objective1D f)) {
                throw Require.fail("landscape", o.name() + " is " + o.dimension()
                        + "-D: control of b needs the 1-D transition graph");
            }
            Domain.Interval scan = f.domain() instanceof Domain.Interval d ? d : window;
            return Basins.of(f, CriticalPoints1D.find(f, scan.lower(), scan.upper(), gridPoints), x -> 1.0);
        }

        /** Point k of the b grid: the midpoint of the k-th of {@code bPoints} equal cells of [bLow, bHigh]. */
        public double gridB(int k) {
            return bLow + (bHigh - bLow) * (k + 0.5) / bPoints;
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
     * @param basins the minima and their fields
     * @param bands the bands over [bLow, bHigh]
     * @param targetMinima the minima with r_i &gt;= R (null without a target)
     * @param keeping the bands whose widest set is exactly {@code targetMinima} (null without a target)
     * @param grid l*_i and irreducibility on the b grid (empty when {@code bPoints} is 0)
     */
    public record Result(Settings settings, Basins basins, List<ClipControl.Band> bands, int[] targetMinima,
            List<ClipControl.Band> keeping, List<GridPoint> grid) {

        /** The irreducible bands among {@link #keeping}: the recommended b (null without a target). */
        public List<ClipControl.Band> recommended() {
            return keeping == null ? null : keeping.stream().filter(ClipControl.Band::irreducible).toList();
        }

        /** A band in the control JSON: {b_low, b_high, widest, widest_minima, irreducible, max_jumps [min, max]}. */
        public Map<String, Object> band(ClipControl.Band b) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("b_low", b.bLow());
            m.put("b_high", Double.isFinite(b.bHigh()) ? (Object) b.bHigh() : null); // null: unclipped
            m.put("widest", Arrays.stream(b.widest()).boxed().toList());
            m.put("widest_minima", Arrays.stream(b.widest()).mapToObj(i -> (Object) basins.minimum(i)).toList());
            m.put("irreducible", b.irreducible());
            m.put("max_jumps", List.of(b.minJumps(), b.maxJumps()));
            return m;
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
        Basins basins = s.basins();
        return java.util.stream.IntStream.range(from, to).mapToObj(k -> {
            double b = s.gridB(k);
            TransitionGraph g = TransitionGraph.of(basins, b);
            return new GridPoint(b, g.jumpNumbers(), g.irreducible());
        }).toList();
    }

    @Override
    public int batch(Settings s, int threads) {
        return Math.max(1, (s.bPoints() + threads - 1) / threads); // the basins once per thread
    }

    @Override
    public Result result(Settings s, long seed, List<GridPoint> grid) {
        Basins basins = s.basins();
        List<ClipControl.Band> bands = ClipControl.scan(basins, s.bLow(), s.bHigh());
        int[] want = null;
        List<ClipControl.Band> keep = null;
        if (s.targetRadius() != null) {
            want = ClipControl.atLeastAsWide(basins, s.targetRadius());
            keep = ClipControl.keeping(basins, s.bLow(), s.bHigh(), s.targetRadius());
        }
        return new Result(s, basins, bands, want, keep, List.copyOf(grid));
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
