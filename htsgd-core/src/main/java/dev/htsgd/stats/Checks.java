package dev.htsgd.stats;

final class Checks {

    private Checks() {
    }

    static void finite(double[] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("sample " + (i + 1) + " is not finite: " + x[i]);
            }
        }
    }
}
