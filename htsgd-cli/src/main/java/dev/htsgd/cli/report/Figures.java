package dev.htsgd.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The kinds of figure the experiments draw, built from plain numbers on {@link Plots}: measured points with their
 * theory line in one colour, trajectories as small multiples over the basin boundaries, log-density histograms
 * with the minima and maxima marked, time per basin as grouped bars with the theory's markers, and step
 * functions over shaded bands. Setting {@code i} is palette colour {@code i} in every figure of a target.
 */
public final class Figures {

    /** Points of a theory line between the smallest and largest measured x (log-spaced). */
    static final int THEORY_POINTS = 25;

    /** Kind (legend entry) of the basin boundaries. */
    public static final String BOUNDARIES = "basin boundaries (local maxima)";
    /** Kind (legend entry) of the minima. */
    public static final String MINIMA = "local minima m1, m2, ...";

    private Figures() {
    }

    /**
     * Setting {@code colour}'s measured points {x, y, standard error} as markers with error bars y +- se, and its
     * theory {@code theory(x)} as a line of the same colour over the measured x range only (log-spaced
     * points). No points: no line either.
     */
    public static List<Plots.Series> measuredAndTheory(int colour, String label, List<double[]> measured,
            DoubleUnaryOperator theory) {
        double[] x = measured.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = measured.stream().mapToDouble(p -> p[1]).toArray();
        double[] lo = measured.stream().mapToDouble(p -> p[1] - (p.length > 2 ? p[2] : 0)).toArray();
        double[] hi = measured.stream().mapToDouble(p -> p[1] + (p.length > 2 ? p[2] : 0)).toArray();
        List<Plots.Series> out = new ArrayList<>();
        out.add(Plots.Series.markers("measured, " + label, x, y).colour(colour).errors(lo, hi));
        if (x.length > 0) {
            double a = java.util.Arrays.stream(x).min().getAsDouble();
            double b = java.util.Arrays.stream(x).max().getAsDouble();
            int n = a == b ? 1 : THEORY_POINTS;
            double[] tx = new double[n];
            double[] ty = new double[n];
            for (int i = 0; i < n; i++) {
                tx[i] = n == 1 ? a : a * Math.pow(b / a, i / (n - 1.0));
                ty[i] = theory.applyAsDouble(tx[i]);
            }
            Plots.Series line = Plots.Series.line("theory, " + label, tx, ty).colour(colour);
            out.add(n == 1 ? line.style(Plots.Style.OPEN_MARKERS) : line);
        }
        return out;
    }

    /** Vertical (or horizontal) guides at the minima (solid, labelled m1, m2, ...) and the maxima (dashed). */
    public static List<Plots.Guide> minimaAndMaxima(double[] minima, double[] maxima, boolean vertical) {
        List<Plots.Guide> g = new ArrayList<>();
        for (int i = 0; i < minima.length; i++) {
            g.add(new Plots.Guide(minima[i], vertical, BasinNames.minimum(i), false, MINIMA));
        }
        for (double m : maxima) {
            g.add(new Plots.Guide(m, vertical, null, true, BOUNDARIES));
        }
        return g;
    }

    /**
     * Trajectories as small multiples: one panel per setting (its label in the corner, its colour), the same
     * axes in each, and the basin boundaries (maxima) as dashed horizontal lines.
     */
    public static Plot trajectories(Path dir, String name, Plots.Axes axes, List<String> labels, List<double[]> times,
            List<double[]> paths, double[] maxima) {
        List<Plots.Panel> panels = new ArrayList<>();
        List<Plots.Guide> guides = new ArrayList<>();
        for (double m : maxima) {
            guides.add(new Plots.Guide(m, false, null, true, BOUNDARIES));
        }
        for (int i = 0; i < labels.size(); i++) {
            panels.add(Plots.Panel.of(labels.get(i),
                    List.of(Plots.Series.line(labels.get(i), times.get(i), paths.get(i)).colour(i).unlisted()))
                    .withGuides(guides));
        }
        return Plots.panels(dir, name, axes, panels);
    }

    /**
     * Densities of visited locations on {@code bins} bins over [lo, hi] on a log y axis (so the rarely visited
     * basins show), one step line per setting in colour {@code colours[k]}, with the minima and maxima marked.
     */
    public static Plot densityHistogram(Path dir, String name, Plots.Axes axes, List<String> labels, List<double[]> samples,
            int[] colours, int bins, double lo, double hi, double[] minima, double[] maxima) {
        List<Plots.Series> series = new ArrayList<>();
        for (int k = 0; k < labels.size(); k++) {
            series.add(Plots.histogramSeries(labels.get(k), Plots.counts(samples.get(k), bins, lo, hi), lo, hi).colour(colours[k]));
        }
        return Plots.xy(dir, name, axes.withLogY(), Plots.Panel.of(null, series).withGuides(minimaAndMaxima(minima, maxima, true)));
    }

    /**
     * Fraction of time per basin: one group of bars per basin, one bar per setting (colour = setting), and over
     * each bar the limiting chain's stationary law (filled diamond) and its prediction over the run's horizon
     * (open circle) where the setting has them (null entries: none).
     */
    public static Plot basinFractions(Path dir, String name, Plots.Axes axes, List<String> basins, List<String> settings,
            List<double[]> fractions, List<double[]> stationary, List<double[]> horizon) {
        List<Plots.Bars> bars = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            bars.add(new Plots.Bars(settings.get(i), fractions.get(i), i));
        }
        List<Plots.Marks> marks = List.of(
                new Plots.Marks("limiting chain: stationary law", stationary.toArray(new double[0][]), 3, false),
                new Plots.Marks("limiting chain over the run's horizon", horizon.toArray(new double[0][]), 0, true));
        return Plots.groupedBars(dir, name, axes, basins, bars, marks);
    }

    /** Palette index of the shading of bands where a property holds (grey), and of the recommended ones (green). */
    public static final int HOLDS = 7;
    public static final int RECOMMENDED = 2;

    /**
     * Step functions of x (e.g. l*_i against b), one per label in colours {@code colours}, over shaded bands of x.
     * Steps that coincide would hide each other, so step {@code i} is drawn {@code offset x (i - (n-1)/2)} above
     * its value (the caption says so); 0 draws them as they are.
     */
    public static Plot stepsOverBands(Path dir, String name, Plots.Axes axes, double[] x, List<String> labels,
            List<double[]> steps, int[] colours, double offset, List<Plots.Band> bands) {
        List<Plots.Series> series = new ArrayList<>();
        int n = labels.size();
        for (int i = 0; i < n; i++) {
            double shift = offset * (i - (n - 1) / 2.0);
            double[] y = java.util.Arrays.stream(steps.get(i)).map(v -> v + shift).toArray();
            series.add(new Plots.Series(labels.get(i), x, y, Plots.Style.STEP).colour(colours[i]));
        }
        return Plots.xy(dir, name, axes, Plots.Panel.of(null, series).withBands(bands));
    }
}
