package dev.htsgd.theory;

/** Defensive copies of the matrices the theory's types hand out (rates, distances, points). */
final class MatrixCopy {

    private MatrixCopy() {
    }

    /** A copy of every row of a. */
    static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
