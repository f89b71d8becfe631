package dev.htsgd.landscape;

/**
 * Coefficient arithmetic of {@link LaneCode#derivativePolynomial()}: polynomials as arrays a_0, ..., a_n of
 * a(x) = a_0 + a_1 x + ... + a_n x^n, results trimmed of zero leading coefficients.
 */
final class Polynomials {

    private Polynomials() {
    }

    static double[] scale(double[] a, double c) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] * c;
        }
        return trim(r);
    }

    /** a / c coefficient by coefficient (a division, as the formula's, not a product with 1/c). */
    static double[] divide(double[] a, double c) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / c;
        }
        return trim(r);
    }

    /** a + sign b. */
    static double[] add(double[] a, double[] b, int sign) {
        double[] r = new double[Math.max(a.length, b.length)];
        for (int i = 0; i < r.length; i++) {
            double u = i < a.length ? a[i] : 0;
            double v = i < b.length ? b[i] : 0;
            r[i] = sign > 0 ? u + v : u - v;
        }
        return trim(r);
    }

    static double[] times(double[] a, double[] b) {
        double[] r = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                r[i + j] += a[i] * b[j];
            }
        }
        return trim(r);
    }

    /** a^n, n &gt;= 1; null when the degree would pass {@code maxDegree}. */
    static double[] power(double[] a, int n, int maxDegree) {
        if ((long) (a.length - 1) * n > maxDegree) {
            return null;
        }
        double[] r = a;
        for (int i = 1; i < n; i++) {
            r = times(r, a);
        }
        return r;
    }

    /** A function of a constant, by the scalar rules ({@code ExpressionObjective}): Math's. */
    static double function(LaneCode.Op op, double u) {
        return switch (op) {
            case EXP -> Math.exp(u);
            case LOG -> Math.log(u);
            case SQRT -> Math.sqrt(u);
            case ABS -> Math.abs(u);
            case SIN -> Math.sin(u);
            case COS -> Math.cos(u);
            default -> throw new IllegalArgumentException("not a function: " + op);
        };
    }

    static boolean finite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double[] trim(double[] a) {
        int n = a.length;
        while (n > 1 && a[n - 1] == 0) {
            n--;
        }
        return n == a.length ? a : java.util.Arrays.copyOf(a, n);
    }
}
