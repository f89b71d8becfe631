package dev.htsgd.landscape;

import dev.htsgd.check.InvalidParameterException;
import dev.htsgd.check.Require;
import java.util.Arrays;

/**
 * Where the iterate may live, and the projection Proj of the recursion (paper notes, section 2):
 * the whole space, an interval [-L, L] (ICLR 1-D), a box, or an L2 ball (ICLR 2-D, radius 4.2).
 */
public sealed interface Domain permits Domain.Unbounded, Domain.Interval, Domain.Box, Domain.Ball {

    /** True when x lies in the closed domain. */
    boolean contains(double[] x);

    /** Projects x onto the domain in place (nearest point); no-op for {@link Unbounded}. */
    void project(double[] x);

    /** 1-D projection; only meaningful for one-dimensional domains. */
    default double project(double x) {
        return x;
    }

    /** Lower bound of a one-dimensional domain (or -inf). */
    default double lower() {
        return Double.NEGATIVE_INFINITY;
    }

    /** Upper bound of a one-dimensional domain (or +inf). */
    default double upper() {
        return Double.POSITIVE_INFINITY;
    }

    String describe();

    /**
     * This domain for a landscape of dimension d, named {@code landscape} in errors: a ball around the origin is
     * the ball of the same radius around the origin of R^d (what {@link #parse} builds for a radius, whatever
     * the landscape's dimension); every other domain is returned as it is when it has dimension d.
     *
     * @throws InvalidParameterException naming {@code domain} when the domain is of another dimension (an
     *     interval for d &gt; 1, a ball or a box for d = 1, a box or an off-centre ball of another dimension)
     */
    default Domain inDimension(int d, String landscape) {
        return this;
    }

    static Domain unbounded() {
        return Unbounded.INSTANCE;
    }

    static Interval interval(double lo, double hi) {
        return new Interval(lo, hi);
    }

    static Ball ball(double[] center, double radius) {
        return new Ball(center.clone(), radius);
    }

    static Box box(double[] lo, double[] hi) {
        return new Box(lo.clone(), hi.clone());
    }

    /**
     * The domain replacing a landscape's default, given as an interval {@code "a,b"} (1-D) or as the radius of
     * a ball around the origin (2-D, 3-D), or null when neither is given (keep the default). The one parser of
     * both forms, shared by the command line and the Spark sweeps, so both refuse the same input the same way.
     * The ball is built in the plane; {@link Landscapes#of(String, Domain)} takes it in the landscape's dimension
     * ({@link #inDimension}).
     *
     * @param interval {@code "a,b"} with finite a &lt; b, or null (parameter {@code domain})
     * @param ballRadius the radius R in (0, inf) of the ball |x| &lt;= R around the origin, or null (parameter {@code ball})
     * @throws InvalidParameterException when both are given or one is malformed
     */
    static Domain parse(String interval, Double ballRadius) {
        if (interval != null && ballRadius != null) {
            throw Require.fail("domain", "and `ball` exclude each other: an interval a,b is for 1-D landscapes, "
                    + "a ball radius R for 2-D and 3-D");
        }
        if (interval != null) {
            return parseInterval("domain", interval);
        }
        if (ballRadius != null) {
            return ball(new double[] {0, 0}, Require.positive("ball", ballRadius));
        }
        return null;
    }

    /**
     * The interval [a, b] written {@code "a,b"} (spaces allowed), with finite a &lt; b; {@code parameter} names
     * the value in the error ({@code domain}, {@code window}).
     *
     * @throws InvalidParameterException when the text is not two finite numbers a &lt; b
     */
    static Interval parseInterval(String parameter, String text) {
        String[] p = text.split(",");
        if (p.length != 2) {
            throw Require.fail(parameter, "must be a,b with a < b, got '" + text + "'");
        }
        double a;
        double b;
        try {
            a = Double.parseDouble(p[0].strip());
            b = Double.parseDouble(p[1].strip());
        } catch (NumberFormatException e) {
            throw Require.fail(parameter, "must be a,b with a < b (numbers), got '" + text + "'");
        }
        if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw Require.fail(parameter, "must be a,b with finite a < b, got '" + text + "'");
        }
        return interval(a, b);
    }

    /** All of R^d: no projection. */
    enum Unbounded implements Domain {
        INSTANCE;

        @Override
        public boolean contains(double[] x) {
            for (double v : x) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void project(double[] x) {
            // nothing to do
        }

        @Override
        public String describe() {
            return "unbounded";
        }
    }

    /** The closed interval [lo, hi] of the real line. */
    record Interval(double lo, double hi) implements Domain {
        public Interval {
            if (!(lo < hi) || Double.isNaN(lo) || Double.isNaN(hi)) {
                throw new IllegalArgumentException("domain must satisfy lo < hi, got [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public boolean contains(double[] x) {
            return x[0] >= lo && x[0] <= hi;
        }

        @Override
        public void project(double[] x) {
            x[0] = project(x[0]);
        }

        @Override
        public double project(double x) {
            return x < lo ? lo : (x > hi ? hi : x);
        }

        @Override
        public double lower() {
            return lo;
        }

        @Override
        public double upper() {
            return hi;
        }

        @Override
        public String describe() {
            return "[" + lo + ", " + hi + "]";
        }

        @Override
        public Domain inDimension(int d, String landscape) {
            if (d != 1) {
                throw Require.fail("domain", ": an interval is for 1-D landscapes; " + landscape + " is " + d
                        + "-D: give a ball or a box");
            }
            return this;
        }
    }

    /** The box of coordinate-wise bounds lo[k] &lt;= x[k] &lt;= hi[k]. */
    record Box(double[] lo, double[] hi) implements Domain {
        public Box {
            if (lo.length != hi.length || lo.length == 0) {
                throw new IllegalArgumentException("box bounds must have the same positive length");
            }
            for (int k = 0; k < lo.length; k++) {
                if (!(lo[k] < hi[k])) {
                    throw new IllegalArgumentException("box must satisfy lo < hi in coordinate " + k);
                }
            }
        }

        @Override
        public boolean contains(double[] x) {
            for (int k = 0; k < lo.length; k++) {
                if (!(x[k] >= lo[k] && x[k] <= hi[k])) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void project(double[] x) {
            for (int k = 0; k < lo.length; k++) {
                x[k] = x[k] < lo[k] ? lo[k] : (x[k] > hi[k] ? hi[k] : x[k]);
            }
        }

        @Override
        public String describe() {
            return "box " + Arrays.toString(lo) + " x " + Arrays.toString(hi);
        }

        @Override
        public Domain inDimension(int d, String landscape) {
            if (d == 1) {
                throw notForOneD(landscape);
            }
            if (lo.length != d) {
                throw Require.fail("domain", ": a " + lo.length + "-D box does not fit " + landscape + ", which is " + d + "-D");
            }
            return this;
        }
    }

    /** The closed L2 ball of the given radius around center. */
    record Ball(double[] center, double radius) implements Domain {
        public Ball {
            if (!(radius > 0) || !Double.isFinite(radius)) {
                throw new IllegalArgumentException("ball radius must be in (0, inf), got " + radius);
            }
        }

        /** ||x - center||^2. */
        private double squaredDistance(double[] x) {
            double s = 0;
            for (int k = 0; k < center.length; k++) {
                double d = x[k] - center[k];
                s += d * d;
            }
            return s;
        }

        @Override
        public boolean contains(double[] x) {
            return squaredDistance(x) <= radius * radius;
        }

        @Override
        public void project(double[] x) {
            double s = squaredDistance(x);
            if (s > radius * radius) {
                double f = radius / Math.sqrt(s);
                for (int k = 0; k < center.length; k++) {
                    x[k] = center[k] + (x[k] - center[k]) * f;
                }
            }
        }

        @Override
        public String describe() {
            return "ball radius " + radius + " around " + Arrays.toString(center);
        }

        /** The ball around the origin of R^d for a ball around the origin; else this ball when it is d-D. */
        @Override
        public Domain inDimension(int d, String landscape) {
            if (d == 1) {
                throw notForOneD(landscape);
            }
            if (center.length == d) {
                return this;
            }
            if (Arrays.stream(center).allMatch(c -> c == 0)) {
                return new Ball(new double[d], radius);
            }
            throw Require.fail("domain", ": the ball around " + Arrays.toString(center) + " is " + center.length
                    + "-D and does not fit " + landscape + ", which is " + d + "-D");
        }
    }

    private static InvalidParameterException notForOneD(String landscape) {
        return Require.fail("domain", ": a ball or a box is for 2-D and 3-D landscapes; " + landscape
                + " is 1-D: give an interval");
    }
}
