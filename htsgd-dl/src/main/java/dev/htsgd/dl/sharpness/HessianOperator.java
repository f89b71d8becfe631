package dev.htsgd.dl.sharpness;

import org.ejml.data.DMatrixRMaj;

/**
 * A symmetric linear operator v -> H v of dimension d, seen only through its products: the Hessian of a
 * {@link LossFunction} at a point (nabla^2 L(theta)), a block of it (one layer), or a dense matrix.
 * All curvature estimators ({@link HessianSpectrum}, {@link HessianTrace}) take one.
 */
public interface HessianOperator {

    /** The dimension d. */
    int dimension();

    /** Writes H v into out (both of length d; they are distinct arrays). */
    void apply(double[] v, double[] out);

    /**
     * The Hessian of {@code loss} at {@code theta}: exact products ({@link LossFunction#hessianVector}) or central
     * differences of gradients ({@link FiniteDifferenceHvp}).
     */
    static HessianOperator of(LossFunction loss, double[] theta, HvpMethod method) {
        if (theta.length != loss.dimension()) {
            throw new IllegalArgumentException("theta must have length " + loss.dimension() + ", got " + theta.length);
        }
        double[] point = theta.clone();
        int d = point.length;
        return switch (method) {
            case EXACT -> of(d, (v, out) -> loss.hessianVector(point, v, out));
            case FINITE_DIFFERENCE -> of(d, (v, out) -> FiniteDifferenceHvp.apply(loss, point, v, out));
        };
    }

    /** The products v -&gt; H v, writing into {@code out}. */
    @FunctionalInterface
    interface Product {
        void apply(double[] v, double[] out);
    }

    /** The operator of dimension {@code d} whose products are {@code product}. */
    static HessianOperator of(int d, Product product) {
        return new HessianOperator() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void apply(double[] v, double[] out) {
                product.apply(v, out);
            }
        };
    }

    /** The operator of a dense symmetric matrix (not copied; symmetry is the caller's promise). */
    static HessianOperator of(DMatrixRMaj matrix) {
        if (matrix.numRows != matrix.numCols) {
            throw new IllegalArgumentException("matrix must be square, got " + matrix.numRows + " x " + matrix.numCols);
        }
        int d = matrix.numRows;
        return of(d, (v, out) -> {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += matrix.data[i * d + j] * v[j];
                }
                out[i] = s;
            }
        });
    }

    /**
     * The diagonal block H[S, S] for the index range S = [offset, offset + size): the curvature of one layer with
     * all other parameters held fixed. Each product costs one full product of this operator.
     */
    default HessianOperator block(int offset, int size) {
        int d = dimension();
        if (offset < 0 || size <= 0 || offset + size > d) {
            throw new IllegalArgumentException("block [" + offset + ", " + (offset + size) + ") must lie in [0, " + d + ")");
        }
        HessianOperator full = this;
        double[] wide = new double[d];
        double[] wideOut = new double[d];
        return of(size, (v, out) -> {
            java.util.Arrays.fill(wide, 0.0);
            System.arraycopy(v, 0, wide, offset, size);
            full.apply(wide, wideOut);
            System.arraycopy(wideOut, offset, out, 0, size);
        });
    }

    /** Assembles the dense matrix column by column (d products): for tests and small models only. */
    default DMatrixRMaj toMatrix() {
        int d = dimension();
        DMatrixRMaj m = new DMatrixRMaj(d, d);
        double[] e = new double[d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            e[j] = 1.0;
            apply(e, col);
            e[j] = 0.0;
            for (int i = 0; i < d; i++) {
                m.set(i, j, col[i]);
            }
        }
        return m;
    }
}
