package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.numerics.GaussKronrod;
import dev.htsgd.noise.LevyMeasure;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The exit-location measures C_k(B; m) of a 1-D landscape and the transition rates
 * q_b(i, j) = C_{l*_i}(I_j; m_i) (paper notes, sections 3-4).
 *
 * <p>C_k(B; m) is the nu_alpha^k x Lebesgue^{k-1} measure of the jump sizes w_1..w_k and inter-jump times
 * t_2..t_k for which the path that starts at m, jumps by phi_b(sigma(x) w) (then Proj) and follows the gradient
 * flow dx/dt = -f'(x) between jumps lies in B right after its k-th jump.
 *
 * <h2>Methods</h2>
 * <ul>
 *   <li>k = 1: exact. The jump from x by phi_b(sigma(x) w) is continuous in w up to the cap
 *       min(b, distance to the projection bound); all larger w land on the cap: an atom of mass
 *       p+ (cap / sigma)^-alpha (p- on the left).</li>
 *   <li>k &gt;= 2: the time between jumps is changed to the position z it reaches, dt = dz / |f'(z)| (the
 *       flow inside a field moves monotonically towards m_i), and Fubini turns each jump-and-flow step into one
 *       integral: F_k(x) = integral of N_x(z) / |f'(z)| F_{k-1}(z) dz, with N_x(z) = nu{w : the flow after the
 *       jump from x passes z} in closed form and F_1 = C_1(B; .) exact. The nested integrals are computed by
 *       adaptive Gauss-Kronrod quadrature with breakpoints at every possible discontinuity; the reported error
 *       includes the inner integrals' errors. Cost grows like (#nodes)^(k-1); k &lt;= {@link #MAX_QUADRATURE_JUMPS}.</li>
 *   <li>Two jumps in the time variable ({@link #timeIntegral(int, int)}, a cross-check): adaptive quadrature over
 *       the first jump's size of the time integral of C_1 along the gradient flow, which the Dormand-Prince 8(5,3)
 *       adaptive ODE solver integrates with events at the discontinuities; agrees with the position quadrature to
 *       about 1e-9 on iclr1d.</li>
 *   <li>Monte Carlo (independent check of the change of variables, the kernel and the nesting): the first
 *       k-1 jump sizes from nu restricted to |jump| &gt;= d - (k-1) b (every exiting path has only such jumps),
 *       waiting times uniform on (0, T) in time (T the longest useful wait), the flow integrated by the
 *       Dormand-Prince 8(5,3) adaptive ODE integrator, the last jump integrated exactly given the path
 *       (conditional Monte Carlo); reported with its standard error.</li>
 * </ul>
 * Valid for k = l*_i (the only k the theory uses): then every intermediate position stays inside I_i.
 *
 * @param basins      the fields of the landscape, at least two with an exit ({@link Basins#requireExits})
 * @param levyMeasure the Levy measure nu_alpha of the noise; alpha must exceed 1
 * @param b           truncation threshold in (0, +infinity]
 */
public record ExitMeasure(Basins basins, LevyMeasure levyMeasure, double b) {

    /** Largest jump number computed by quadrature. */
    public static final int MAX_QUADRATURE_JUMPS = 4;

    private static final double REL_TOL = 1e-6;
    private static final int MAX_PIECES = 400;

    /** A rate with its absolute error: quadrature (error estimate), exact (error 0) or Monte Carlo (standard error). */
    public record Estimate(double value, double error, String method) {
        public Estimate {
            if (!Double.isFinite(value) || value < 0 || !(error >= 0)) {
                throw new IllegalStateException("exit measure came out as " + value + " +- " + error + " (" + method + ")");
            }
        }

        /** error / value (0 when both are 0). */
        public double relativeError() {
            return value == 0 ? 0 : error / value;
        }
    }

    /** Checks alpha &gt; 1 and b, and that the basins have exits. */
    public ExitMeasure {
        if (!(levyMeasure.alpha() > 1)) {
            throw Require.fail("alpha", "must be in (1, inf) for the heavy-tailed theory, got " + levyMeasure.alpha());
        }
        Require.positiveOrInfinite("b", b);
        basins = basins.requireExits();
    }

    /**
     * @param nu the Levy measure nu_alpha of the noise; alpha must exceed 1
     * @param b  truncation threshold in (0, +infinity]
     */
    public static ExitMeasure of(Basins basins, LevyMeasure nu, double b) {
        return new ExitMeasure(basins, nu, b);
    }

    /** Jump number l*_i for this b. */
    public int jumps(int i) {
        return TransitionGraph.jumps(basins.field(i).radius(), b);
    }

    /** q_b(i, j) = C_{l*_i}(I_j; m_i) for j != i; exact for one jump, quadrature otherwise. */
    public Estimate rate(int i, int j) {
        checkPair(i, j);
        int k = jumps(i);
        if (k == 1) {
            return new Estimate(oneJump(basins.minimum(i), basins.field(j)), 0, "exact");
        }
        if (k > MAX_QUADRATURE_JUMPS) {
            throw new IllegalArgumentException("basin " + i + " needs l* = " + k + " jumps at b = " + b
                    + ": quadrature is limited to " + MAX_QUADRATURE_JUMPS + " (its cost grows like 100^(l*-1));"
                    + " use a larger b or the Monte Carlo estimate");
        }
        double dist = basins.distance(i, j);
        if (TransitionGraph.jumps(dist, b) > k) {
            return new Estimate(0, 0, "exact");
        }
        Level top = new Level(i, basins.field(j), k);
        double[] e = new double[1];
        double v = top.f(k, basins.minimum(i), e);
        return new Estimate(v, e[0], "quadrature");
    }

    /** q_b(i) = C_{l*_i}(I_i^c; m_i), the sum of the rates out of m_i. */
    public Estimate exitRate(int i) {
        double v = 0;
        double err = 0;
        String method = "exact";
        for (int j = 0; j < basins.size(); j++) {
            if (j != i) {
                Estimate q = rate(i, j);
                v += q.value();
                err += q.error();
                if (!q.method().equals("exact")) {
                    method = q.method();
                }
            }
        }
        return new Estimate(v, err, method);
    }

    /** The matrix q_b(i, j), zero diagonal. */
    public Estimate[][] rates() {
        int n = basins.size();
        Estimate[][] q = new Estimate[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = i == j ? new Estimate(0, 0, "exact") : rate(i, j);
            }
        }
        return q;
    }

    void checkPair(int i, int j) {
        int n = basins.size();
        if (i < 0 || i >= n || j < 0 || j >= n || i == j) {
            throw new IllegalArgumentException("rate indices must be distinct minima in [0, " + (n - 1) + "], got " + i + ", " + j);
        }
    }

    // ---------------------------------------------------------------- one jump, exact

    /** Largest displacement to the right from x: min(b, upper - x) (may be infinite). */
    double capUp(double x) {
        return Math.min(b, basins.upper() - x);
    }

    double capDown(double x) {
        return Math.min(b, x - basins.lower());
    }

    /**
     * Where the largest jumps up from x land: Proj(x + phi_b(.)) at the cap. When the cap is the distance to the
     * projection bound s_n this is s_n itself, not x + (s_n - x), which rounds and can fall an ulp outside
     * [s_0, s_n] (and so outside a field closed at s_n); the same comparison as {@link #capUp} decides which.
     */
    double landingUp(double x) {
        double upper = basins.upper();
        return upper - x <= b ? upper : Math.min(x + b, upper);
    }

    /** Where the largest jumps down from x land: s_0 itself when the cap is x - s_0, else x - b; see {@link #landingUp}. */
    double landingDown(double x) {
        double lower = basins.lower();
        return x - lower <= b ? lower : Math.max(x - b, lower);
    }

    /** C_1(B; x) = nu{w : Proj(x + phi_b(sigma(x) w)) in B}, exact. */
    double oneJump(double x, AttractionField target) {
        double s = basins.sigma(x);
        double total = 0;
        // positive jumps: displacement u in (0, cap) continuous, u >= cap lands at x + cap
        double cap = capUp(x);
        double lo = Math.max(target.left() - x, 0);
        double hi = Math.min(target.right() - x, cap);
        if (lo < hi) {
            total += tailUp(lo / s) - tailUp(hi / s);
        }
        // the atom sits on the landing point, decided exactly (see landingUp): the bound when the cap is the bound
        if (Double.isFinite(cap) && cap > 0 && target.contains(landingUp(x))) {
            total += tailUp(cap / s);
        }
        double capD = capDown(x);
        lo = Math.max(x - target.right(), 0);
        hi = Math.min(x - target.left(), capD);
        if (lo < hi) {
            total += tailDown(lo / s) - tailDown(hi / s);
        }
        if (Double.isFinite(capD) && capD > 0 && target.contains(landingDown(x))) {
            total += tailDown(capD / s);
        }
        if (!Double.isFinite(total)) {
            throw new IllegalStateException("C_1(I_" + target.index() + "; " + x + ") is infinite: x touches the target");
        }
        return total;
    }

    private double tailUp(double w) {
        return Double.isInfinite(w) ? 0 : levyMeasure.upperTail(w);
    }

    private double tailDown(double w) {
        return Double.isInfinite(w) ? 0 : levyMeasure.lowerTail(w);
    }

    // ---------------------------------------------------------------- k jumps, quadrature

    /** The nested integrals for one rate q(i, j). */
    private final class Level {
        private final int i;
        private final double m;
        private final AttractionField home;
        private final AttractionField target;
        private final double[] breaks;
        private final int k;

        Level(int i, AttractionField target, int k) {
            this.k = k;
            this.i = i;
            this.m = basins.minimum(i);
            this.home = basins.field(i);
            this.target = target;
            List<Double> bp = new ArrayList<>();
            double[] anchors = {target.left(), target.right(), basins.lower(), basins.upper(), m};
            for (double a : anchors) {
                if (Double.isFinite(a)) {
                    for (int t = -k; t <= k; t++) {
                        bp.add(a + t * b);
                    }
                }
            }
            breaks = bp.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** F_j(x): measure of the remaining j jumps from x; err[0] receives its absolute error. */
        double f(int j, double x, double[] err) {
            if (j == 1) {
                err[0] = 0;
                return oneJump(x, target);
            }
            // support of F_{j-1}: dist(z, B) < (j-1) b, intersected with the home field
            double sLo = Math.max(target.left() - (j - 1) * b, home.left());
            double sHi = Math.min(target.right() + (j - 1) * b, home.right());
            double value = 0;
            double error = 0;
            // right-going jumps from x (and over m if x < m)
            double a = Math.max(x, m);
            // the farthest point a jump reaches is its landing point (the bound itself when the cap is the bound)
            double c = landingUp(x);
            double[] seg = {Math.max(a, sLo), Math.min(c, sHi)};
            for (int side = 0; side < 2; side++) {
                if (side == 1) {
                    a = landingDown(x);
                    c = Math.min(x, m);
                    seg = new double[] {Math.max(a, sLo), Math.min(c, sHi)};
                }
                if (seg[0] < seg[1]) {
                    final boolean up = side == 0;
                    GaussKronrod.Result r = GaussKronrod.integrate((z, e) -> {
                        double inner = f(j - 1, z, e);
                        double w = kernel(x, z, up);
                        e[0] *= w;
                        return inner * w;
                    }, seg[0], seg[1], breaks, 0, REL_TOL * Math.pow(10, -(k - j)), MAX_PIECES);
                    value += r.value();
                    error += r.error();
                }
            }
            err[0] = error;
            return value;
        }

        /** N_x(z) / |f'(z)| for z reached by a jump up (z &gt; x) or down (z &lt; x) from x. */
        private double kernel(double x, double z, boolean up) {
            double d = up ? z - x : x - z;
            double cap = up ? capUp(x) : capDown(x);
            if (!(d > 0) || d > cap) {
                return 0;
            }
            double w = d / basins.sigma(x);
            double mass = up ? levyMeasure.upperTail(w) : levyMeasure.lowerTail(w);
            double slope = Math.abs(basins.objective().derivative(z));
            if (!(slope > 0) || !Double.isFinite(slope)) {
                throw new IllegalStateException("f'(" + z + ") = " + slope + " inside field " + i
                        + ": the gradient flow does not reach the minimum from there");
            }
            return mass / slope;
        }
    }

    // ---------------------------------------------------------------- two jumps in time, by the ODE solver

    /**
     * q_b(i, j) for a two-jump basin computed directly in the time variable, a cross-check of {@link #rate}; see
     * {@link ExitMeasureChecks#timeIntegral}.
     *
     * @throws IllegalArgumentException unless l*_i = 2
     */
    public Estimate timeIntegral(int i, int j) {
        return new ExitMeasureChecks(this).timeIntegral(i, j);
    }

    /**
     * An independent Monte Carlo estimate of q_b(i, j) with its standard error; see
     * {@link ExitMeasureChecks#monteCarlo}.
     */
    public Estimate monteCarlo(int i, int j, int samples, UniformRandomProvider rng) {
        return new ExitMeasureChecks(this).monteCarlo(i, j, samples, rng);
    }
}
