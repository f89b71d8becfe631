package dev.htsgd.theory;

import dev.htsgd.check.Require;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Jump numbers and the typical transition graph G_b of a 1-D landscape for a truncation threshold b
 * (paper notes, sections 3-4).
 *
 * <ul>
 *   <li>l*_i = ceil(r_i / b): the least number of clipped jumps that leave I_i from m_i; 1 when b = +infinity;</li>
 *   <li>l*(i, j) = ceil(dist(m_i, I_j) / b);</li>
 *   <li>edge m_i -&gt; m_j of G_b iff l*(i, j) = l*_i;</li>
 *   <li>communication classes (strongly connected components), absorbing when no edge leaves them, else
 *       transient; irreducible when there is one class;</li>
 *   <li>symmetric: every interior minimum has edges to both neighbours (and the outer ones to theirs);</li>
 *   <li>the widest minima V*_b = { m_i : l*_i = max_j l*_j }.</li>
 * </ul>
 * The theory needs r_i / b and dist(m_i, I_j) / b not to be integers; {@link #warnings()} names the ratios
 * that are within {@link #NEAR_INTEGER_TOLERANCE} of one.
 */
public final class TransitionGraph {

    /** Relative distance to an integer below which r / b is flagged. */
    public static final double NEAR_INTEGER_TOLERANCE = 1e-3;

    private final Basins basins;
    private final double b;
    private final int[] lStar;
    private final int[][] lStarPair;
    private final boolean[][] edge;
    private final List<CommunicationClass> classes;
    private final int[] classOf;
    private final int[] widest;
    private final List<String> warnings;

    /** A communication class of G_b. */
    public record CommunicationClass(int[] members, boolean absorbing) {
        public CommunicationClass {
            members = members.clone();
        }

        @Override
        public int[] members() {
            return members.clone();
        }

        public boolean contains(int i) {
            return Arrays.stream(members).anyMatch(k -> k == i);
        }

        @Override
        public String toString() {
            return (absorbing ? "absorbing " : "transient ") + Arrays.toString(members);
        }
    }

    private TransitionGraph(Basins basins, double[] radii, double[][] distances, double b) {
        this.basins = basins;
        this.b = b;
        int n = radii.length;
        lStar = new int[n];
        lStarPair = new int[n][n];
        edge = new boolean[n][n];
        List<String> warn = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double r = radii[i];
            lStar[i] = jumps(r, b);
            nearInteger(warn, "r_" + i + " / b", r, b);
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double d = distances[i][j];
                lStarPair[i][j] = jumps(d, b);
                if (d != r) {
                    nearInteger(warn, "dist(m_" + i + ", I_" + j + ") / b", d, b);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                edge[i][j] = j != i && lStarPair[i][j] == lStar[i];
            }
        }
        classOf = new int[n];
        classes = stronglyConnected(n);
        int max = Arrays.stream(lStar).max().orElseThrow();
        widest = java.util.stream.IntStream.range(0, n).filter(i -> lStar[i] == max).toArray();
        warnings = List.copyOf(warn);
    }

    /**
     * The graph for threshold b.
     *
     * @param b truncation threshold in (0, +infinity]; +infinity is the unclipped recursion
     */
    public static TransitionGraph of(Basins basins, double b) {
        Require.positiveOrInfinite("b", b);
        Basins on = basins.requireExits();
        return new TransitionGraph(on, on.radii(), on.distances(), b);
    }

    /**
     * The graph of any landscape from its radii r_i = dist(m_i, I_i^c) and distances dist(m_i, I_j) (a d-D
     * landscape's {@link FlowFields}): the same jump numbers, edges, classes and widest minima as in 1-D.
     * {@link #basins()} is null for such a graph and {@link #symmetric()} (a 1-D notion) compares indices only.
     *
     * @param distances dist(m_i, I_j), n x n (diagonal ignored)
     */
    public static TransitionGraph of(double[] radii, double[][] distances, double b) {
        Require.positiveOrInfinite("b", b);
        int n = radii.length;
        if (n < 2 || distances.length != n) {
            throw new IllegalArgumentException("need at least two fields and an n x n distance matrix, got " + n
                    + " radii and " + distances.length + " rows");
        }
        for (int i = 0; i < n; i++) {
            if (!(radii[i] > 0) || !Double.isFinite(radii[i])) {
                throw new IllegalArgumentException("radius r_" + i + " must be finite and > 0, got " + radii[i]);
            }
        }
        return new TransitionGraph(null, radii.clone(), distances, b);
    }

    /** ceil(d / b); 1 when b is infinite. */
    static int jumps(double d, double b) {
        if (Double.isInfinite(b)) {
            return 1;
        }
        double q = Math.ceil(d / b);
        if (q > Integer.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("b = " + b + " is too small for distance " + d
                    + ": " + q + " jumps are needed");
        }
        return Math.max(1, (int) q);
    }

    private static void nearInteger(List<String> warn, String what, double d, double b) {
        if (Double.isInfinite(b)) {
            return;
        }
        double q = d / b;
        double k = Math.rint(q);
        if (k >= 1 && Math.abs(q - k) <= NEAR_INTEGER_TOLERANCE * k) {
            warn.add(what + " = " + q + " is within " + NEAR_INTEGER_TOLERANCE + " (relative) of the integer "
                    + (long) k + ": the jump number changes there and the limit theorems need it not to be an integer");
        }
    }

    /** Tarjan's algorithm; classes in increasing order of their smallest member. */
    private List<CommunicationClass> stronglyConnected(int n) {
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        List<int[]> comps = new ArrayList<>();
        int[] counter = {0};
        for (int v = 0; v < n; v++) {
            if (index[v] < 0) {
                strong(v, index, low, onStack, stack, comps, counter);
            }
        }
        comps.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<CommunicationClass> out = new ArrayList<>();
        for (int c = 0; c < comps.size(); c++) {
            int[] members = comps.get(c);
            for (int v : members) {
                classOf[v] = c;
            }
        }
        for (int[] members : comps) {
            boolean absorbing = true;
            for (int v : members) {
                for (int w = 0; w < n; w++) {
                    if (edge[v][w] && classOf[w] != classOf[v]) {
                        absorbing = false;
                    }
                }
            }
            out.add(new CommunicationClass(members, absorbing));
        }
        return List.copyOf(out);
    }

    private void strong(int v, int[] index, int[] low, boolean[] onStack, Deque<Integer> stack,
                        List<int[]> comps, int[] counter) {
        index[v] = low[v] = counter[0]++;
        stack.push(v);
        onStack[v] = true;
        for (int w = 0; w < edge.length; w++) {
            if (!edge[v][w]) {
                continue;
            }
            if (index[w] < 0) {
                strong(w, index, low, onStack, stack, comps, counter);
                low[v] = Math.min(low[v], low[w]);
            } else if (onStack[w]) {
                low[v] = Math.min(low[v], index[w]);
            }
        }
        if (low[v] == index[v]) {
            List<Integer> c = new ArrayList<>();
            int w;
            do {
                w = stack.pop();
                onStack[w] = false;
                c.add(w);
            } while (w != v);
            comps.add(c.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
    }

    /** The 1-D basins the graph was built from; null for a graph built from radii and distances. */
    public Basins basins() {
        return basins;
    }

    /** The truncation threshold b (+infinity: unclipped). */
    public double b() {
        return b;
    }

    public int size() {
        return lStar.length;
    }

    /** l*_i for every minimum. */
    public int[] jumpNumbers() {
        return lStar.clone();
    }

    public int jumpNumber(int i) {
        return lStar[i];
    }

    /** l*(i, j); 0 on the diagonal. */
    public int jumpNumber(int i, int j) {
        return lStarPair[i][j];
    }

    /** True when m_i -&gt; m_j is an edge of G_b. */
    public boolean hasEdge(int i, int j) {
        return edge[i][j];
    }

    /** Edges as pairs {i, j}, in row order. */
    public List<int[]> edges() {
        List<int[]> e = new ArrayList<>();
        for (int i = 0; i < edge.length; i++) {
            for (int j = 0; j < edge.length; j++) {
                if (edge[i][j]) {
                    e.add(new int[] {i, j});
                }
            }
        }
        return e;
    }

    public List<CommunicationClass> classes() {
        return classes;
    }

    /** The class containing m_i. */
    public CommunicationClass classOf(int i) {
        return classes.get(classOf[i]);
    }

    public boolean irreducible() {
        return classes.size() == 1;
    }

    /**
     * The symmetric property: every minimum has an edge to each neighbouring minimum (both neighbours for an
     * interior one). A symmetric graph is irreducible.
     */
    public boolean symmetric() {
        int n = lStar.length;
        for (int i = 0; i < n; i++) {
            if (i > 0 && !edge[i][i - 1]) {
                return false;
            }
            if (i < n - 1 && !edge[i][i + 1]) {
                return false;
            }
        }
        return true;
    }

    /** Indices of V*_b, the minima with the largest jump number. */
    public int[] widest() {
        return widest.clone();
    }

    /** max_i l*_i, the exponent of lambda*_b(eta) = eta lambda(eta)^{max l*}. */
    public int maxJumpNumber() {
        return lStar[widest[0]];
    }

    /** Near-integer warnings for r_i / b and dist(m_i, I_j) / b. */
    public List<String> warnings() {
        return warnings;
    }
}
