package dev.htsgd.theory;

import dev.htsgd.noise.AngularLaw;
import dev.htsgd.noise.VectorLevyMeasure;
import dev.htsgd.numerics.GaussKronrod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-jump exit rates of paper notes section 3 by deterministic quadrature: for a field with J_i = 1,
 * q_b(i, j) = C_1(I_j; m_i), the integral over directions theta of S(dtheta) times the nu-mass of the jump lengths r
 * whose landing point Proj(m_i + min(r, b) theta) lies in I_j (the first method of {@link ExitMeasureRd}).
 */
record OneJumpQuadrature(FlowFields fields, VectorLevyMeasure nu, double b) {

    /** Row i of q_b (J_i = 1 checked by the caller); reachable[j]: l*(i, j) &lt;= J_i. */
    ExitMeasure.Estimate[] row(int i, boolean[] reachable) {
        int n = fields.size();
        int d = nu.dimension();
        double[] m = fields.centre(i);
        double from = Math.max(0, fields.radius(i) - fields.tolerance());
        double[] value = new double[n];
        double[] error = new double[n];
        if (nu.angular() instanceof AngularLaw.Axes axes) {
            double[] u = new double[d];
            for (int a = 0; a < axes.atoms(); a++) {
                double w = axes.atom(a, u);
                if (w == 0) {
                    continue;
                }
                Ray r = ray(m, u, from);
                for (int j = 0; j < n; j++) {
                    value[j] += w * r.mass()[j];
                    error[j] += w * r.error();
                }
            }
        } else if (d == 2) {
            Map<Double, Ray> memo = new HashMap<>();
            java.util.function.DoubleFunction<Ray> at = a -> memo.computeIfAbsent(a, t -> ray(m, new double[] {Math.cos(t), Math.sin(t)}, from));
            double[] breaks = atomBreaks(m, at, 2 * Math.PI);
            for (int j = 0; j < n; j++) {
                if (j == i || !reachable[j]) {
                    continue;
                }
                final int jj = j;
                GaussKronrod.Result res = GaussKronrod.integrate((a, e) -> {
                    Ray r = at.apply(a);
                    e[0] = r.error() / (2 * Math.PI);
                    return r.mass()[jj] / (2 * Math.PI);
                }, 0, 2 * Math.PI, breaks, 1e-10 * nu.radialTail(fields.radius(i)), ExitMeasureRd.REL_TOL, 200);
                value[j] = res.value();
                error[j] = res.error();
            }
        } else if (d == 3) {
            // every target from the same rays: the integrand jumps where a landing changes field, so an adaptive
            // rule per target refines each jump again (minutes per field); the error is the fine rule's change
            // from the coarse one plus the rays' bisection error
            double[] fine = sphere(m, from, SPHERE_BANDS);
            double[] coarse = sphere(m, from, SPHERE_BANDS / 2);
            for (int j = 0; j < n; j++) {
                value[j] = fine[j];
                error[j] = Math.abs(fine[j] - coarse[j]) + fine[n];
            }
        } else {
            throw new IllegalArgumentException("the one-jump quadrature over a uniform S is implemented up to 3-D, got "
                    + d + "-D: use the Monte Carlo estimate");
        }
        ExitMeasure.Estimate[] row = new ExitMeasure.Estimate[n];
        for (int j = 0; j < n; j++) {
            row[j] = j == i || !reachable[j] ? new ExitMeasure.Estimate(0, 0, "exact")
                    : new ExitMeasure.Estimate(value[j], error[j], "quadrature");
        }
        return row;
    }


    /** Bands of z = cos(theta) of the 3-D rule (twice as many sectors of psi): 24 x 48 = 1152 directions. */
    static final int SPHERE_BANDS = 24;

    /**
     * The mean over S (uniform on the sphere) of the landing masses from m, by the midpoint rule on the
     * equal-area cells of {@code bands} bands of z = cos(theta) in [-1, 1] times 2 {@code bands} sectors of the
     * longitude psi (the area element of the sphere is dz dpsi, so every cell has the area 4 pi / (2 bands^2));
     * index n of the result: the mean bisection error of the rays.
     */
    private double[] sphere(double[] m, double from, int bands) {
        int n = fields.size();
        int sectors = 2 * bands;
        double[] out = new double[n + 1];
        double w = 1.0 / (bands * sectors);
        for (int a = 0; a < bands; a++) {
            double z = -1 + (a + 0.5) * 2.0 / bands;
            double s = Math.sqrt(Math.max(0, 1 - z * z));
            for (int k = 0; k < sectors; k++) {
                double psi = (k + 0.5) * 2 * Math.PI / sectors;
                Ray r = ray(m, new double[] {s * Math.cos(psi), s * Math.sin(psi), z}, from);
                for (int j = 0; j < n; j++) {
                    out[j] += w * r.mass()[j];
                }
                out[n] += w * r.error();
            }
        }
        return out;
    }

    /** Masses of the landing fields along one direction, with the bisection's error bound. */
    private record Ray(double[] mass, double error) {
    }

    /** Proj(x + r u). */
    private double[] landing(double[] x, double[] u, double r) {
        double[] p = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            p[c] = x[c] + r * u[c];
        }
        fields.objective().domain().project(p);
        return p;
    }

    /** The landing labels along the direction u from x, for jump lengths in (from, cap]. */
    private Ray ray(double[] x, double[] u, double from) {
        int n = fields.size();
        double[] mass = new double[n + 1]; // index n: landings in no field (a stalled flow)
        double err = 0;
        double alpha = nu.alpha();
        double h = fields.marchingStep();
        double tol = fields.tolerance();
        List<Double> rs = new ArrayList<>();
        double far = Double.isFinite(b) ? b : 1e3 * fields.diagonal();
        double reach = Double.isFinite(b) ? b : Math.max(from, exitOf(x, u));
        for (double r = from; r < reach; r += h) {
            rs.add(r);
        }
        rs.add(reach);
        if (!Double.isFinite(b)) {
            for (double r = reach * 1.25; r < far; r *= 1.25) {
                rs.add(r);
            }
            rs.add(far);
        }
        int prev = slot(fields.label(landing(x, u, rs.get(0))), n);
        for (int k = 1; k < rs.size(); k++) {
            double r0 = rs.get(k - 1);
            double r1 = rs.get(k);
            int l = slot(fields.label(landing(x, u, r1)), n);
            if (l == prev) {
                mass[l] += nu.radialMass(r0, r1);
            } else {
                double in = r0;
                double out = r1;
                final int p0 = prev;
                while (out - in > tol * Math.max(1, in / fields.diagonal())) {
                    double mid = 0.5 * (in + out);
                    if (slot(fields.label(landing(x, u, mid)), n) == p0) {
                        in = mid;
                    } else {
                        out = mid;
                    }
                }
                double beta = 0.5 * (in + out);
                mass[prev] += nu.radialMass(r0, beta);
                mass[l] += nu.radialMass(beta, r1);
                err += alpha * Math.pow(beta, -alpha - 1) * (out - in);
            }
            prev = l;
        }
        if (Double.isFinite(b)) {
            mass[slot(fields.label(landing(x, u, b)), n)] += nu.radialTail(b);
        } else {
            int limit = slot(fields.label(landing(x, u, 1e9 * fields.diagonal())), n);
            mass[limit] += nu.radialTail(far);
            if (limit != prev) {
                err += nu.radialTail(far);
            }
        }
        err += mass[n];
        return new Ray(mass, err);
    }

    private static int slot(int label, int n) {
        return label < 0 ? n : label;
    }

    private double exitOf(double[] x, double[] u) {
        double lo = 0;
        double hi = fields.diagonal();
        if (fields.objective().domain().contains(landingRaw(x, u, hi))) {
            return hi;
        }
        while (hi - lo > fields.tolerance()) {
            double mid = 0.5 * (lo + hi);
            if (fields.objective().domain().contains(landingRaw(x, u, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] landingRaw(double[] x, double[] u, double r) {
        double[] p = new double[x.length];
        for (int c = 0; c < x.length; c++) {
            p[c] = x[c] + r * u[c];
        }
        return p;
    }

    /**
     * The angles in [0, period) where the clipping atom's landing point changes field (the integrand jumps
     * there): 256 equally spaced angles, each change bisected to 1e-9 rad.
     */
    private double[] atomBreaks(double[] m, java.util.function.DoubleFunction<Ray> at, double period) {
        if (!Double.isFinite(b)) {
            return new double[0];
        }
        int n = fields.size();
        int grid = 256;
        List<Double> out = new ArrayList<>();
        int prev = atomLabel(m, 0, n);
        for (int k = 1; k <= grid; k++) {
            double a1 = period * k / grid;
            int l = atomLabel(m, a1, n);
            if (l != prev) {
                double lo = period * (k - 1) / grid;
                double hi = a1;
                while (hi - lo > 1e-9) {
                    double mid = 0.5 * (lo + hi);
                    if (atomLabel(m, mid, n) == prev) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                out.add(0.5 * (lo + hi));
            }
            prev = l;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private int atomLabel(double[] m, double a, int n) {
        return slot(fields.label(landing(m, new double[] {Math.cos(a), Math.sin(a)}, b)), n);
    }
}
