package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.noise.AngularLaw;
import dev.htsgd.noise.VectorLevyMeasure;
import dev.htsgd.numerics.GaussKronrod;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.commons.math3.ode.ContinuousOutputModel;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The exit-location measures C_k(B; m) and rates q_b(i, j) = C_{J_i}(I_j; m_i) of a landscape in R^d (paper notes,
 * section 3, multi-d): nu_alpha(dw) = alpha r^(-alpha-1) dr S(dtheta) ({@link VectorLevyMeasure}, S the noise's
 * angular law), jumps phi_b(w) = w min(1, b / ||w||) followed by the projection onto the domain, the projected
 * gradient flow between jumps ({@link FlowRd}), fields by flow limit ({@link FlowFields}).
 *
 * <h2>Methods</h2>
 * <ul>
 *   <li>One jump (J_i = 1), deterministic quadrature: C_1(I_j; m) = integral over directions theta of
 *       S(dtheta) times nu-mass of the jump lengths r whose landing point Proj(m + min(r, b) theta) lies in I_j.
 *       Along each direction the landing labels are marched in r from r_i (all shorter jumps stay in I_i) with
 *       the fields' step and bisected at every change, so each direction contributes the exact masses
 *       rlo^-alpha - rhi^-alpha of its intervals, plus the clipping atom b^-alpha at r = b (unclipped: the
 *       lengths are followed to 1000 box diagonals, beyond which the landing point is that of the projection's
 *       limit). Over directions: S on the axes is a finite sum; S uniform is integrated by adaptive
 *       Gauss-Kronrod over the angle (d = 2; breakpoints at the angles where the atom's landing point changes
 *       field) or over (cos polar angle, azimuth) (d = 3). The error is the quadrature's estimate plus the
 *       bisection's bound alpha r^(-alpha-1) tol per boundary.</li>
 *   <li>Two or more jumps (and one, as a check), Monte Carlo: an exiting path of J = ceil(r_i / b) jumps has every
 *       jump at least rho = r_i - (J - 1) b long (under inward drift its distance from m_i only grows by jumps),
 *       and more precisely jump l at least rho_l = max(rho, r_i - |x - m_i| - (J - l) b) from the path's position x, so
 *       its length is drawn from nu restricted to r &gt;= rho_l (mass rho_l^-alpha, P(R &gt; y) = (y / rho_l)^-alpha,
 *       an importance sampling that puts no sample on jumps that cannot exit) and its direction from S; after jump l the wait before the next is uniform on (0, T) with weight T, T the
 *       flow time until the path is within r_i - (J - l) b of m_i (later the remaining jumps cannot leave); the
 *       flow is integrated by Dormand-Prince 8(5,3) with dense output. Each sample's weight is credited to the
 *       field of its landing point; the standard error is reported.</li>
 * </ul>
 * Targets with l*(i, j) &gt; J_i get rate 0 exactly (J_i jumps cannot reach them).
 */
public final class ExitMeasureRd {

    /** The largest jump number whose rates are computed (by Monte Carlo). */
    public static final int MAX_JUMPS = 6;
    /** The fewest Monte Carlo samples accepted. */
    public static final int MIN_SAMPLES = 100;
    /** The default number of Monte Carlo samples per row. */
    public static final int DEFAULT_SAMPLES = 4000;
    /** Relative standard error above which a Monte Carlo rate on an edge is flagged. */
    public static final double TARGET_RELATIVE_ERROR = 0.1;
    private static final double MAX_WAIT = 1e3;
    private static final double REL_TOL = 1e-4;

    private final FlowFields fields;
    private final VectorLevyMeasure nu;
    private final double b;
    private final List<String> warnings = new ArrayList<>();

    private ExitMeasureRd(FlowFields fields, VectorLevyMeasure nu, double b) {
        this.fields = fields;
        this.nu = nu;
        this.b = b;
    }

    /**
     * @param nu the noise's Levy measure (alpha &gt; 1, angular law of the landscape's dimension)
     * @param b  truncation threshold in (0, +infinity]
     */
    public static ExitMeasureRd of(FlowFields fields, VectorLevyMeasure nu, double b) {
        if (!(nu.alpha() > 1)) {
            throw Require.fail("alpha", "must be in (1, inf) for the heavy-tailed theory, got " + nu.alpha());
        }
        Require.positiveOrInfinite("b", b);
        if (nu.dimension() != fields.objective().dimension()) {
            throw Require.fail("angular", "law is " + nu.dimension() + "-D, the landscape " + fields.objective().dimension() + "-D");
        }
        return new ExitMeasureRd(fields.requireExits(), nu, b);
    }

    public FlowFields fields() {
        return fields;
    }

    public VectorLevyMeasure levyMeasure() {
        return nu;
    }

    public double b() {
        return b;
    }

    /** J_i = ceil(r_i / b) (1 unclipped). */
    public int jumps(int i) {
        return TransitionGraph.jumps(fields.radius(i), b);
    }

    /** Warnings of the computations so far (Monte Carlo mass off the graph's edges, capped waits). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    private boolean reachable(int i, int j) {
        return TransitionGraph.jumps(fields.distance(i, j), b) <= jumps(i);
    }

    /**
     * The rate matrix: one-jump rows by quadrature (Monte Carlo for uniform S above 3-D), the others by Monte
     * Carlo with {@code samples} samples from {@code streams.apply(i)} for row i.
     *
     * @throws IllegalArgumentException when some J_i exceeds {@link #MAX_JUMPS} or samples &lt; {@link #MIN_SAMPLES}
     */
    public ExitMeasure.Estimate[][] rates(int samples, LongFunction<UniformRandomProvider> streams) {
        int n = fields.size();
        ExitMeasure.Estimate[][] q = new ExitMeasure.Estimate[n][];
        for (int i = 0; i < n; i++) {
            int k = jumps(i);
            boolean quadrature = k == 1 && (nu.angular() instanceof AngularLaw.Axes || nu.dimension() <= 3);
            q[i] = quadrature ? oneJump(i) : monteCarlo(i, samples, streams.apply(i));
        }
        return q;
    }

    // ------------------------------------------------------------------ one jump, quadrature

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

    /** Row i of q_b for a one-jump field by quadrature over directions. */
    public ExitMeasure.Estimate[] oneJump(int i) {
        if (jumps(i) != 1) {
            throw new IllegalArgumentException("field " + i + " needs J = " + jumps(i) + " jumps at b = " + b
                    + ": the one-jump quadrature applies to J = 1 only");
        }
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
                if (j == i || !reachable(i, j)) {
                    continue;
                }
                final int jj = j;
                GaussKronrod.Result res = GaussKronrod.integrate((a, e) -> {
                    Ray r = at.apply(a);
                    e[0] = r.error() / (2 * Math.PI);
                    return r.mass()[jj] / (2 * Math.PI);
                }, 0, 2 * Math.PI, breaks, 1e-10 * nu.radialTail(fields.radius(i)), REL_TOL, 200);
                value[j] = res.value();
                error[j] = res.error();
            }
        } else if (d == 3) {
            for (int j = 0; j < n; j++) {
                if (j == i || !reachable(i, j)) {
                    continue;
                }
                final int jj = j;
                GaussKronrod.Result res = GaussKronrod.integrate((z, e) -> {
                    double s = Math.sqrt(Math.max(0, 1 - z * z));
                    GaussKronrod.Result inner = GaussKronrod.integrate((psi, e2) -> {
                        Ray r = ray(m, new double[] {s * Math.cos(psi), s * Math.sin(psi), z}, from);
                        e2[0] = r.error() / (4 * Math.PI);
                        return r.mass()[jj] / (4 * Math.PI);
                    }, 0, 2 * Math.PI, new double[0], 1e-8 * nu.radialTail(fields.radius(i)), 1e-3, 30);
                    e[0] = inner.error();
                    return inner.value();
                }, -1, 1, new double[0], 1e-7 * nu.radialTail(fields.radius(i)), 1e-3, 30);
                value[j] = res.value();
                error[j] = res.error();
            }
        } else {
            throw new IllegalArgumentException("the one-jump quadrature over a uniform S is implemented up to 3-D, got "
                    + d + "-D: use the Monte Carlo estimate");
        }
        ExitMeasure.Estimate[] row = new ExitMeasure.Estimate[n];
        for (int j = 0; j < n; j++) {
            row[j] = j == i || !reachable(i, j) ? new ExitMeasure.Estimate(0, 0, "exact")
                    : new ExitMeasure.Estimate(value[j], error[j], "quadrature");
        }
        return row;
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

    // ------------------------------------------------------------------ J jumps, Monte Carlo

    /**
     * Row i of q_b by Monte Carlo with J_i jumps (any J_i &lt;= {@link #MAX_JUMPS}, one included), with standard
     * errors.
     *
     * @param samples at least {@link #MIN_SAMPLES}
     */
    public ExitMeasure.Estimate[] monteCarlo(int i, int samples, UniformRandomProvider rng) {
        if (samples < MIN_SAMPLES) {
            throw Require.fail("samples", "must be at least " + MIN_SAMPLES + " for a standard error of the Monte Carlo"
                    + " rates, got " + samples);
        }
        int k = jumps(i);
        if (k > MAX_JUMPS) {
            throw Require.fail("b", "= " + b + " makes field " + i + " need J = " + k + " jumps (r = " + fields.radius(i)
                    + "), above the supported " + MAX_JUMPS + ": raise b");
        }
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
                    ContinuousOutputModel path = flow.untilWithin(x, m, within, MAX_WAIT);
                    double t = path.getFinalTime();
                    if (t >= MAX_WAIT * (1 - 1e-12)) {
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
            warnings.add(capped + " Monte Carlo paths from field " + i + " waited the longest flow time " + MAX_WAIT
                    + " without coming back near m_" + i + ": their waits are truncated there");
        }
        ExitMeasure.Estimate[] row = new ExitMeasure.Estimate[n];
        for (int j = 0; j < n; j++) {
            double mean = sum[j] / samples;
            double var = Math.max(0, sum2[j] / samples - mean * mean) * samples / (samples - 1.0);
            double se = Math.sqrt(var / samples);
            if (j == i) {
                row[j] = new ExitMeasure.Estimate(0, 0, "exact");
            } else if (!reachable(i, j)) {
                if (mean > 0) {
                    warnings.add(String.format(Locale.ROOT, "Monte Carlo puts mass %.3g +- %.2g on %d -> %d, which l*(i,j)"
                            + " = %d > J = %d excludes (a distance underestimated by the ray search?): set to 0",
                            mean, se, i, j, TransitionGraph.jumps(fields.distance(i, j), b), k));
                }
                row[j] = new ExitMeasure.Estimate(0, 0, "exact");
            } else {
                row[j] = new ExitMeasure.Estimate(mean, se, "monte-carlo");
                if (mean > 0 && se > TARGET_RELATIVE_ERROR * mean) {
                    long need = (long) Math.ceil(samples * Math.pow(se / (TARGET_RELATIVE_ERROR * mean), 2));
                    warnings.add(String.format(Locale.ROOT, "rate q(%d, %d) = %.4g has relative standard error %.2f"
                            + " above %.2f with %d Monte Carlo samples: about %d are needed", i, j, mean, se / mean,
                            TARGET_RELATIVE_ERROR, samples, need));
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
            double[][] t = FlowFields.tangents(e);
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

    @Override
    public String toString() {
        return "ExitMeasureRd[b=" + b + ", " + nu + ", fields " + Arrays.toString(fields.radii()) + "]";
    }
}
