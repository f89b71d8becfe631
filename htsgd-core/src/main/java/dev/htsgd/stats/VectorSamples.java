package dev.htsgd.stats;

import dev.htsgd.check.Require;

/**
 * Samples of d-dimensional vectors stored row after row in one array (vector i at [i d, (i + 1) d)), as the
 * tail-index estimators take them: they estimate the tail index of the Euclidean norms ||Z||.
 */
final class VectorSamples {

    private VectorSamples() {
    }

    /** The number n = x.length / dim of vectors in {@code x}; bad input unless x is finite and dim divides its length. */
    static int count(double[] x, int dim) {
        Require.finite("samples", x);
        if (dim < 1 || x.length % dim != 0) {
            throw new IllegalArgumentException("dimension must divide the number of values, got " + dim + " for " + x.length);
        }
        return x.length / dim;
    }

    /** The norms of the vectors of {@code x} (x itself when dim = 1: the estimators use |x| and never write it). */
    static double[] norms(double[] x, int dim) {
        if (dim == 1) {
            return x;
        }
        double[] norms = new double[x.length / dim];
        for (int i = 0; i < norms.length; i++) {
            norms[i] = norm(x, i * dim, dim);
        }
        return norms;
    }

    /** ||v[from .. from + dim)||. */
    static double norm(double[] v, int from, int dim) {
        if (dim == 1) {
            return Math.abs(v[from]);
        }
        double s = 0;
        for (int j = 0; j < dim; j++) {
            s += v[from + j] * v[from + j];
        }
        return Math.sqrt(s);
    }
}
