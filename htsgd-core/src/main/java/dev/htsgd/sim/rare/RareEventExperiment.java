package dev.htsgd.sim.rare;

import dev.htsgd.check.Require;
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

    private final Objective1D f;
    private final JumpNoise noise;
    private final double eta;
    private final double b;
    private final double x0;
    private final double level;
    private final long horizon;
    private final boolean below;

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
        Require.atLeast("from", from, 0);
        Require.atLeast("paths", paths, 0);
        double sum = 0;
        double sumSq = 0;
        double max = 0;
        long hits = 0;
        long steps = 0;
        double[] out = new double[2];
        for (int i = 0; i < paths; i++) {
            UniformRandomProvider rng = Streams.forReplication(key, from + i);
            path(rng, is, out);
            double w = out[0];
            if (w > 0) {
                hits++;
                sum += w;
                sumSq += w * w;
                max = Math.max(max, w);
            }
            steps += (long) out[1];
        }
        return new PathSums(paths, sum, sumSq, hits, steps, max);
    }

    /**
     * The sums of a group of paths, all an estimate needs: the paths, the sum of their weights and of the squared
     * weights, the paths with the event, the steps simulated and the largest weight.
     */
    public record PathSums(long paths, double sum, double sumSq, long hits, long steps, double max) {

        /** No paths. */
        public static final PathSums EMPTY = new PathSums(0, 0, 0, 0, 0, 0);

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

    /** Simulates one path; out[0] = weight (0 when the event does not happen), out[1] = steps taken. */
    void path(UniformRandomProvider rng, ImportanceSampling is, double[] out) {
        ZigguratSampler.NormalizedGaussian gauss = noise.normalScale() > 0 ? ZigguratSampler.NormalizedGaussian.of(rng) : null;
        double c = noise.scale();
        double cn = noise.normalScale();
        double pPlus = noise.pPlus();
        Domain domain = f.domain();
        boolean clip = Double.isFinite(b);
        // importance sampling constants
        double theta = 0;
        double a = Double.POSITIVE_INFINITY;
        double beta = noise.alpha();
        double logSmall = 0;
        double coefToward = 0;
        double coefAway = 0;
        double toward = 0.5;
        if (is != null) {
            theta = Math.min(0.5, is.expectedJumps() / horizon);
            a = is.threshold() / (eta * c);
            beta = noise.alpha() * is.tailRatio();
            toward = is.toward();
            double pToward = below ? 1 - pPlus : pPlus;
            double pAway = 1 - pToward;
            logSmall = -Math.log1p(-theta);
            // f/q for a jump above a of each sign: 1 / ((1 - theta) + theta * (q_sign / p_sign) * g(w) / f(w))
            coefToward = pToward > 0 ? theta * toward / pToward : Double.POSITIVE_INFINITY;
            coefAway = pAway > 0 ? theta * (1 - toward) / pAway : Double.POSITIVE_INFINITY;
        }
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
