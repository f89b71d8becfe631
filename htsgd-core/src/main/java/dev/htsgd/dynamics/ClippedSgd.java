package dev.htsgd.dynamics;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.VectorNoise;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The truncated heavy-tailed SGD recursion of the paper (notes section 2):
 *
 * <pre>
 * X_{j+1} = Proj( X_j + phi_b( -eta grad f(X_j) + eta sigma(X_j) Z_{j+1} ) )
 * </pre>
 *
 * with learning rate eta, truncation threshold b ({@link Clipping}; b = +inf is the unclipped recursion),
 * projection Proj onto the landscape's {@link Domain} (optional) and noise scale sigma ({@link Sigma}).
 *
 * <p>Two paths: the 1-D fast path {@link #step(double, UniformRandomProvider)} works on an {@link Objective1D}
 * with a scalar {@link NoiseModel} in primitives; the d-D path {@link #step(double[], Workspace,
 * UniformRandomProvider)} works on any {@link Objective} with a {@link VectorNoise}. Neither allocates.
 * Instances are immutable and thread-safe; the d-D path keeps its buffers in a per-thread {@link Workspace}.
 * A NaN or infinite gradient or state throws {@link DivergenceException}.
 */
public final class ClippedSgd {

    private final Objective objective;
    private final Objective1D f1;
    private final NoiseModel noise;
    private final VectorNoise vectorNoise;
    private final double eta;
    private final double b;
    private final Clipping clipping;
    private final boolean project;
    private final Sigma sigma;
    private final double sigmaConst; // NaN when state dependent
    private final double lo;
    private final double hi;
    private final Domain domain;
    private final double[] x0;
    // 1-D precomputed
    private final double clipB; // +inf when no truncation of the whole update
    private final double gradClipB; // truncation of the gradient step alone (GRADIENT_ONLY), else +inf
    private final double etaSigma;
    private final boolean simple; // constant sigma and no GRADIENT_ONLY: the branch-free 1-D step

    private ClippedSgd(Builder bl) {
        this.objective = bl.objective;
        this.f1 = bl.objective instanceof Objective1D o && bl.vectorNoise == null ? o : null;
        this.noise = bl.noise;
        this.vectorNoise = bl.vectorNoise;
        this.eta = bl.eta;
        this.b = bl.b;
        this.clipping = Double.isInfinite(bl.b) ? Clipping.NONE : bl.clipping;
        this.project = bl.project;
        this.sigma = bl.sigma;
        this.sigmaConst = bl.sigma.constant();
        this.domain = bl.project ? bl.objective.domain() : Domain.unbounded();
        this.lo = domain.lower();
        this.hi = domain.upper();
        this.x0 = bl.x0.clone();
        this.clipB = clipping == Clipping.L2 || clipping == Clipping.COORDINATE ? b : Double.POSITIVE_INFINITY;
        this.gradClipB = clipping == Clipping.GRADIENT_ONLY ? b : Double.POSITIVE_INFINITY;
        this.etaSigma = eta * (Double.isNaN(sigmaConst) ? 1.0 : sigmaConst);
        this.simple = !Double.isNaN(sigmaConst) && clipping != Clipping.GRADIENT_ONLY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The recursion X_{k+1} = X_k - phi_b(eta grad f(X_k) - eta Z_{k+1}) (paper notes section 2) the way every
     * experiment assembles it from its settings: the scalar noise z on a 1-D landscape, isotropic noise whose
     * radius has the law of |z| on a d-D one ({@link IsotropicNoise}).
     *
     * @param b truncation threshold in (0, inf], +inf for none
     * @param mode how phi_b truncates
     * @param project whether to project onto the landscape's domain
     */
    public static ClippedSgd of(Objective f, NoiseModel z, double eta, double b, Clipping mode, boolean project,
            double[] x0) {
        Builder bl = builder().objective(f).eta(eta).clip(b).clipping(mode).project(project).x0(x0);
        if (f.dimension() == 1) {
            bl.noise(z);
        } else {
            bl.noise(dev.htsgd.noise.IsotropicNoise.of(z, f.dimension()));
        }
        return bl.build();
    }

    /**
     * One step of the 1-D recursion from x; draws one Z from {@code rng}.
     *
     * @throws DivergenceException when the gradient or the new state is NaN or infinite
     */
    public double step(double x, UniformRandomProvider rng) {
        double g = f1.derivative(x);
        double z = noise.sample(rng);
        double w;
        if (simple) { // constant sigma, the whole update truncated (or not): the common case
            w = -eta * g + etaSigma * z;
            w = w > clipB ? clipB : (w < -clipB ? -clipB : w);
        } else {
            double es = Double.isNaN(sigmaConst) ? eta * sigma.at(x) : etaSigma;
            w = gradClipB == Double.POSITIVE_INFINITY
                    ? Clipping.clamp(-eta * g + es * z, clipB)
                    : Clipping.clamp(-eta * g, gradClipB) + es * z;
        }
        double y = x + w;
        y = y < lo ? lo : (y > hi ? hi : y); // lo, hi infinite without projection
        if (!(Math.abs(g) + Math.abs(y) <= Double.MAX_VALUE)) { // NaN or infinite gradient or state
            throw new DivergenceException(0, new double[] {x}, new double[] {g});
        }
        return y;
    }

    /** Runs {@code steps} steps of the 1-D recursion from x and returns the final state. */
    public double run(double x, long steps, UniformRandomProvider rng) {
        double y = x;
        for (long j = 1; j <= steps; j++) {
            try {
                y = step(y, rng);
            } catch (DivergenceException e) {
                throw e.atStep(j);
            }
        }
        return y;
    }

    /** Buffers of the d-D path, one per thread. */
    public static final class Workspace {
        final double[] grad;
        final double[] z;
        final double[] w;

        Workspace(int d) {
            grad = new double[d];
            z = new double[d];
            w = new double[d];
        }

        /** The gradient computed at the state before the last step. */
        public double[] lastGradient() {
            return grad;
        }
    }

    /** A workspace for the d-D path. */
    public Workspace newWorkspace() {
        return new Workspace(objective.dimension());
    }

    /**
     * One step of the d-D recursion, updating x in place; draws one Z vector from {@code rng}.
     *
     * @throws DivergenceException when the gradient or the new state is NaN or infinite
     */
    public void step(double[] x, Workspace ws, UniformRandomProvider rng) {
        if (vectorNoise == null) { // a 1-D objective with scalar noise
            x[0] = step(x[0], rng);
            return;
        }
        double[] g = ws.grad;
        double[] z = ws.z;
        double[] w = ws.w;
        objective.gradient(x, g);
        vectorNoise.sample(rng, z);
        double es = Double.isNaN(sigmaConst) ? eta * sigma.at(x) : etaSigma;
        int d = x.length;
        switch (clipping) {
            case GRADIENT_ONLY -> {
                for (int k = 0; k < d; k++) {
                    w[k] = -eta * g[k];
                }
                Clipping.clipL2(w, b);
                for (int k = 0; k < d; k++) {
                    w[k] += es * z[k];
                }
            }
            case L2 -> {
                for (int k = 0; k < d; k++) {
                    w[k] = -eta * g[k] + es * z[k];
                }
                Clipping.clipL2(w, b);
            }
            case COORDINATE -> {
                for (int k = 0; k < d; k++) {
                    w[k] = Clipping.clamp(-eta * g[k] + es * z[k], b);
                }
            }
            default -> {
                for (int k = 0; k < d; k++) {
                    w[k] = -eta * g[k] + es * z[k];
                }
            }
        }
        boolean finite = true;
        for (int k = 0; k < d; k++) {
            finite &= Double.isFinite(g[k]) && Double.isFinite(x[k] + w[k]);
        }
        if (!finite) {
            throw new DivergenceException(0, x, g);
        }
        for (int k = 0; k < d; k++) {
            x[k] += w[k];
        }
        if (project) {
            domain.project(x);
        }
    }

    /** True when this recursion runs on the 1-D fast path. */
    public boolean isScalar() {
        return f1 != null;
    }

    public Objective objective() {
        return objective;
    }

    /** The 1-D objective of the fast path; null on the d-D path. */
    public Objective1D objective1D() {
        return f1;
    }

    /** The scalar noise of the 1-D path; null on the d-D path. */
    public NoiseModel noise() {
        return noise;
    }

    /** The vector noise of the d-D path; null on the 1-D path. */
    public VectorNoise vectorNoise() {
        return vectorNoise;
    }

    public double eta() {
        return eta;
    }

    /** Truncation threshold b; +inf for none. */
    public double b() {
        return b;
    }

    public Clipping clipping() {
        return clipping;
    }

    public boolean project() {
        return project;
    }

    public Sigma sigma() {
        return sigma;
    }

    /** The starting point X_0 (a copy). */
    public double[] x0() {
        return x0.clone();
    }

    /** The domain the iterate is projected on (unbounded when projection is off). */
    public Domain domain() {
        return domain;
    }

    /** A one-line description of the whole configuration, for provenance. */
    public String describe() {
        return "ClippedSgd[f=" + objective.name() + ", noise="
                + (noise != null ? noise.describe() : vectorNoise.describe()) + ", eta=" + eta + ", b=" + b
                + ", clipping=" + clipping.cliName() + ", project=" + (project ? domain.describe() : "off")
                + ", sigma=" + (Double.isNaN(sigmaConst) ? "state-dependent" : sigmaConst)
                + ", x0=" + (x0.length == 1 ? Double.toString(x0[0]) : Arrays.toString(x0)) + "]";
    }

    @Override
    public String toString() {
        return describe();
    }

    /**
     * Builds a {@link ClippedSgd}; {@code set}-style required options (objective, noise, eta), optional ones
     * with defaults (b = +inf, clipping L2, projection on, sigma = 1, x0 = 0). {@link #build()} validates
     * eagerly: eta in (0, inf), b in (0, inf], x0 inside the domain, noise dimension matching.
     */
    public static final class Builder {
        private Objective objective;
        private NoiseModel noise;
        private VectorNoise vectorNoise;
        private double eta = Double.NaN;
        private double b = Double.POSITIVE_INFINITY;
        private Clipping clipping = Clipping.L2;
        private boolean project = true;
        private Sigma sigma = Sigma.constant(1.0);
        private double[] x0;

        private Builder() {
        }

        public Builder objective(Objective f) {
            this.objective = f;
            return this;
        }

        /** Scalar noise (1-D objectives; the fast path). */
        public Builder noise(NoiseModel z) {
            this.noise = z;
            this.vectorNoise = null;
            return this;
        }

        /** Vector noise (d-D objectives). */
        public Builder noise(VectorNoise z) {
            this.vectorNoise = z;
            this.noise = null;
            return this;
        }

        public Builder eta(double eta) {
            this.eta = eta;
            return this;
        }

        /** Truncation threshold b in (0, inf]; +inf (the default) means no truncation. */
        public Builder clip(double b) {
            this.b = b;
            return this;
        }

        public Builder clipping(Clipping c) {
            this.clipping = c;
            return this;
        }

        /** Whether to project onto the objective's domain (default true; a no-op on unbounded domains). */
        public Builder project(boolean p) {
            this.project = p;
            return this;
        }

        public Builder sigma(Sigma s) {
            this.sigma = s;
            return this;
        }

        public Builder x0(double... x) {
            this.x0 = x.clone();
            return this;
        }

        public ClippedSgd build() {
            if (objective == null) {
                throw new IllegalArgumentException("objective must be set");
            }
            if (noise == null && vectorNoise == null) {
                throw new IllegalArgumentException("noise must be set");
            }
            Require.positive("eta", eta);
            Require.positiveOrInfinite("clip", b);
            if (clipping == null) {
                throw Require.fail("clipping", "must be one of l2, coordinate, none, gradient-only");
            }
            if (clipping == Clipping.NONE) {
                b = Double.POSITIVE_INFINITY;
            }
            if (sigma == null) {
                throw new IllegalArgumentException("sigma must be set");
            }
            int d = objective.dimension();
            if (noise != null && d != 1) {
                throw Require.fail("noise", "must be vector noise for a " + d + "-D landscape, got scalar " + noise.name());
            }
            if (vectorNoise != null && vectorNoise.dimension() != d) {
                throw Require.fail("noise", "dimension " + vectorNoise.dimension()
                        + " does not match the landscape dimension " + d);
            }
            if (x0 == null) {
                x0 = new double[d];
            }
            if (x0.length != d) {
                throw Require.fail("x0", "needs " + d + " coordinate(s), got " + x0.length);
            }
            Domain dom = objective.domain();
            if (!dom.contains(x0)) {
                throw Require.fail("x0", "must lie inside the domain " + dom.describe() + ", got "
                        + (d == 1 ? Double.toString(x0[0]) : Arrays.toString(x0)));
            }
            return new ClippedSgd(this);
        }
    }
}
