package dev.htsgd.theory;

import dev.htsgd.noise.AngularLaw;
import dev.htsgd.noise.VectorLevyMeasure;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.ode.ContinuousOutputModel;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The exit rates q_b(i, j) = C_{J_i}(I_j; m_i) of paper notes section 3 by Monte Carlo over paths of
 * J_i = ceil(r_i / b) clipped jumps with the projected gradient flow between them, importance-sampled so that no
 * sample falls on a jump that cannot exit (the second method of {@link ExitMeasureRd}).
 */
record MultiJumpMonteCarlo(FlowFields fields, VectorLevyMeasure nu, double b) {

    /**
     * Row i of q_b with {@code samples} paths of k = J_i jumps (both checked by the caller); reachable[j]:
     * l*(i, j) &lt;= J_i; warnings of the estimate are added to {@code warnings}.
     */
    ExitMeasure.Estimate[] row(int i, int k, boolean[] reachable, int samples, UniformRandomProvider rng,
                                List<String> warnings) {
        int n = fields.size();
        int d = nu.dimension();
        double r = fields.radius(i);
        double alpha = nu.alpha();
        double rho = Math.max(r - (k - 1) * (Double.isFinite(b) ? b : 0) - fields.tolerance(), 1e-12);
        double[] m = fields.centre(i);
        FlowRd flow = new FlowRd(fields.objective(), fields.diagonal());
        double[] sum = new double[n];
        double[] sum2 = new double[n];
        double[] x = new double[d];
        double[] u = new double[d];
        int capped = 0;
        for (int s = 0; s < samples; s++) {
            System.arraycopy(m, 0, x, 0, d);
            double w = 1;
            for (int l = 1; l <= k && w > 0; l++) {
                if (l > 1) {
                    // after l - 1 jumps, k - l + 1 remain: useful while the path is farther than r - (k - l + 1) b
                    double within = r - (k - l + 1) * b;
                    if (FlowRd.distance(x, m) <= within) {
                        w = 0;
                        break;
                    }
                    ContinuousOutputModel path = flow.untilWithin(x, m, within, ExitMeasureRd.MAX_WAIT);
                    double t = path.getFinalTime();
                    if (t >= ExitMeasureRd.MAX_WAIT * (1 - 1e-12)) {
                        capped++;
                    }
                    flow.at(path, rng.nextDouble() * t, x);
                    w *= t;
                }
                // after this jump the path must be at least r - (k - l) b from m_i, or the k - l jumps left (each at
                // most b) cannot carry it past r: only directions and lengths that get there are sampled
                double need = r - (k - l) * (Double.isFinite(b) ? b : 0);
                double mass = direction(rng, x, m, need, u);
                if (mass == 0) {
                    w = 0;
                    break;
                }
                double least = Math.max(rho, reach(x, m, u, need));
                double len = least * Math.pow(1 - rng.nextDouble(), -1 / alpha);
                w *= mass;
                double step = Math.min(len, b);
                for (int c = 0; c < d; c++) {
                    x[c] += step * u[c];
                }
                fields.objective().domain().project(x);
                w *= Math.pow(least, -alpha);
            }
            if (w > 0) {
                int j = fields.label(x);
                if (j >= 0 && j != i) {
                    sum[j] += w;
                    sum2[j] += w * w;
                }
            }
        }
        if (capped > 0) {
            warnings.add(capped + " Monte Carlo paths from field " + i + " waited the longest flow time " + ExitMeasureRd.MAX_WAIT
                    + " without coming back near m_" + i + ": their waits are truncated there");
        }
        ExitMeasure.Estimate[] row = new ExitMeasure.Estimate[n];
        for (int j = 0; j < n; j++) {
            double mean = sum[j] / samples;
            double var = Math.max(0, sum2[j] / samples - mean * mean) * samples / (samples - 1.0);
            double se = Math.sqrt(var / samples);
            if (j == i) {
                row[j] = new ExitMeasure.Estimate(0, 0, "exact");
            } else if (!reachable[j]) {
                if (mean > 0) {
                    warnings.add(String.format(Locale.ROOT, "Monte Carlo puts mass %.3g +- %.2g on %d -> %d, which l*(i,j)"
                            + " = %d > J = %d excludes (a distance underestimated by the ray search?): set to 0",
                            mean, se, i, j, TransitionGraph.jumps(fields.distance(i, j), b), k));
                }
                row[j] = new ExitMeasure.Estimate(0, 0, "exact");
            } else {
                row[j] = new ExitMeasure.Estimate(mean, se, "monte-carlo");
                if (mean > 0 && se > ExitMeasureRd.TARGET_RELATIVE_ERROR * mean) {
                    long need = (long) Math.ceil(samples * Math.pow(se / (ExitMeasureRd.TARGET_RELATIVE_ERROR * mean), 2));
                    warnings.add(String.format(Locale.ROOT, "rate q(%d, %d) = %.4g has relative standard error %.2f"
                            + " above %.2f with %d Monte Carlo samples: about %d are needed", i, j, mean, se / mean,
                            ExitMeasureRd.TARGET_RELATIVE_ERROR, samples, need));
                } else if (mean == 0) {
                    warnings.add("rate q(" + i + ", " + j + ") on an edge of G_b got no Monte Carlo sample (of " + samples
                            + "): raise the samples");
                }
            }
        }
        return row;
    }

    /**
     * Draws a direction u from S restricted to those along which a jump of length at most b from x gets at least
     * {@code need} from m (all of S where the set is not known in closed form) and returns the S-mass of that set
     * (0: none). Closed forms: S uniform in 2-D (an arc around x - m) and 3-D (a cap), S on the axes (the atoms).
     */
    private double direction(UniformRandomProvider rng, double[] x, double[] m, double need, double[] u) {
        int d = u.length;
        double delta = FlowRd.distance(x, m);
        double reachB = Double.isFinite(b) ? b : Double.POSITIVE_INFINITY;
        AngularLaw law = nu.angular();
        if (law instanceof AngularLaw.Axes axes) {
            double total = 0;
            double[] e = new double[d];
            double[] ok = new double[axes.atoms()];
            for (int a = 0; a < axes.atoms(); a++) {
                double wa = axes.atom(a, e);
                if (wa > 0 && (Double.isInfinite(reachB) || farEnough(x, m, e, reachB, need))) {
                    ok[a] = wa;
                    total += wa;
                }
            }
            if (total == 0) {
                return 0;
            }
            double pick = rng.nextDouble() * total;
            for (int a = 0; a < ok.length; a++) {
                pick -= ok[a];
                if (ok[a] > 0 && (pick < 0 || a == ok.length - 1)) {
                    axes.atom(a, u);
                    return total;
                }
            }
            return total;
        }
        if (law instanceof AngularLaw.Uniform && (d == 2 || d == 3) && delta > 0 && Double.isFinite(reachB)) {
            double c0 = (need * need - delta * delta - reachB * reachB) / (2 * delta * reachB);
            if (c0 >= 1) {
                return 0;
            }
            c0 = Math.max(-1, c0);
            double[] e = new double[d];
            for (int c = 0; c < d; c++) {
                e[c] = (x[c] - m[c]) / delta;
            }
            if (d == 2) {
                double phi0 = Math.acos(c0);
                double phi = (2 * rng.nextDouble() - 1) * phi0;
                u[0] = Math.cos(phi) * e[0] - Math.sin(phi) * e[1];
                u[1] = Math.sin(phi) * e[0] + Math.cos(phi) * e[1];
                return phi0 / Math.PI;
            }
            double cos = c0 + (1 - c0) * rng.nextDouble();
            double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
            double psi = 2 * Math.PI * rng.nextDouble();
            double[][] t = RaySearch.tangents(e);
            for (int c = 0; c < 3; c++) {
                u[c] = cos * e[c] + sin * (Math.cos(psi) * t[0][c] + Math.sin(psi) * t[1][c]);
            }
            return (1 - c0) / 2;
        }
        law.sample(rng, u);
        return 1;
    }

    private static boolean farEnough(double[] x, double[] m, double[] u, double len, double need) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            double e = x[c] - m[c] + len * u[c];
            s += e * e;
        }
        return s >= need * need;
    }

    /** The least t &gt;= 0 with |x + t u - m| &gt;= need (0 when x is that far already). */
    private static double reach(double[] x, double[] m, double[] u, double need) {
        double p = 0;
        double q = -need * need;
        for (int c = 0; c < x.length; c++) {
            double e = x[c] - m[c];
            p += e * u[c];
            q += e * e;
        }
        if (q >= 0) {
            return 0;
        }
        return -p + Math.sqrt(Math.max(0, p * p - q));
    }
}
