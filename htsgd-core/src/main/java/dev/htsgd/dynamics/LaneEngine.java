package dev.htsgd.dynamics;

import dev.htsgd.landscape.ExpressionObjective;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.landscape.LaneCode;
import dev.htsgd.landscape.LdQuartic;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.CenteredNoise;
import dev.htsgd.noise.GaussianNoise;
import dev.htsgd.noise.LomaxNoise;
import dev.htsgd.noise.MixtureNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.noise.StableNoise;
import dev.htsgd.noise.StudentNoise;

/**
 * The vector engine's entry: whether it is available on this JVM, its lane count K, and which recursions it
 * runs. The engine itself (the loops over K lanes) lives in {@code dev.htsgd.sim} and uses the incubating
 * {@code jdk.incubator.vector} module; this class does not, so it loads on every JVM.
 *
 * <p>Per-lane random streams: lane for path (or replication) p runs xoshiro256++ (Blackman and Vigna) whose
 * 256-bit state is four outputs of {@code Streams.forReplication(seed, p)}; so path p's result depends only
 * on (settings, seed, p), not on which block or thread ran it. Uniforms on (0, 1] take the top 52 bits, the
 * random sign of a symmetric law the lowest bit; exp and log are {@link VectorMath}'s.
 *
 * <p>Supported: a 1-D recursion with constant sigma, clipping of the whole update (or none) and projection
 * (or none), on {@code iclr1d}, {@code ld-quartic} or a 1-D {@code expr:} formula that {@link LaneCode} compiles
 * (its gradient by {@link LaneTape}), with Pareto, Lomax, Gaussian, mixture (Lomax plus Gaussian), symmetric alpha-stable or Student-t noise
 * (any p+, centred when p+ != 1/2; the Gaussian part by Box-Muller with {@link VectorMath#cosTwoPi}; Student-t by Bailey's polar method, each lane drawing until it accepts), and at most four attraction fields for occupation. Everything else runs on the scalar engine.
 */
public final class LaneEngine {

    /** Gradient codes. */
    public static final int GRAD_ICLR = 0;
    public static final int GRAD_LD_QUARTIC = 1;
    /** An {@code expr:} formula, run by {@link LaneTape} from {@link Spec#code()}. */
    public static final int GRAD_EXPR = 2;
    /** Noise codes. */
    public static final int NOISE_PARETO = 0;
    public static final int NOISE_LOMAX = 1;
    /** No heavy part: only the Gaussian one ({@link Spec#normalScale()}). */
    public static final int NOISE_GAUSSIAN = 2;
    /** Symmetric alpha-stable (Chambers-Mallows-Stuck; alpha the stability index, scale s). */
    public static final int NOISE_STABLE = 3;
    /** Student-t, s T_nu (Bailey's polar method; alpha = nu, scale s). */
    public static final int NOISE_STUDENT = 4;

    private static final int LANES;
    private static final String WHY_NOT;

    static {
        int k = 0;
        String why = null;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            why = "the module jdk.incubator.vector is not loaded (the JVM must add it: the java option add-modules with jdk.incubator.vector, which the htsgd launcher does when the vector engine is asked for)";
        } else {
            try {
                k = Probe.lanes();
                if (k < 2) {
                    why = "the platform's vectors hold " + k + " double(s)";
                    k = 0;
                }
            } catch (LinkageError | RuntimeException e) {
                why = "the Vector API failed to load: " + e;
                k = 0;
            }
        }
        LANES = k;
        WHY_NOT = why;
    }

    /** Kept apart so that the incubator classes are touched only inside the try above. */
    private static final class Probe {
        static int lanes() {
            return VectorMath.S.length();
        }
    }

    private LaneEngine() {
    }

    /** True when the vector engine can run on this JVM. */
    public static boolean available() {
        return LANES > 0;
    }

    /** K, the number of lanes (paths advanced at once); 0 when unavailable. */
    public static int lanes() {
        return LANES;
    }

    /** Why the vector engine is unavailable, or null. */
    public static String unavailableReason() {
        return WHY_NOT;
    }

    /**
     * The recursion in the form the lanes run.
     *
     * @param gradient gradient code ({@link #GRAD_ICLR}, ...)
     * @param noise noise code ({@link #NOISE_PARETO}, ...)
     * @param alpha tail index of the noise
     * @param scale scale c of the noise
     * @param pPlus p+ of the noise
     * @param shift subtracted from every draw (the mean, for a centred law; else 0)
     * @param eta learning rate
     * @param etaSigma eta times the constant sigma
     * @param clip b for truncation of the whole update; +inf for none
     * @param lo lower projection bound (-inf for none)
     * @param hi upper projection bound (+inf for none)
     * @param code the formula's lane program for {@link #GRAD_EXPR}; else null
     * @param normalScale the standard deviation of the Gaussian part of the noise (0 for none)
     */
    public record Spec(int gradient, int noise, double alpha, double scale, double pPlus, double shift, double eta,
            double etaSigma, double clip, double lo, double hi, LaneCode code, double normalScale) {
    }

    /** Why {@code sgd} cannot run on the vector engine, or null when it can (availability aside). */
    public static String unsupported(ClippedSgd sgd) {
        if (!sgd.isScalar()) {
            return "the vector engine runs 1-D recursions with a scalar noise only, got a "
                    + sgd.objective().dimension() + "-D landscape";
        }
        String landscape = unsupported(sgd.objective1D());
        if (landscape != null) {
            return landscape;
        }
        if (Double.isNaN(sgd.sigma().constant())) {
            return "the vector engine needs a constant sigma";
        }
        if (sgd.clipping() == Clipping.GRADIENT_ONLY) {
            return "the vector engine does not support clipping of the gradient step alone";
        }
        NoiseModel z = sgd.noise();
        if (z instanceof CenteredNoise c) {
            z = c.base();
        }
        if (!(z instanceof ParetoNoise) && !(z instanceof LomaxNoise) && !(z instanceof MixtureNoise)
                && !(z instanceof GaussianNoise) && !(z instanceof StableNoise) && !(z instanceof StudentNoise)) {
            return "the vector engine has no lane sampler for the noise " + sgd.noise().name();
        }
        return null;
    }

    /** Why the lanes have no gradient of {@code f}, or null when they have one. */
    public static String unsupported(Objective1D f) {
        if (f instanceof ExpressionObjective e && !e.laneCode().supported()) {
            return e.laneCode().reason();
        }
        return gradientCode(f) < 0 ? "the vector engine has no lane gradient for the landscape " + f.name() : null;
    }

    private static int gradientCode(Objective1D f) {
        if (f instanceof Iclr1d) {
            return GRAD_ICLR;
        }
        if (f instanceof LdQuartic) {
            return GRAD_LD_QUARTIC;
        }
        if (f instanceof ExpressionObjective e && e.laneCode().supported()) {
            return GRAD_EXPR;
        }
        return -1;
    }

    /**
     * The lane form of X_{j+1} = Proj(X_j + phi_b(-eta f'(X_j) + eta z_j)) for a caller that draws z itself (the
     * rare-event estimators): f's gradient, eta, b (+inf for none) and f's domain, no noise of its own.
     *
     * @throws IllegalArgumentException naming the parameter {@code engine} when the lanes have no gradient of f
     */
    public static Spec gradientOnly(Objective1D f, double eta, double b) {
        String why = unsupported(f);
        if (why != null) {
            throw new IllegalArgumentException("engine vector: " + why);
        }
        return new Spec(gradientCode(f), NOISE_GAUSSIAN, 2, 0, 0.5, 0, eta, eta, b, f.domain().lower(),
                f.domain().upper(), f instanceof ExpressionObjective e ? e.laneCode() : null, 0);
    }

    /**
     * The lane form of {@code sgd}.
     *
     * @throws IllegalArgumentException naming the parameter {@code engine} when {@code sgd} is not supported
     */
    public static Spec spec(ClippedSgd sgd) {
        String why = unsupported(sgd);
        if (why != null) {
            throw new IllegalArgumentException("engine vector: " + why);
        }
        NoiseModel z = sgd.noise();
        double shift = 0;
        if (z instanceof CenteredNoise c) {
            z = c.base();
            shift = c.shift();
        }
        int nk = NOISE_LOMAX;
        double alpha = 2;
        double scale = 0;
        double pPlus = 0.5;
        double normal = 0;
        if (z instanceof ParetoNoise p) {
            nk = NOISE_PARETO;
            alpha = p.alpha();
            scale = p.scale();
            pPlus = p.pPlus();
        } else if (z instanceof LomaxNoise l) {
            alpha = l.alpha();
            scale = l.scale();
            pPlus = l.pPlus();
        } else if (z instanceof MixtureNoise m) {
            alpha = m.alpha();
            scale = m.paretoScale();
            pPlus = m.pPlus();
            normal = m.normalScale();
        } else if (z instanceof StudentNoise st) {
            nk = NOISE_STUDENT;
            alpha = st.nu();
            scale = st.scale();
        } else if (z instanceof StableNoise st) {
            nk = NOISE_STABLE;
            alpha = st.stabilityIndex();
            scale = st.scale();
        } else {
            nk = NOISE_GAUSSIAN;
            normal = ((GaussianNoise) z).scale();
        }
        Clipping c = sgd.clipping();
        double clip = c == Clipping.L2 || c == Clipping.COORDINATE ? sgd.b() : Double.POSITIVE_INFINITY;
        return new Spec(gradientCode(sgd.objective1D()), nk, alpha, scale, pPlus, shift, sgd.eta(),
                sgd.eta() * sgd.sigma().constant(), clip, sgd.domain().lower(), sgd.domain().upper(),
                sgd.objective1D() instanceof ExpressionObjective e ? e.laneCode() : null, normal);
    }

    /**
     * The engine an experiment of {@code paths} paths uses: {@link Engine#VECTOR} or {@link Engine#SCALAR}.
     * AUTO takes the vector engine when it is available, supports {@code sgd} and {@code paths} &gt;= K.
     *
     * @throws IllegalArgumentException naming the parameter {@code engine} when VECTOR is asked for and cannot run
     */
    public static Engine resolve(Engine requested, ClippedSgd sgd, long paths) {
        if (requested == null) {
            throw new IllegalArgumentException("engine must be one of scalar | vector | auto, got null");
        }
        switch (requested) {
            case SCALAR:
                return Engine.SCALAR;
            case VECTOR:
                if (!available()) {
                    throw new IllegalArgumentException("engine vector is unavailable: " + WHY_NOT);
                }
                spec(sgd); // throws when unsupported
                return Engine.VECTOR;
            default:
                return available() && unsupported(sgd) == null && paths >= LANES ? Engine.VECTOR : Engine.SCALAR;
        }
    }
}
