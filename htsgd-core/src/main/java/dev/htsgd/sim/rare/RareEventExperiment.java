package dev.htsgd.sim.rare;

import dev.htsgd.check.Require;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.sim.Streams;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Probability of a rare event of the clipped heavy-tailed recursion within a horizon (paper notes section 5.C,
 * LD Table 2.1): started at x0, does X_j = Proj(X_{j-1} + phi_b(-eta f'(X_{j-1}) + eta Z_j)) reach
 * {@code level} (from above when x0 &gt; level, from below otherwise) for some j &lt;= n?
 *
 * <p>Two estimators of p: plain Monte Carlo and large-jump importance sampling (see {@link ImportanceSampling}),
 * which reaches p near 1e-6 with a few percent relative error in seconds. Both average i.i.d. path weights, so
 * the confidence interval is the normal one. This class simulates groups of paths ({@link #paths}); the study
 * {@link dev.htsgd.study.RareEventStudy} splits a run into such groups, keys their streams and reduces them.
 */
public final class RareEventExperiment {

    final Objective1D f;
    final JumpNoise noise;
    final double eta;
    final double b;
    final double x0;
    final double level;
    final long horizon;
    final boolean below;

    private RareEventExperiment(Objective1D f, JumpNoise noise, double eta, double b, double x0, double level, long horizon) {
        this.f = f;
        this.noise = noise;
        this.eta = eta;
        this.b = b;
        this.x0 = x0;
        this.level = level;
        this.horizon = horizon;
        this.below = level < x0;
    }

    /**
     * @param f the landscape (its domain's projection is applied)
     * @param noise the noise Z
     * @param eta learning rate, in (0, inf)
     * @param b clipping threshold on the update, in (0, inf]; {@code Double.POSITIVE_INFINITY} for none
     * @param x0 start, finite and different from {@code level}
     * @param level the level to reach
     * @param horizon the number of steps n, in [1, 2^40]
     */
    public static RareEventExperiment of(Objective1D f, JumpNoise noise, double eta, double b, double x0, double level,
            long horizon) {
        if (f == null || noise == null) {
            throw new IllegalArgumentException("landscape and noise must not be null");
        }
        Require.positive("eta", eta);
        Require.positiveOrInfinite("b", b);
        Require.finite("x0", x0);
        Require.finite("level", level);
        if (x0 == level) {
            throw Require.fail("level", "must differ from the start x0 = " + x0 + ", got " + level);
        }
        if (horizon < 1 || horizon > (1L << 40)) {
            throw Require.fail("horizon", "must be in [1, 2^40], got " + horizon);
        }
        return new RareEventExperiment(f, noise, eta, b, x0, level, horizon);
    }

    /** The LD Table 2.1 horizon floor(1/eta). */
    public static long horizonOf(double eta) {
        return (long) Math.floor(1.0 / eta + 1e-9);
    }

    public long horizon() {
        return horizon;
    }

    /** The default importance sampler for this event (see {@link ImportanceSampling#defaults}). */
    public ImportanceSampling defaultSampler() {
        return ImportanceSampling.defaults(Math.abs(x0 - level), b);
    }

    /**
     * The number l* of large jumps the event needs: ceil(distance / b) for the distance |x0 - level| (one without
     * clipping), so that P ~ eta^{l* (alpha - 1)} as eta -&gt; 0 (paper notes section 5.C).
     */
    public int jumpsNeeded() {
        return ImportanceSampling.jumpsNeeded(Math.abs(x0 - level), b);
    }

    /**
     * Paths {@code from .. from + paths - 1} with importance sampler {@code is} (plain Monte Carlo when null): path
     * r draws from {@code Streams.forReplication(key, r)}, so a path's weight does not depend on how paths are
     * grouped; the sums are taken in path order.
     */
    public PathSums paths(long key, long from, int paths, ImportanceSampling is) {
        return paths(key, from, paths, is, Engine.SCALAR);
    }

    /**
     * The engine {@code requested} resolves to for groups of {@code paths} paths: the vector engine ({@link
     * RareEventLanes}) when it is available, has a lane gradient of the landscape and (for AUTO) there are at
     * least K paths.
     *
     * @throws IllegalArgumentException naming {@code engine} when VECTOR is asked for and cannot run
     */
    public Engine engine(Engine requested, long paths) {
        if (requested == null) {
            throw Require.fail("engine", "must be one of scalar, vector, auto");
        }
        String why = !LaneEngine.available() ? "it is unavailable: " + LaneEngine.unavailableReason()
                : LaneEngine.unsupported(f);
        if (requested == Engine.VECTOR && why != null) {
            throw Require.fail("engine", "vector cannot run this rare event: " + why);
        }
        return requested == Engine.VECTOR || (requested == Engine.AUTO && why == null && paths >= LaneEngine.lanes())
                ? Engine.VECTOR : Engine.SCALAR;
    }

    /**
     * As {@link #paths(long, long, int, ImportanceSampling)} on {@code engine} (resolved by {@link #engine}): on
     * the vector engine path r draws from lanes seeded by the same keyed stream, so its weight is again a function
     * of (settings, key, r, engine) alone, equal in distribution to the scalar engine's.
     */
    public PathSums paths(long key, long from, int paths, ImportanceSampling is, Engine engine) {
        Require.atLeast("from", from, 0);
        Require.atLeast("paths", paths, 0);
        if (engine(engine, paths) == Engine.VECTOR) {
            return RareEventLanes.paths(this, key, from, paths, is);
        }
        double[] weights = new double[paths];
        long[] steps = new long[paths];
        double[] out = new double[2];
        for (int i = 0; i < paths; i++) {
            UniformRandomProvider rng = Streams.forReplication(key, from + i);
            path(rng, is, out);
            weights[i] = out[0];
            steps[i] = (long) out[1];
        }
        return PathSums.of(weights, steps);
    }

    /**
     * The sums of a group of paths, all an estimate needs: the paths, the sum of their weights and of the squared
     * weights, the paths with the event, the steps simulated and the largest weight.
     */
    public record PathSums(long paths, double sum, double sumSq, long hits, long steps, double max) {

        /** No paths. */
        public static final PathSums EMPTY = new PathSums(0, 0, 0, 0, 0, 0);

        /** The sums of paths with these weights (0: no event) and steps, added in path order. */
        public static PathSums of(double[] weights, long[] steps) {
            double sum = 0;
            double sumSq = 0;
            double max = 0;
            long hits = 0;
            long n = 0;
            for (int i = 0; i < weights.length; i++) {
                double w = weights[i];
                if (w > 0) {
                    hits++;
                    sum += w;
                    sumSq += w * w;
                    max = Math.max(max, w);
                }
                n += steps[i];
            }
            return new PathSums(weights.length, sum, sumSq, hits, n, max);
        }

        /** These sums followed by {@code o}'s (the order of the additions is this, then o). */
        public PathSums plus(PathSums o) {
            return new PathSums(paths + o.paths, sum + o.sum, sumSq + o.sumSq, hits + o.hits, steps + o.steps,
                    Math.max(max, o.max));
        }
    }

    /** The estimate from the sums of all paths. */
    public RareEventEstimate estimate(PathSums all, ImportanceSampling is) {
        return RareEventEstimate.of(eta, b, all.sum(), all.sumSq(), all.max(), all.paths(), all.hits(), all.steps(),
                is == null ? "mc" : "is");
    }

    /**
     * The constants of importance sampler {@code is} for this event (all zero-effect for plain Monte Carlo, null):
     * the jump probability theta per step, the threshold a on |W| above which a draw counts as a jump, the tilted
     * index beta, log(1 / (1 - theta)) (the likelihood ratio of a step without a jump), the coefficients of the
     * ratio of a jump toward and away from the level, and the proposal's probability of a jump toward it.
     */
    record Tilt(double theta, double a, double beta, double logSmall, double coefToward, double coefAway,
            double toward) {
    }

    Tilt tilt(ImportanceSampling is) {
        if (is == null) {
            return new Tilt(0, Double.POSITIVE_INFINITY, noise.alpha(), 0, 0, 0, 0.5);
        }
        double theta = Math.min(0.5, is.expectedJumps() / horizon);
        double pToward = below ? 1 - noise.pPlus() : noise.pPlus();
        double pAway = 1 - pToward;
        // f/q for a jump above a of each sign: 1 / ((1 - theta) + theta * (q_sign / p_sign) * g(w) / f(w))
        return new Tilt(theta, is.threshold() / (eta * noise.scale()), noise.alpha() * is.tailRatio(),
                -Math.log1p(-theta), pToward > 0 ? theta * is.toward() / pToward : Double.POSITIVE_INFINITY,
                pAway > 0 ? theta * (1 - is.toward()) / pAway : Double.POSITIVE_INFINITY, is.toward());
    }

    /** Simulates one path; out[0] = weight (0 when the event does not happen), out[1] = steps taken. */
    void path(UniformRandomProvider rng, ImportanceSampling is, double[] out) {
        ZigguratSampler.NormalizedGaussian gauss = noise.normalScale() > 0 ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        double c = noise.scale();
        double cn = noise.normalScale();
        double pPlus = noise.pPlus();
        Domain domain = f.domain();
        boolean clip = Double.isFinite(b);
        Tilt t = tilt(is);
        double theta = t.theta();
        double a = t.a();
        double beta = t.beta();
        double logSmall = t.logSmall();
        double coefToward = t.coefToward();
        double coefAway = t.coefAway();
        double toward = t.toward();
        double x = x0;
        double logL = 0;
        long j = 0;
        boolean hit = false;
        while (j < horizon) {
            j++;
            double w;
            boolean towardSign;
            if (theta > 0 && rng.nextDouble() < theta) {
                towardSign = rng.nextDouble() < toward;
                w = noise.proposalFromUniform(1.0 - rng.nextDouble(), a, beta);
            } else {
                w = noise.unitFromUniform(1.0 - rng.nextDouble());
                towardSign = (rng.nextDouble() < pPlus) != below;
            }
            if (theta > 0) {
                logL += w > a
                        ? -Math.log((1 - theta) + (towardSign ? coefToward : coefAway) * noise.proposalRatio(w, a, beta))
                        : logSmall;
            }
            double z = c * ((towardSign != below) ? w : -w);
            if (gauss != null) {
                z += cn * gauss.sample();
            }
            double u = eta * (z - f.derivative(x));
            if (clip) {
                u = Math.max(-b, Math.min(b, u));
            }
            x = domain.project(x + u);
            if (below ? x <= level : x >= level) {
                hit = true;
                break;
            }
        }
        out[0] = hit ? Math.exp(logL) : 0.0;
        out[1] = j;
    }
}
