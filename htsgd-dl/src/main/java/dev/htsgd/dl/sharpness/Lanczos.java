package dev.htsgd.dl.sharpness;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The symmetric Lanczos process with full re-orthogonalisation (classical Gram-Schmidt, twice) for a
 * {@link HessianOperator}: builds an orthonormal Krylov basis Q and the tridiagonal T = Q' H Q one step at a
 * time. On breakdown (the Krylov space is invariant) it continues from a fresh random vector orthogonal to the
 * basis, so T becomes block tridiagonal and repeated eigenvalues are found too. Memory: one vector of d doubles
 * per step.
 */
final class Lanczos {

    private final HessianOperator op;
    private final int d;
    private final int capacity;
    private final UniformRandomProvider rng;
    private final double[][] basis;
    private final double[] alpha;
    private final double[] beta;
    private final double[] w;
    private int steps;
    private boolean exhausted;
    private double scale;

    /** Starts from {@code start} (normalised here; a zero vector is replaced by a random one). */
    Lanczos(HessianOperator op, double[] start, int capacity, UniformRandomProvider rng) {
        this.op = op;
        this.d = op.dimension();
        this.capacity = Math.min(capacity, d);
        this.rng = rng;
        this.basis = new double[this.capacity][];
        this.alpha = new double[this.capacity];
        this.beta = new double[this.capacity];
        this.w = new double[d];
        double[] q = start.clone();
        if (normalize(q) == 0) {
            randomUnit(q);
        }
        basis[0] = q;
    }

    /** Number of completed steps m (size of T). */
    int steps() {
        return steps;
    }

    /** True once the basis spans the whole space (T's eigenvalues are then H's). */
    boolean exhausted() {
        return exhausted;
    }

    /** Whether another step can be taken. */
    boolean canStep() {
        return steps < capacity && !exhausted;
    }

    /** The residual norm beta_m after the last step (0 at an invariant subspace). */
    double lastBeta() {
        return steps == 0 ? 0 : beta[steps - 1];
    }

    /**
     * One Lanczos step: one operator product. Fails with an {@link IllegalStateException} when the product has a
     * NaN or infinite entry (it would poison T and surface only as a failed eigen-decomposition).
     */
    void step() {
        int j = steps;
        double[] q = basis[j];
        op.apply(q, w);
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(w[i])) {
                throw new IllegalStateException("Lanczos step " + (j + 1) + ": the Hessian-vector product has a non-finite"
                        + " value (" + w[i] + ") at index " + i + " of " + d + "; the operator (H v) is broken, not the"
                        + " eigenvalue solver");
            }
        }
        double a = dot(q, w);
        alpha[j] = a;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i <= j; i++) {
                double c = dot(basis[i], w);
                axpy(-c, basis[i], w);
            }
        }
        scale = Math.max(scale, Math.abs(a));
        double b = Math.sqrt(dot(w, w));
        steps = j + 1;
        if (steps == d) {
            beta[j] = 0;
            exhausted = true;
            return;
        }
        scale = Math.max(scale, b);
        if (b <= 1e-12 * Math.max(scale, Double.MIN_NORMAL)) {
            beta[j] = 0;
            if (steps < capacity) {
                double[] next = new double[d];
                if (!restart(next)) {
                    exhausted = true;
                    return;
                }
                basis[steps] = next;
            }
            return;
        }
        beta[j] = b;
        if (steps < capacity) {
            double[] next = w.clone();
            for (int i = 0; i < d; i++) {
                next[i] /= b;
            }
            basis[steps] = next;
        }
    }

    /** The tridiagonal T_m (m = steps). */
    DMatrixRMaj tridiagonal() {
        int m = steps;
        DMatrixRMaj t = new DMatrixRMaj(m, m);
        for (int i = 0; i < m; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < m) {
                t.set(i, i + 1, beta[i]);
                t.set(i + 1, i, beta[i]);
            }
        }
        return t;
    }

    /**
     * Ritz values of T_m in decreasing order, with the residual norms beta_m |y_m| of their Ritz pairs and the
     * squared first components y_1^2 of the eigenvectors (Gauss quadrature weights).
     */
    Ritz ritz() {
        int m = steps;
        DMatrixRMaj t = tridiagonal();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(t)) {
            throw new IllegalStateException("eigen-decomposition of the " + m + " x " + m + " Lanczos matrix failed");
        }
        Integer[] order = new Integer[m];
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
            values[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        double[] sorted = new double[m];
        double[] residual = new double[m];
        double[] first = new double[m];
        double last = lastBeta();
        for (int k = 0; k < m; k++) {
            int i = order[k];
            DMatrixRMaj y = eig.getEigenVector(i);
            double norm = 0;
            for (int r = 0; r < m; r++) {
                norm += y.get(r) * y.get(r);
            }
            sorted[k] = values[i];
            residual[k] = last * Math.abs(y.get(m - 1)) / Math.sqrt(norm);
            first[k] = y.get(0) * y.get(0) / norm;
        }
        return new Ritz(sorted, residual, first);
    }

    /** Ritz values (decreasing), residual norms and first-component weights. */
    record Ritz(double[] values, double[] residuals, double[] weights) {
    }

    private boolean restart(double[] q) {
        for (int attempt = 0; attempt < 3; attempt++) {
            randomUnit(q);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < steps; i++) {
                    axpy(-dot(basis[i], q), basis[i], q);
                }
            }
            if (normalize(q) > 1e-8) {
                return true;
            }
        }
        return false;
    }

    private void randomUnit(double[] q) {
        for (int i = 0; i < q.length; i++) {
            q[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        normalize(q);
    }

    static double normalize(double[] x) {
        double n = Math.sqrt(dot(x, x));
        if (n > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] /= n;
            }
        }
        return n;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * x[i];
        }
    }
}
