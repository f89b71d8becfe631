package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.noise.AngularLaw;
import dev.htsgd.noise.VectorLevyMeasure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
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
    static final double MAX_WAIT = 1e3;
    static final double REL_TOL = 1e-4;

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

    /** reachable[j]: l*(i, j) &lt;= J_i, J_i jumps can reach I_j. */
    private boolean[] reachableFrom(int i) {
        boolean[] r = new boolean[fields.size()];
        for (int j = 0; j < r.length; j++) {
            r[j] = reachable(i, j);
        }
        return r;
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

    /** Row i of q_b for a one-jump field by quadrature over directions. */
    public ExitMeasure.Estimate[] oneJump(int i) {
        if (jumps(i) != 1) {
            throw new IllegalArgumentException("field " + i + " needs J = " + jumps(i) + " jumps at b = " + b
                    + ": the one-jump quadrature applies to J = 1 only");
        }
        return new OneJumpQuadrature(fields, nu, b).row(i, reachableFrom(i));
    }

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
        return new MultiJumpMonteCarlo(fields, nu, b).row(i, k, reachableFrom(i), samples, rng, warnings);
    }

    @Override
    public String toString() {
        return "ExitMeasureRd[b=" + b + ", " + nu + ", fields " + Arrays.toString(fields.radii()) + "]";
    }
}
