package dev.htsgd.landscape;

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
    }
}
