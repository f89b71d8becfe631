package dev.htsgd.dl.sharpness;

import org.ejml.data.DMatrixRMaj;

/**
 * The quadratic L(theta) = theta' A theta / 2 + b' theta with a symmetric matrix A: its Hessian is A everywhere,
 * so eigenvalues, trace and spectral density are known in closed form. Used to test the curvature estimators and
 * as the simplest {@link LossFunction}.
 */
public final class QuadraticLoss implements LossFunction {

    private final DMatrixRMaj a;
    private final double[] b;

    private QuadraticLoss(DMatrixRMaj a, double[] b) {
        this.a = a;
        this.b = b;
    }

    /**
     * @param a symmetric d x d matrix (checked to 1e-12 relative)
     * @param b linear term of length d
     */
    public static QuadraticLoss of(DMatrixRMaj a, double[] b) {
        int d = a.numRows;
        if (a.numCols != d || d == 0) {
            throw new IllegalArgumentException("a must be a non-empty square matrix, got " + a.numRows + " x " + a.numCols);
        }
        if (b.length != d) {
            throw new IllegalArgumentException("b must have length " + d + ", got " + b.length);
        }
        double scale = 0;
        for (int i = 0; i < a.data.length; i++) {
            if (!Double.isFinite(a.data[i])) {
                throw new IllegalArgumentException("a must be finite, got " + a.data[i] + " at index " + i);
            }
            scale = Math.max(scale, Math.abs(a.data[i]));
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a.get(i, j) - a.get(j, i)) > 1e-12 * scale) {
                    throw new IllegalArgumentException("a must be symmetric, a[" + i + "][" + j + "] = " + a.get(i, j)
                            + " but a[" + j + "][" + i + "] = " + a.get(j, i));
                }
            }
        }
        return new QuadraticLoss(a.copy(), b.clone());
    }

    /** The Hessian A (a copy). */
    public DMatrixRMaj hessian() {
        return a.copy();
    }

    @Override
    public int dimension() {
        return b.length;
    }

    @Override
    public double value(double[] theta) {
        int d = b.length;
        double s = 0;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += a.data[i * d + j] * theta[j];
            }
            s += theta[i] * (0.5 * row + b[i]);
        }
        return s;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        multiply(theta, gradient);
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += theta[i] * (0.5 * gradient[i] + b[i]);
            gradient[i] += b[i];
        }
        return s;
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] out) {
        multiply(v, out);
    }

    private void multiply(double[] x, double[] out) {
        int d = b.length;
        for (int i = 0; i < d; i++) {
            double row = 0;
            for (int j = 0; j < d; j++) {
                row += a.data[i * d + j] * x[j];
            }
            out[i] = row;
        }
    }
}
