package dev.htsgd.theory;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The ray search of paper notes section 3 (step 3 of the method of {@link FlowFields}): the radius
 * r_i = dist(m_i, I_i^c) and the distances dist(m_i, I_j) behind l*(i, j) = ceil(dist / b), as the first point of
 * the set along rays from m_i, marched, bisected and refined over directions.
 */
final class RaySearch {

    static final double ANGLE_TOL = 1e-4;

    private final Objective f;
    private final FieldLabels labels;
    private final double[][] centres;
    private final int directions;
    private final double diag;
    private final double tolerance;
    private final double step;
    /** r_i, +infinity when no searched ray leaves the field. */
    final double[] radii;
    /** dist(m_i, I_j), 0 on the diagonal. */
    final double[][] dist;
    /** The direction from m_i of the nearest exit found. */
    final double[][] exitDirection;

    RaySearch(Objective f, FieldLabels labels, double[][] centres, int directions, double diag, double tolerance,
              double step) {
        this.f = f;
        this.labels = labels;
        this.centres = centres;
        this.directions = directions;
        this.diag = diag;
        this.tolerance = tolerance;
        this.step = step;
        int n = centres.length;
        this.radii = new double[n];
        this.dist = new double[n][n];
        this.exitDirection = new double[n][];
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

    static double[] along(double[] m, double[] u, double t) {
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
            if (hits(labels.labelCounted(along(m, u, tt)), i, k)) {
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
            boolean hitA = a > 0 && hits(labels.labelCounted(along(centres[i], u, a)), i, k);
            if (!hitA) {
                if (!hits(labels.labelCounted(along(centres[i], u, b)), i, k)) {
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
            if (hits(labels.labelCounted(along(centres[i], u, mid)), i, k)) {
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
            int l = labels.labelCounted(along(m, u, tt));
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

    /** Searches the rays of field i: r_i, dist(m_i, I_j) and the exit direction; returns the searched directions. */
    List<double[]> search(int i, List<double[]> starts, int[] startLabel, UniformRandomProvider rng) {
        int n = centres.length;
        int d = f.dimension();
        double[] m = centres[i];
        List<double[]> dirs = new ArrayList<>();
        double offset = rng.nextDouble() * 2 * Math.PI / directions;
        for (int k = 0; k < directions; k++) {
            double[] u = new double[d];
            if (!planarDirection(k, directions, offset, u)) {
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
                best[k] = refine(i, k, u, best[k], d == 2 ? 2 * Math.PI / directions : 0.2);
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
        return dirs;
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

    /**
     * Direction k of n searched directions in 1-D (+1, -1, ...) and 2-D (equally spaced angles from offset) into u;
     * false in higher dimensions, where the caller draws the directions at random.
     */
    static boolean planarDirection(int k, int n, double offset, double[] u) {
        if (u.length == 1) {
            u[0] = k % 2 == 0 ? 1 : -1;
        } else if (u.length == 2) {
            double a = offset + 2 * Math.PI * k / n;
            u[0] = Math.cos(a);
            u[1] = Math.sin(a);
        } else {
            return false;
        }
        return true;
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
}
