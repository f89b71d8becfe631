package dev.htsgd.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The axes of a sweep: its cells are the cartesian product of landscapes, noise families, tail indices
 * alpha, noise scales c, thresholds b (+infinity = none), learning rates eta and seeds (and reproduce
 * targets). The order of {@link #cells()} is fixed (target, landscape, noise, alpha, scale, b, seed, eta:
 * eta varies fastest), so a cell's index, and with it every task id, is stable across runs of one sweep.
 */
public record SweepGrid(List<String> targets, List<String> landscapes, List<String> noises, List<Double> alphas,
                        List<Double> scales, List<Double> clips, List<Double> etas, List<Long> seeds)
        implements Serializable {

    /** Validates the axes eagerly; messages name the option and its allowed range. */
    public static SweepGrid of(List<String> targets, List<String> landscapes, List<String> noises,
                               List<Double> alphas, List<Double> scales, List<Double> clips, List<Double> etas,
                               List<Long> seeds) {
        List<String> t = targets == null || targets.isEmpty() ? List.of("") : List.copyOf(targets);
        if (targets != null && !targets.isEmpty()) {
            nonEmpty("--target", targets);
        }
        nonEmpty("--landscape", landscapes);
        nonEmpty("--noise", noises);
        nonEmpty("--alpha", alphas);
        nonEmpty("--scale", scales);
        nonEmpty("--clip", clips);
        nonEmpty("--eta", etas);
        nonEmpty("--seeds", seeds);
        positive("--alpha", alphas, true, "(0, inf]");
        positive("--scale", scales, false, "(0, inf)");
        positive("--clip", clips, true, "(0, inf) or none");
        positive("--eta", etas, false, "(0, inf)");
        for (String l : landscapes) {
            if (l == null || l.isBlank()) {
                throw new IllegalArgumentException("--landscape must name a landscape, got an empty one");
            }
        }
        long size = (long) t.size() * landscapes.size() * noises.size() * alphas.size() * scales.size()
                * clips.size() * etas.size() * seeds.size();
        if (size > 1_000_000) {
            throw new IllegalArgumentException("the sweep grid must have at most 1000000 cells, got " + size);
        }
        return new SweepGrid(t, List.copyOf(landscapes), List.copyOf(noises), List.copyOf(alphas),
                List.copyOf(scales), List.copyOf(clips), List.copyOf(etas), List.copyOf(seeds));
    }

    /** Parses a learning rate: 0.001, 1e-3 or 1/1000. */
    public static double parseEta(String s) {
        return dev.htsgd.check.Require.positiveRate("eta", s);
    }

    /** Parses a threshold b: a positive number, or none / inf for no truncation. */
    public static double parseClip(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("inf") || t.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--clip must be in (0, inf) or none, got '" + s + "'");
        }
    }

    /** The cells in their fixed order. */
    public List<Cell> cells() {
        int n = size();
        List<Cell> cells = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            cells.add(cell(i));
        }
        return cells;
    }

    /** The axes in mixed-radix order, fastest first: eta, seed, b, scale, alpha, noise, landscape, target. */
    private List<List<?>> axes() {
        return List.of(etas, seeds, clips, scales, alphas, noises, landscapes, targets);
    }

    /** The number of cells. */
    public int size() {
        int n = 1;
        for (List<?> axis : axes()) {
            n *= axis.size();
        }
        return n;
    }

    /** Cell {@code index} of {@link #cells()}, without building the list (mixed-radix decoding, eta fastest). */
    public Cell cell(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("cell " + index + " of " + size());
        }
        List<List<?>> axes = axes();
        Object[] v = new Object[axes.size()];
        int i = index;
        for (int a = 0; a < v.length; a++) {
            v[a] = axes.get(a).get(i % axes.get(a).size());
            i /= axes.get(a).size();
        }
        return new Cell(index, (String) v[6], (String) v[5], (Double) v[4], (Double) v[3], (Double) v[2], (Double) v[0],
                (Long) v[1], (String) v[7]);
    }

    /** A number as the shortest text that reads back to it (0.5, 1e-4, 3). */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Every value positive, and finite unless {@code infinityAllowed}; messages name the option and its range. */
    private static void positive(String option, List<Double> values, boolean infinityAllowed, String range) {
        for (double v : values) {
            if (!(v > 0) || Double.isNaN(v) || (!infinityAllowed && Double.isInfinite(v))) {
                throw new IllegalArgumentException(option + " must be in " + range + ", got " + v);
            }
        }
    }

    private static void nonEmpty(String option, List<?> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(option + " must name at least one value");
        }
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException(option + " has an empty value");
            }
            // a grid axis that lists a value twice runs its cells twice and weighs them twice in the fits
            if (!seen.add(v)) {
                throw new IllegalArgumentException(option + " lists " + v + " twice: give each value once");
            }
        }
    }
}
