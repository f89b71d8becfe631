package dev.htsgd.theory;

import dev.htsgd.check.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Control of the truncation threshold b (paper notes, section 4): as b varies, which minima are the widest
 * (V*_b, where the clipped SGD spends almost all its time) and whether G_b stays irreducible.
 *
 * <p>The structure changes only where some r_i / b or dist(m_i, I_j) / b crosses an integer, i.e. at the
 * breakpoints d / k; between consecutive breakpoints it is constant. Bands with the same widest set and
 * irreducibility are merged. The breakpoints themselves are excluded (the limit theorems need non-integer
 * ratios).
 */
public final class ClipControl {

    /** Most breakpoints scanned before the range is refused as too fine. */
    public static final int MAX_BREAKPOINTS = 200_000;

    private ClipControl() {
    }

    /**
     * One open interval (bLow, bHigh) of thresholds with the same widest minima and irreducibility.
     *
     * @param minJumps least max_i l*_i over the band
     * @param maxJumps largest max_i l*_i over the band
     */
    public record Band(double bLow, double bHigh, int[] widest, boolean irreducible, int minJumps, int maxJumps) {
        public Band {
            widest = widest.clone();
        }

        @Override
        public int[] widest() {
            return widest.clone();
        }
    }

    /** Bands over [bLow, bHigh] (bHigh may be +infinity for "up to unclipped"). */
    public static List<Band> scan(Basins basins, double bLow, double bHigh) {
        return scan(basins.radii(), basins.distances(), bLow, bHigh, mid -> TransitionGraph.of(basins, mid));
    }

    /**
     * Bands of any landscape from its radii r_i and distances dist(m_i, I_j) (a d-D landscape's
     * {@link FlowFields}).
     */
    public static List<Band> scan(double[] radii, double[][] distances, double bLow, double bHigh) {
        return scan(radii, distances, bLow, bHigh, mid -> TransitionGraph.of(radii, distances, mid));
    }

    private static List<Band> scan(double[] radii, double[][] distances, double bLow, double bHigh,
                                   java.util.function.DoubleFunction<TransitionGraph> graphAt) {
        Require.positive("bLow", bLow);
        Require.openClosed("bHigh", bHigh, bLow, Double.POSITIVE_INFINITY);
        int n = radii.length;
        TreeSet<Double> cuts = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double d = j == i ? radii[i] : distances[i][j];
                if (!Double.isFinite(d)) {
                    continue;
                }
                for (int k = 1; d / k >= bLow; k++) {
                    if (d / k < bHigh) {
                        cuts.add(d / k);
                    }
                    if (cuts.size() > MAX_BREAKPOINTS) {
                        throw Require.fail("bLow", bLow + " is too small: more than "
                                + MAX_BREAKPOINTS + " structure changes; raise it");
                    }
                }
            }
        }
        List<Double> pts = new ArrayList<>();
        pts.add(bLow);
        for (double c : cuts) {
            // ratios equal in exact arithmetic (0.9/3, 0.6/2) differ in the last bits: one cut
            if (c - pts.get(pts.size() - 1) > 1e-12 * c) {
                pts.add(c);
            }
        }
        if (bHigh - pts.get(pts.size() - 1) > 1e-12 * bHigh) {
            pts.add(bHigh);
        } else {
            pts.set(pts.size() - 1, bHigh);
        }
        List<Band> bands = new ArrayList<>();
        for (int k = 0; k + 1 < pts.size(); k++) {
            double lo = pts.get(k);
            double hi = pts.get(k + 1);
            if (!(hi > lo)) {
                continue;
            }
            double mid = Double.isInfinite(hi) ? lo * 2 + 1 : 0.5 * (lo + hi);
            TransitionGraph g = graphAt.apply(mid);
            int lm = g.maxJumpNumber();
            Band last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
            if (last != null && Arrays.equals(last.widest(), g.widest()) && last.irreducible() == g.irreducible()) {
                bands.set(bands.size() - 1, new Band(last.bLow(), hi, last.widest(), last.irreducible(),
                        Math.min(last.minJumps(), lm), Math.max(last.maxJumps(), lm)));
            } else {
                bands.add(new Band(lo, hi, g.widest(), g.irreducible(), lm, lm));
            }
        }
        return bands;
    }

    /** The minima at least as wide as the target radius: { i : r_i &gt;= target }. */
    public static int[] atLeastAsWide(Basins basins, double targetRadius) {
        return atLeastAsWide(basins.radii(), targetRadius);
    }

    /** The minima at least as wide as the target radius, of any landscape: { i : r_i &gt;= target }. */
    public static int[] atLeastAsWide(double[] radii, double targetRadius) {
        Require.positive("targetRadius", targetRadius);
        return IntStream.range(0, radii.length).filter(i -> radii[i] >= targetRadius).toArray();
    }

    /**
     * The bands whose widest set is exactly the minima with r_i &gt;= targetRadius; reducible ones are kept and
     * marked by {@link Band#irreducible()} = false.
     */
    public static List<Band> keeping(Basins basins, double bLow, double bHigh, double targetRadius) {
        return keeping(scan(basins, bLow, bHigh), basins.radii(), targetRadius);
    }

    /**
     * The bands among {@code bands} (of the landscape with radii r_i) whose widest set is exactly the minima with
     * r_i &gt;= targetRadius.
     *
     * @throws dev.htsgd.check.InvalidParameterException naming {@code targetRadius} when no minimum is that wide
     */
    public static List<Band> keeping(List<Band> bands, double[] radii, double targetRadius) {
        int[] want = atLeastAsWide(radii, targetRadius);
        if (want.length == 0) {
            throw Require.fail("targetRadius", targetRadius + " exceeds every radius (largest "
                    + Arrays.stream(radii).max().orElse(0) + "): no minimum is that wide");
        }
        return bands.stream().filter(band -> Arrays.equals(band.widest(), want)).toList();
    }
}
