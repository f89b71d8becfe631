package dev.htsgd.theory;

import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The minimiser sets of a landscape in R^d, the points m_i of paper notes section 3 (step 1 and 2 of the method of
 * {@link FlowFields}): the limits of the gradient flow from a grid of starts and random starts, merged into points
 * and then into sets of equal value, sorted, with the field label of every start.
 */
final class MinimiserSets {

    /** The starts of the search: the grid's cell centres, then the random starts (projected on the domain). */
    final List<double[]> starts;
    /** The field index of each start's limit, -1 when its flow does not settle. */
    final int[] startLabel;
    /** Starts whose flow did not settle. */
    final int unsettled;
    final List<FlowFields.MinimiserSet> sets;
    /** The distinct limit points of each set. */
    final List<List<double[]>> members;
    /** The representatives m_i. */
    final double[][] centres;

    private final Objective f;
    private final FlowRd flow;
    private final double[] lo;
    private final double[] hi;

    MinimiserSets(Objective f, FlowRd flow, double[] lo, double[] hi, double diag, FlowFields.Options o,
                  List<String> warnings) {
        this.f = f;
        this.flow = flow;
        this.lo = lo;
        this.hi = hi;
        int d = f.dimension();
        // 1. starts and their limits
        List<double[]> starts = starts(d, o);
        List<double[]> limits = new ArrayList<>();
        int[] startLimit = new int[starts.size()];
        int bad = 0;
        String badExample = null;
        for (int k = 0; k < starts.size(); k++) {
            FlowRd.End e = flow.settle(starts.get(k));
            if (!e.settled()) {
                bad++;
                if (badExample == null) {
                    badExample = "from " + fmt(starts.get(k)) + " it ends at " + fmt(e.point()) + " with |projected grad f| = "
                            + String.format(Locale.ROOT, "%.3g", e.gradient());
                }
                startLimit[k] = -1;
                continue;
            }
            startLimit[k] = limits.size();
            limits.add(e.point());
        }
        this.unsettled = bad;
        if (limits.isEmpty()) {
            throw new IllegalArgumentException("landscape " + f.name() + ": the gradient flow settles at no minimum from any of "
                    + starts.size() + " starts in the box " + fmt(lo) + " - " + fmt(hi) + " (" + badExample + ")");
        }
        if (bad > 0) {
            warnings.add("the gradient flow does not settle within flow time " + FlowRd.SETTLE_TIME + " from " + bad + " of "
                    + starts.size() + " starts (" + badExample + "): a part of the landscape may fall without a minimum"
                    + " or be too flat; those starts are ignored");
        }
        // 2. minimiser sets
        double cell = diag / o.startsPerAxis();
        int[] limitSet = new int[limits.size()];
        List<List<double[]>> groups = group(limits, limitSet, 1e-4 * diag, 2 * cell);
        Integer[] order = new Integer[groups.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        double[][] reps = new double[groups.size()][];
        for (int k = 0; k < reps.length; k++) {
            reps[k] = representative(groups.get(k));
        }
        double sortTol = 1e-4 * maxSide();
        Arrays.sort(order, Comparator.comparing((Integer k) -> reps[k], (u, v) -> {
            for (int c = 0; c + 1 < u.length; c++) {
                int cmp = Double.compare(Math.rint(u[c] / sortTol), Math.rint(v[c] / sortTol));
                if (cmp != 0) {
                    return cmp;
                }
            }
            return Double.compare(u[u.length - 1], v[v.length - 1]);
        }));
        int[] rank = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        int n = groups.size();
        int[] startCounts = new int[n];
        int[] startLabel = new int[starts.size()];
        for (int k = 0; k < starts.size(); k++) {
            startLabel[k] = startLimit[k] < 0 ? -1 : rank[limitSet[startLimit[k]]];
            if (startLabel[k] >= 0) {
                startCounts[startLabel[k]]++;
            }
        }
        List<FlowFields.MinimiserSet> ms = new ArrayList<>();
        List<List<double[]>> mem = new ArrayList<>();
        this.centres = new double[n][];
        for (int r = 0; r < n; r++) {
            List<double[]> g = groups.get(order[r]);
            double[] m = reps[order[r]];
            double spread = 0;
            for (double[] a : g) {
                for (double[] b : g) {
                    spread = Math.max(spread, FlowRd.distance(a, b));
                }
            }
            double grad = flow.gradientNorm(m);
            boolean boundary = grad > 1e-6;
            ms.add(new FlowFields.MinimiserSet(m, f.value(m), startCounts[r], g.size(), spread, boundary));
            mem.add(List.copyOf(g));
            centres[r] = m.clone();
            if (g.size() > 1) {
                warnings.add("minimiser set " + r + " is not a point: " + g.size() + " limit points of value "
                        + String.format(Locale.ROOT, "%.6g", f.value(m)) + " spread over " + String.format(Locale.ROOT, "%.4g", spread)
                        + "; the theory assumes isolated minimisers, m_" + r + " = " + fmt(m) + " (nearest the members' centroid)"
                        + " stands for the set and distances are measured from it");
            }
            if (boundary) {
                warnings.add("minimiser " + r + " at " + fmt(m) + " lies on the domain's boundary (|grad f| = "
                        + String.format(Locale.ROOT, "%.3g", grad) + ", the projection holds it): the theory assumes"
                        + " interior minimisers; its field is kept, its rates count the projection");
            }
        }
        this.sets = List.copyOf(ms);
        this.members = List.copyOf(mem);
        this.starts = starts;
        this.startLabel = startLabel;
    }

    /** The search box: the domain's bounding box, [-10, 10]^d for an unbounded domain. */
    static double[][] box(Objective f) {
        int d = f.dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        Domain dom = f.domain();
        if (dom instanceof Domain.Ball b) {
            for (int c = 0; c < d; c++) {
                lo[c] = b.center()[c] - b.radius();
                hi[c] = b.center()[c] + b.radius();
            }
        } else if (dom instanceof Domain.Box b) {
            System.arraycopy(b.lo(), 0, lo, 0, d);
            System.arraycopy(b.hi(), 0, hi, 0, d);
        } else if (dom instanceof Domain.Interval iv) {
            lo[0] = iv.lo();
            hi[0] = iv.hi();
        } else {
            Arrays.fill(lo, -10);
            Arrays.fill(hi, 10);
        }
        return new double[][] {lo, hi};
    }

    private double maxSide() {
        double m = 0;
        for (int c = 0; c < lo.length; c++) {
            m = Math.max(m, hi[c] - lo[c]);
        }
        return m;
    }

    private List<double[]> starts(int d, FlowFields.Options o) {
        List<double[]> out = new ArrayList<>();
        int per = o.startsPerAxis();
        int total = (int) Math.pow(per, d);
        for (int k = 0; k < total; k++) {
            int rest = k;
            double[] x = new double[d];
            for (int c = 0; c < d; c++) {
                x[c] = lo[c] + (hi[c] - lo[c]) * (rest % per + 0.5) / per;
                rest /= per;
            }
            f.domain().project(x);
            out.add(x);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(o.seed() ^ 0x5deece66dL);
        for (int k = 0; k < o.randomStarts(); k++) {
            double[] x = new double[d];
            for (int c = 0; c < d; c++) {
                x[c] = lo[c] + (hi[c] - lo[c]) * rng.nextDouble();
            }
            f.domain().project(x);
            out.add(x);
        }
        return out;
    }

    /**
     * Groups limit points: first those closer than {@code merge} (one point), then points of equal value closer
     * than {@code link} whose midpoint settles at a third point of that value (one minimiser set).
     */
    private List<List<double[]>> group(List<double[]> limits, int[] setOf, double merge, double link) {
        List<double[]> points = new ArrayList<>();
        int[] pointOf = new int[limits.size()];
        for (int k = 0; k < limits.size(); k++) {
            double[] p = limits.get(k);
            int found = -1;
            for (int q = 0; q < points.size() && found < 0; q++) {
                if (FlowRd.distance(points.get(q), p) < merge) {
                    found = q;
                }
            }
            if (found < 0) {
                points.add(p);
                found = points.size() - 1;
            }
            pointOf[k] = found;
        }
        int np = points.size();
        int[] parent = new int[np];
        for (int k = 0; k < np; k++) {
            parent[k] = k;
        }
        double[] values = points.stream().mapToDouble(f::value).toArray();
        for (int a = 0; a < np; a++) {
            for (int b = a + 1; b < np; b++) {
                double[] p = points.get(a);
                double[] q = points.get(b);
                double ftol = 1e-9 * (1 + Math.abs(values[a]));
                if (Math.abs(values[a] - values[b]) > ftol || FlowRd.distance(p, q) > link || find(parent, a) == find(parent, b)) {
                    continue;
                }
                double[] mid = new double[p.length];
                for (int c = 0; c < mid.length; c++) {
                    mid[c] = 0.5 * (p[c] + q[c]);
                }
                FlowRd.End e = flow.settle(mid);
                if (e.settled() && Math.abs(f.value(e.point()) - values[a]) <= ftol
                        && FlowRd.distance(e.point(), p) >= merge && FlowRd.distance(e.point(), q) >= merge) {
                    parent[find(parent, a)] = find(parent, b);
                }
            }
        }
        List<List<double[]>> groups = new ArrayList<>();
        int[] groupOf = new int[np];
        Arrays.fill(groupOf, -1);
        for (int k = 0; k < np; k++) {
            int root = find(parent, k);
            if (groupOf[root] < 0) {
                groupOf[root] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOf[root]).add(points.get(k));
            groupOf[k] = groupOf[root];
        }
        for (int k = 0; k < limits.size(); k++) {
            setOf[k] = groupOf[find(parent, pointOf[k])];
        }
        return groups;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static double[] representative(List<double[]> g) {
        int d = g.get(0).length;
        double[] c = new double[d];
        for (double[] p : g) {
            for (int k = 0; k < d; k++) {
                c[k] += p[k] / g.size();
            }
        }
        double[] best = g.get(0);
        for (double[] p : g) {
            if (FlowRd.distance(p, c) < FlowRd.distance(best, c)) {
                best = p;
            }
        }
        return best.clone();
    }

    static String fmt(double[] x) {
        StringBuilder sb = new StringBuilder("(");
        for (int c = 0; c < x.length; c++) {
            sb.append(c > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.6g", x[c]));
        }
        return sb.append(')').toString();
    }

}
