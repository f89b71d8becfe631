package dev.htsgd.theory;

import dev.htsgd.check.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The limiting Markov jump process of a 1-D landscape (paper notes, section 4; LD 2024 Thm 2.10, ICLR
 * Thms 3-4): built class by class on the communication classes of G_b.
 *
 * <p>Within a class C with widest minima W (largest l*_i in C) the embedded chain moves m_i -&gt; m_k with
 * probability q_b(i, k) / q_b(i); states of C outside W are left instantly. theta_b(m_j | m_k) is the
 * probability that the chain from m_k first reaches W at m_j, from the fundamental matrix
 * (I - P_TT)^-1 P_TW of the transient part T = C \ W (theta = 1 on the diagonal of W). The generator on W is
 * Q(i, j) = sum_{k != i} q_b(i, k) theta_b(m_j | m_k), i != j; paths that leave C are killed (cemetery), so
 * Q(i, i) = -sum_{k != i} q_b(i, k) (1 - theta_b(m_i | m_k)) and the killing rate is what the row misses.
 * An irreducible G_b has one absorbing class with W = V*_b and no killing. The unclipped case (b = infinity)
 * is the same construction with every l*_i = 1: Y lives on all minima with Q = q.
 *
 * <p>Times are in units of the class's time scale eta lambda(eta)^{l*_C}: Y at time t corresponds to SGD step
 * t / (eta lambda(eta)^{l*_C}).
 */
public final class JumpProcess {

    /** The chain of one communication class. */
    public record ClassChain(int[] states, boolean absorbing, int[] widest, int jumpNumber,
                             double[][] theta, double[][] generator, double[] killing, double[] stationary,
                             double[] holdingTimes) {

        /** theta_b(m_widest[j] | m_states[k]) as theta[k][j]. */
        @Override
        public double[][] theta() {
            return MatrixCopy.deep(theta);
        }

        /** Q on the widest minima, aligned with {@link #widest()}. */
        @Override
        public double[][] generator() {
            return MatrixCopy.deep(generator);
        }

        /** Killing rates (0 in an absorbing class), aligned with {@link #widest()}. */
        @Override
        public double[] killing() {
            return killing.clone();
        }

        /** Stationary law of Y on the widest minima; null for a transient class (it is killed). */
        @Override
        public double[] stationary() {
            return stationary == null ? null : stationary.clone();
        }

        /** Mean holding times 1 / -Q(i, i) in class time units; +infinity where Y never leaves. */
        @Override
        public double[] holdingTimes() {
            return holdingTimes.clone();
        }

        @Override
        public int[] states() {
            return states.clone();
        }

        @Override
        public int[] widest() {
            return widest.clone();
        }
    }

    private final List<ClassChain> classes;
    private final boolean irreducible;
    private final int size;

    private JumpProcess(List<ClassChain> classes, boolean irreducible, int size) {
        this.classes = List.copyOf(classes);
        this.irreducible = irreducible;
        this.size = size;
    }

    /**
     * The limiting process.
     *
     * @param graph G_b
     * @param q     rates q_b(i, j), n x n, positive exactly on the edges of G_b
     */
    public static JumpProcess of(TransitionGraph graph, double[][] q) {
        int n = graph.size();
        if (q.length != n) {
            throw new IllegalArgumentException("rate matrix must be " + n + " x " + n + ", got " + q.length + " rows");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    if (!(q[i][j] >= 0) || !Double.isFinite(q[i][j])) {
                        throw new IllegalArgumentException("rate q(" + i + ", " + j + ") must be finite and >= 0, got " + q[i][j]);
                    }
                    out[i] += q[i][j];
                }
            }
            if (!(out[i] > 0)) {
                throw new IllegalArgumentException("minimum " + i + " has no way out (q(" + i + ") = 0)");
            }
        }
        List<ClassChain> chains = new ArrayList<>();
        for (TransitionGraph.CommunicationClass c : graph.classes()) {
            chains.add(chain(graph, q, out, c));
        }
        return new JumpProcess(chains, graph.irreducible(), n);
    }

    private static ClassChain chain(TransitionGraph g, double[][] q, double[] out, TransitionGraph.CommunicationClass c) {
        int[] states = c.members();
        int lmax = Arrays.stream(states).map(g::jumpNumber).max().orElseThrow();
        int[] w = Arrays.stream(states).filter(i -> g.jumpNumber(i) == lmax).toArray();
        int[] t = Arrays.stream(states).filter(i -> g.jumpNumber(i) != lmax).toArray();
        int nw = w.length;
        int nt = t.length;
        // theta for transient states: (I - P_TT)^-1 P_TW
        double[][] thetaT = new double[nt][nw];
        if (nt > 0) {
            DMatrixRMaj a = new DMatrixRMaj(nt, nt);
            DMatrixRMaj rhs = new DMatrixRMaj(nt, nw);
            for (int r = 0; r < nt; r++) {
                a.set(r, r, 1.0);
                for (int s = 0; s < nt; s++) {
                    if (s != r) {
                        a.add(r, s, -q[t[r]][t[s]] / out[t[r]]);
                    }
                }
                for (int s = 0; s < nw; s++) {
                    rhs.set(r, s, q[t[r]][w[s]] / out[t[r]]);
                }
            }
            DMatrixRMaj x = new DMatrixRMaj(nt, nw);
            if (!CommonOps_DDRM.solve(a, rhs, x)) {
                throw new IllegalStateException("fundamental matrix of the transient minima is singular");
            }
            for (int r = 0; r < nt; r++) {
                for (int s = 0; s < nw; s++) {
                    thetaT[r][s] = x.get(r, s);
                }
            }
        }
        int n = g.size();
        // theta(j | k) for every minimum k (0 outside the class: killed)
        double[][] thetaAll = new double[n][nw];
        for (int s = 0; s < nw; s++) {
            thetaAll[w[s]][s] = 1.0;
        }
        for (int r = 0; r < nt; r++) {
            thetaAll[t[r]] = thetaT[r];
        }
        double[][] gen = new double[nw][nw];
        double[] kill = new double[nw];
        double[] hold = new double[nw];
        for (int a = 0; a < nw; a++) {
            int i = w[a];
            double leave = 0;
            for (int k = 0; k < n; k++) {
                if (k == i) {
                    continue;
                }
                for (int s = 0; s < nw; s++) {
                    if (s != a) {
                        gen[a][s] += q[i][k] * thetaAll[k][s];
                    }
                }
                leave += q[i][k] * (1.0 - thetaAll[k][a]);
            }
            gen[a][a] = -leave;
            double moved = 0;
            for (int s = 0; s < nw; s++) {
                if (s != a) {
                    moved += gen[a][s];
                }
            }
            kill[a] = Math.max(0, leave - moved);
            if (c.absorbing() && kill[a] < 1e-12 * leave) {
                kill[a] = 0;
            }
            hold[a] = leave > 0 ? 1.0 / leave : Double.POSITIVE_INFINITY;
        }
        double[][] theta = new double[states.length][];
        for (int r = 0; r < states.length; r++) {
            theta[r] = thetaAll[states[r]].clone();
        }
        double[] pi = c.absorbing() ? stationary(gen) : null;
        return new ClassChain(states, c.absorbing(), w, lmax, theta, gen, kill, pi, hold);
    }

    /** Solves pi Q = 0, sum pi = 1. */
    static double[] stationary(double[][] gen) {
        int n = gen.length;
        if (n == 1) {
            return new double[] {1.0};
        }
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        for (int r = 0; r < n; r++) {
            for (int s = 0; s < n; s++) {
                a.set(r, s, r == n - 1 ? 1.0 : gen[s][r]);
            }
        }
        rhs.set(n - 1, 0, 1.0);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, rhs, x)) {
            throw new IllegalStateException("the generator has no unique stationary law");
        }
        double[] pi = new double[n];
        for (int r = 0; r < n; r++) {
            pi[r] = Math.max(0, x.get(r, 0));
        }
        double s = Arrays.stream(pi).sum();
        for (int r = 0; r < n; r++) {
            pi[r] /= s;
        }
        return pi;
    }

    /** The chains, one per communication class, in the order of {@link TransitionGraph#classes()}. */
    public List<ClassChain> classes() {
        return classes;
    }

    public boolean irreducible() {
        return irreducible;
    }

    /**
     * The chain of an irreducible G_b (on V*_b). On a reducible graph use {@link #classes()}, or the laws
     * {@link #classStationary(int)} and {@link #stationaryOverMinima()}, which need no chain.
     */
    public ClassChain chain() {
        if (!irreducible) {
            throw new IllegalStateException("G_b is reducible: use classes() for the chain of each class");
        }
        return classes.get(0);
    }

    /** Number n of minima: the length of the vectors of {@link #classStationary(int)}. */
    public int size() {
        return size;
    }

    /** Indices k (into {@link #classes()}) of the absorbing (closed) classes, in order. */
    public int[] absorbingClasses() {
        return IntStream.range(0, classes.size()).filter(k -> classes.get(k).absorbing()).toArray();
    }

    /**
     * The stationary law of the limit chain of class k as a vector over all n minima: pi_C on the class's
     * widest minima W_C (the minima of C with the largest l*_i), zero everywhere else. This is ICLR Thm 3 (paper
     * notes, section 4, reducible case): X started in the absorbing class C converges, on the class's time scale
     * eta lambda(eta)^{l*_C}, to the chain on W_C, whose stationary law this is. For an irreducible G_b the one
     * class is all of V*_b and this is the law of LD 2024 Thm 2.10.
     *
     * @param k index into {@link #classes()}; the class must be absorbing: a transient class's chain is killed
     *          when it leaves the class (ICLR Thm 4) and has no stationary law
     */
    public double[] classStationary(int k) {
        Require.closed("k", k, 0, classes.size() - 1);
        ClassChain c = classes.get(k);
        if (!c.absorbing()) {
            throw Require.fail("k", "names the transient class " + Arrays.toString(c.states)
                    + ": its chain is killed when it leaves the class, so it has no stationary law; absorbing"
                    + " classes: " + Arrays.toString(absorbingClasses()));
        }
        double[] pi = new double[size];
        for (int s = 0; s < c.widest.length; s++) {
            pi[c.widest[s]] = c.stationary[s];
        }
        return pi;
    }

    /**
     * The stationary law of Y as a vector over all n minima, zero off the widest minima: for an irreducible
     * G_b the law pi on V*_b of LD 2024 Thm 2.10. A reducible graph with a single absorbing class C gives that
     * class's law {@link #classStationary(int)}: from a start in C this is ICLR Thm 3; from a start in a transient
     * class the process is killed out of it (Thm 4) and, C being the only closed class, ends in C, so this is the
     * law that remains once every transient class has been left (the paper states each limit on its class's own
     * time scale, not this long-run composition).
     *
     * @throws IllegalStateException when G_b has several absorbing classes: the long-run law then depends on the
     *         start; take {@link #classStationary(int)} of each of {@link #absorbingClasses()}
     */
    public double[] stationaryOverMinima() {
        int[] closed = absorbingClasses();
        if (closed.length != 1) {
            throw new IllegalStateException("G_b has " + closed.length + " absorbing classes "
                    + Arrays.toString(closed) + ": the long-run law depends on where X starts; use classStationary(k)"
                    + " for each absorbing class k");
        }
        return classStationary(closed[0]);
    }
}
