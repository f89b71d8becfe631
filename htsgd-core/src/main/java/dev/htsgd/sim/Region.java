package dev.htsgd.sim;

import dev.htsgd.check.Require;
import dev.htsgd.theory.AttractionField;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.theory.Basins;
import java.util.function.DoublePredicate;
import java.util.function.Predicate;

/**
 * A set of states: the attraction field an exit experiment starts in, or the target of a rare event.
 * Intervals are checked in primitives (no call in the hot loop); predicates are for anything else.
 *
 * @param lo the lower end of an interval (NaN for a predicate)
 * @param hi the upper end of an interval (NaN for a predicate)
 * @param loOpen true when the lower end is open (x &gt; lo)
 * @param hiOpen true when the upper end is open (x &lt; hi)
 * @param oneD the test of a 1-D state, null for an interval
 * @param multiD the test of a d-D state, null for an interval
 * @param description how the region is printed
 */
public record Region(double lo, double hi, boolean loOpen, boolean hiOpen, DoublePredicate oneD,
        Predicate<double[]> multiD, String description) {

    /** The closed interval [lo, hi] (ends may be infinite). */
    public static Region interval(double lo, double hi) {
        return interval(lo, hi, false, false);
    }

    /** An interval with each end open or closed. */
    public static Region interval(double lo, double hi, boolean loOpen, boolean hiOpen) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException("interval must satisfy lo < hi, got [" + lo + ", " + hi + "]");
        }
        return new Region(lo, hi, loOpen, hiOpen, null, null,
                (loOpen ? "(" : "[") + end(lo) + ", " + end(hi) + (hiOpen ? ")" : "]"));
    }

    /** An end to 12 significant digits: a maximum found numerically reads 0.2, not 0.19999999999999996. */
    private static String end(double v) {
        return Double.isFinite(v) && v != 0
                ? Double.toString(new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue())
                : Double.toString(v);
    }

    /**
     * The attraction field I_i: open at the maxima (reaching s_i is leaving), closed at projection bounds (the
     * projection may put the iterate exactly there without it leaving).
     */
    public static Region field(AttractionField f) {
        return interval(f.left(), f.right(), f.leftIsExit(), f.rightIsExit());
    }

    /** A 1-D predicate. */
    public static Region of(DoublePredicate p, String description) {
        return new Region(Double.NaN, Double.NaN, false, false, p, x -> p.test(x[0]), description);
    }

    /** A d-D predicate. */
    public static Region ofVector(Predicate<double[]> p, String description) {
        return new Region(Double.NaN, Double.NaN, false, false, x -> p.test(new double[] {x}), p, description);
    }

    /** Field i of a basin map (2-D: by its grid labelling). */
    public static Region basin(BasinMap map, int i) {
        Require.closed("basin", i, 0, map.size() - 1);
        if (map instanceof Basins o) {
            return field(o.field(i));
        }
        return ofVector(x -> map.fieldOf(x) == i, "basin " + i);
    }

    /** True when this is an interval (checked in primitives). */
    public boolean isInterval() {
        return oneD == null;
    }

    public boolean contains(double x) {
        if (oneD != null) {
            return oneD.test(x);
        }
        return (loOpen ? x > lo : x >= lo) && (hiOpen ? x < hi : x <= hi);
    }

    public boolean contains(double[] x) {
        if (multiD != null) {
            return multiD.test(x);
        }
        return contains(x[0]);
    }

    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
