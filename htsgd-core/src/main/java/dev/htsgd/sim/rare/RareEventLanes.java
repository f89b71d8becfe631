package dev.htsgd.sim.rare;

import dev.htsgd.dynamics.LaneArrays;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.dynamics.LanePasses;
import dev.htsgd.dynamics.LaneStreams;
import dev.htsgd.dynamics.VectorMath;
import dev.htsgd.sim.LaneBlock;
import dev.htsgd.sim.rare.RareEventExperiment.PathSums;
import dev.htsgd.sim.rare.RareEventExperiment.Tilt;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The rare-event estimators of {@link RareEventExperiment} on the vector engine: W paths advanced together in
 * the lanes of a {@link LaneBlock}, each lane drawing the step's jump decision, sign and |W| (under the importance
 * sampler's proposal or the true law), the Gaussian part, the likelihood ratio, and the clipped step, all as
 * lane operations; a lane whose path reaches the level or the horizon books its weight and takes the next path.
 * Path r's lane is seeded from {@code Streams.forReplication(key, r)} (as {@link LaneBlock#seed}), so its weight
 * depends on (settings, key, r) only, not on the lane, the group or the thread. Per step and lane the streams
 * give three draws (jump, sign, |W|) plus two for the Gaussian part; the scalar engine draws a different
 * number, so the two engines agree in distribution, not path by path.
 *
 * <p>Only loaded when {@link LaneEngine#available()}.
 */
final class RareEventLanes {

    private static final VectorSpecies<Double> S = VectorMath.S;
    private static final VectorSpecies<Long> SL = VectorMath.SL;
    private static final int K = S.length();

    private RareEventLanes() {
    }

    static PathSums paths(RareEventExperiment e, long key, long from, int paths, ImportanceSampling is) {
        int w = LaneBlock.width(paths, 1);
        LaneBlock block = new LaneBlock(LaneEngine.gradientOnly(e.f, e.eta, e.b), w);
        long[][] st = block.streams();
        Tilt t = e.tilt(is);
        JumpNoise nz = e.noise;
        boolean lomax = nz.family() == JumpNoise.Family.LOMAX;
        double minus1 = lomax ? 1 : 0;
        double jumpBase = lomax ? 1 + t.a() : Math.max(t.a(), 1);
        // log of the proposal-to-true density ratio's constant part: beta log(base of a) + log(beta / alpha)
        double ratioConst = t.beta() * Math.log(jumpBase) + Math.log(t.beta() / nz.alpha());
        // per lane: the three draws of a step, its step of entry and path; jump, sign, |W|, z, log-likelihood
        long[][] bits = LaneArrays.longs(5, w);
        long[] rj = bits[0];
        long[] rs = bits[1];
        long[] rw = bits[2];
        long[] begin = bits[3];
        long[] rep = bits[4];
        double[][] lane = LaneArrays.doubles(5, w);
        double[] jump = lane[0];
        double[] toward = lane[1];
        double[] mag = lane[2];
        double[] z = lane[3];
        double[] logL = lane[4];
        double[] weights = new double[paths];
        long[] steps = new long[paths];
        double[] x = block.x();
        long next = 0;
        int active = 0;
        for (int i = 0; i < w; i++) {
            x[i] = e.x0;
            rep[i] = next < paths ? next : -1;
            block.seed(key, from + Math.max(0, rep[i]), i);
            if (rep[i] >= 0) {
                next++;
                active++;
            }
        }
        // not yet reached: y > level from above, y < level from below (a NaN state never reaches it, as scalar)
        double loX = e.below ? e.level : Double.NEGATIVE_INFINITY;
        double hiX = e.below ? Double.POSITIVE_INFINITY : e.level;
        long nextCap = e.horizon;
        long j = 0;
        while (active > 0) {
            j++;
            LanePasses.next(st[0], st[1], st[2], st[3], rj, w);
            LanePasses.next(st[0], st[1], st[2], st[3], rs, w);
            LanePasses.next(st[0], st[1], st[2], st[3], rw, w);
            choose(rj, rs, t.theta(), t.toward(), nz.pPlus(), e.below, jump, toward, w);
            boolean above = magnitude(rw, jump, 1 / t.beta(), 1 / nz.alpha(), jumpBase, minus1, t.a(), mag, w);
            if (t.theta() > 0) {
                // a draw above a is rare: most steps add log(1 / (1 - theta)) to every lane and skip the ratio
                if (above) {
                    ratio(mag, minus1, nz.alpha() - t.beta(), ratioConst, z, w);
                    likelihood(mag, z, toward, t.a(), 1 - t.theta(), t.coefToward(), t.coefAway(), t.logSmall(), logL, w);
                } else {
                    addConstant(t.logSmall(), logL, w);
                }
            }
            signed(mag, toward, e.below, nz.scale(), z, w);
            block.addGaussian(nz.normalScale(), z);
            block.gradient();
            block.update(z);
            double[] y = block.y();
            if (LanePasses.outside(y, loX, hiX, w) || j == nextCap) {
                long cap = Long.MAX_VALUE;
                for (int i = 0; i < w; i++) {
                    long n = j - begin[i];
                    boolean hit = e.below ? y[i] <= e.level : y[i] >= e.level;
                    if (hit || n == e.horizon) {
                        if (rep[i] >= 0) {
                            weights[(int) rep[i]] = hit ? Math.exp(logL[i]) : 0.0;
                            steps[(int) rep[i]] = n;
                            active--;
                        }
                        begin[i] = j;
                        y[i] = e.x0;
                        logL[i] = 0;
                        rep[i] = next < paths ? next : -1;
                        if (rep[i] >= 0) {
                            block.seed(key, from + next, i);
                            next++;
                            active++;
                        }
                    }
                    if (rep[i] >= 0) {
                        cap = Math.min(cap, begin[i] + e.horizon);
                    } else {
                        y[i] = e.x0; // an idle lane stays where a path starts (and finite)
                    }
                }
                nextCap = cap;
            }
            block.swap();
        }
        return PathSums.of(weights, steps);
    }

    private static DoubleVector uniform(long[] r, int i) {
        return LaneStreams.uniform(LongVector.fromArray(SL, r, i));
    }

    /**
     * jump = 1 where 1 - u &lt; theta (a proposal draw); toward = 1 where the sign points at the level: under a
     * jump with probability {@code towardP}, else the true sign (+ with probability p+) compared with the side.
     */
    private static void choose(long[] rj, long[] rs, double theta, double towardP, double pPlus, boolean below,
            double[] jump, double[] toward, int w) {
        DoubleVector zero = DoubleVector.zero(S);
        for (int i = 0; i < w; i += K) {
            VectorMask<Double> jm = VectorMath.bc(1.0).sub(uniform(rj, i)).compare(VectorOperators.LT, theta);
            DoubleVector us = VectorMath.bc(1.0).sub(uniform(rs, i));
            VectorMask<Double> plus = us.compare(VectorOperators.LT, pPlus);
            VectorMask<Double> natural = below ? plus.not() : plus;
            VectorMask<Double> tw = us.compare(VectorOperators.LT, towardP).and(jm).or(natural.andNot(jm));
            zero.blend(1.0, jm).intoArray(jump, i);
            zero.blend(1.0, tw).intoArray(toward, i);
        }
    }

    /**
     * |W| = B exp(-log(u) m) - minus1: B = jumpBase, m = 1/beta under a jump; B = 1, m = 1/alpha else. True when
     * some lane's |W| exceeds a.
     */
    private static boolean magnitude(long[] rw, double[] jump, double invBeta, double invAlpha, double jumpBase,
            double minus1, double a, double[] mag, int w) {
        VectorMask<Double> any = VectorMask.fromLong(S, 0);
        for (int i = 0; i < w; i += K) {
            VectorMask<Double> jm = DoubleVector.fromArray(S, jump, i).compare(VectorOperators.NE, 0.0);
            DoubleVector m = VectorMath.bc(invAlpha).blend(invBeta, jm);
            DoubleVector base = VectorMath.bc(1.0).blend(jumpBase, jm);
            DoubleVector lg = VectorMath.logNormal(uniform(rw, i));
            DoubleVector v = base.mul(VectorMath.exp(lg.mul(m).neg())).sub(minus1);
            v.intoArray(mag, i);
            any = any.or(v.compare(VectorOperators.GT, a));
        }
        return any.anyTrue();
    }

    /** out += c. */
    private static void addConstant(double c, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector.fromArray(S, out, i).add(c).intoArray(out, i);
        }
    }

    /** ratio = g(w) / f(w) = exp(c + (alpha - beta) log(w + minus1)) (see {@link JumpNoise#proposalRatio}). */
    private static void ratio(double[] mag, double minus1, double alphaMinusBeta, double c, double[] out, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector lw = VectorMath.log(DoubleVector.fromArray(S, mag, i).add(minus1));
            VectorMath.exp(lw.mul(alphaMinusBeta).add(c)).intoArray(out, i);
        }
    }

    /** logL += -log((1 - theta) + coef_sign ratio) where |W| &gt; a, log(1 / (1 - theta)) elsewhere. */
    private static void likelihood(double[] mag, double[] ratio, double[] toward, double a, double oneMinusTheta,
            double coefToward, double coefAway, double logSmall, double[] logL, int w) {
        for (int i = 0; i < w; i += K) {
            VectorMask<Double> tw = DoubleVector.fromArray(S, toward, i).compare(VectorOperators.NE, 0.0);
            DoubleVector coef = VectorMath.bc(coefAway).blend(coefToward, tw);
            DoubleVector big = VectorMath.log(coef.mul(DoubleVector.fromArray(S, ratio, i)).add(oneMinusTheta)).neg();
            VectorMask<Double> above = DoubleVector.fromArray(S, mag, i).compare(VectorOperators.GT, a);
            DoubleVector.fromArray(S, logL, i).add(VectorMath.bc(logSmall).blend(big, above)).intoArray(logL, i);
        }
    }

    /** z = c (+|W| where the sign's side and the level's differ, -|W| where they agree), as the scalar path. */
    private static void signed(double[] mag, double[] toward, boolean below, double c, double[] z, int w) {
        for (int i = 0; i < w; i += K) {
            DoubleVector m = DoubleVector.fromArray(S, mag, i).mul(c);
            VectorMask<Double> tw = DoubleVector.fromArray(S, toward, i).compare(VectorOperators.NE, 0.0);
            VectorMask<Double> plus = below ? tw.not() : tw;
            m.neg().blend(m, plus).intoArray(z, i);
        }
    }
}
