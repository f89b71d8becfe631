package dev.htsgd.sim;

import dev.htsgd.dynamics.LaneArrays;
import dev.htsgd.dynamics.LaneEngine;
import dev.htsgd.dynamics.LanePasses;
import dev.htsgd.dynamics.LaneTape;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One block of W lanes of the vector engine (W a multiple of the vector width K): the states x and y, the
 * per-lane xoshiro256++ streams and the scratch arrays of one step of X_{j+1} = Proj(X_j + phi_b(-eta f'(X_j) +
 * eta sigma Z_j)) (paper notes section 1), the step being a sequence of {@link LanePasses} (no vector crosses a
 * call). The arrays it hands out are its own working arrays, not copies: a loop reads them between steps.
 *
 * <p>Noise ahead: Z_j does not depend on the state, so a block may draw the noise of its next {@code ahead} steps
 * at once, each lane's draws in the order of its steps (the same bits as one step at a time). The noise passes
 * then run over {@code ahead} W values, K at a time, and their exp and log chains overlap instead of waiting
 * on one another; a block of one vector (K lanes) gains most, its step being one chain. Student-t (a rejection
 * sampler that moves each lane's stream by its own draws) draws step by step.
 *
 * <p>Only loaded when {@link LaneEngine#available()}.
 */
public final class LaneBlock {

    private final LaneEngine.Spec sp;
    private final int w;
    private final long[] s0;
    private final long[] s1;
    private final long[] s2;
    private final long[] s3;
    private final long[] r;
    private final long[] r2;
    private final long[] r3;
    private final long[] r4;
    private final double[] t;
    private final double[] z;
    private final double[] g;
    private final double[] a;
    private final double[] b;
    private final double[] p;
    private final double[] dp;
    /** Student-t: the lanes still drawing (Bailey's polar method rejects a try in 1 - pi/4). */
    private final long[] pending;
    /** The two state arrays; which one holds x is phase[16], 128 bytes clear of either end (see {@link #swap()}). */
    private final double[][] states;
    /** phase[16]: which state array holds x; phase[17]: the steps of noise drawn ahead already used. */
    private final long[] phase;
    private final int ahead;
    private final double mia;
    private final double minus1;
    private final LaneTape tape;

    /** Noise values a block draws ahead at most: ahead times W, 128 (2 KB per array, the noise's 9 in L1). */
    public static final int AHEAD_VALUES = 128;

    /**
     * Steps of noise to draw ahead on a block of w lanes: 128 / w on blocks of one or two vectors, whose steps
     * are short chains that leave room beside them (measured, same JVM, alternating: 4-15% fewer ns per step on 8
     * and 16 lanes with Pareto and mixture noise); 1 on wider blocks, where it gained nothing (-3% on 32 lanes).
     */
    public static int aheadFor(int w) {
        return w <= 2 * LanePasses.width() ? Math.max(1, AHEAD_VALUES / w) : 1;
    }

    /** Lanes for the recursion {@code sp}, w of them (a multiple of K), drawing the noise step by step. */
    public LaneBlock(LaneEngine.Spec sp, int w) {
        this(sp, w, 1);
    }

    /**
     * Lanes for the recursion {@code sp}, w of them (a multiple of K), drawing the noise of {@code ahead} steps at
     * once (1 for Student-t whatever asked). Only {@link #step()} uses the noise drawn ahead.
     */
    public LaneBlock(LaneEngine.Spec sp, int w, int ahead) {
        if (ahead < 1) {
            throw new IllegalArgumentException("ahead must be >= 1, got " + ahead);
        }
        this.sp = sp;
        this.w = w;
        this.ahead = sp.noise() == LaneEngine.NOISE_STUDENT ? 1 : ahead;
        int n = this.ahead * w;
        s0 = LaneArrays.longs(w);
        s1 = LaneArrays.longs(w);
        s2 = LaneArrays.longs(w);
        s3 = LaneArrays.longs(w);
        r = LaneArrays.longs(n);
        r2 = sp.pPlus() == 0.5 || sp.noise() >= LaneEngine.NOISE_GAUSSIAN ? null : LaneArrays.longs(n);
        r3 = LaneArrays.longs(n);
        r4 = LaneArrays.longs(n);
        t = LaneArrays.doubles(n);
        z = LaneArrays.doubles(n);
        g = LaneArrays.doubles(w);
        a = LaneArrays.doubles(n);
        b = LaneArrays.doubles(n);
        p = LaneArrays.doubles(n);
        dp = LaneArrays.doubles(w);
        pending = sp.noise() == LaneEngine.NOISE_STUDENT ? LaneArrays.longs(w) : null;
        states = LaneArrays.doubles(2, w);
        phase = new long[33];
        phase[17] = this.ahead;
        mia = -1.0 / sp.alpha();
        minus1 = sp.noise() == LaneEngine.NOISE_LOMAX ? 1.0 : 0.0;
        tape = sp.gradient() == LaneEngine.GRAD_EXPR ? new LaneTape(sp.code(), w) : null;
    }

    /** The block width for {@code paths} paths on {@code threads} threads: K to 4 K lanes. */
    public static int width(long paths, int threads) {
        long m = paths / ((long) LanePasses.width() * Math.max(1, threads));
        return LanePasses.width() * (int) Math.max(1, Math.min(4, m));
    }

    /** Seeds lane i with the stream of index p: xoshiro256++ state = four outputs of the keyed stream. */
    public void seed(long seed, long p, int i) {
        UniformRandomProvider rng = Streams.forReplication(seed, p);
        long v0 = rng.nextLong();
        long v1 = rng.nextLong();
        long v2 = rng.nextLong();
        long v3 = rng.nextLong();
        if ((v0 | v1 | v2 | v3) == 0) {
            v0 = 0x9E3779B97F4A7C15L;
        }
        s0[i] = v0;
        s1[i] = v1;
        s2[i] = v2;
        s3[i] = v3;
    }

    /** One step from x into y; true when some live lane diverged. */
    public boolean step() {
        int used = (int) phase[17];
        if (used == ahead) {
            noise();
            used = 0;
        }
        phase[17] = used + 1;
        gradient();
        return update(z, used * w);
    }

    /**
     * z = the noise of the next {@code ahead} steps, step k's lane i at z[k W + i]: each lane's stream advances
     * as it would step by step (per step: the heavy part's draws, then the Gaussian part's two), then every pass
     * runs over all ahead W values.
     */
    void noise() {
        int n = ahead * w;
        int kind = sp.noise();
        boolean normal = sp.normalScale() > 0;
        if (kind == LaneEngine.NOISE_STUDENT) {
            LanePasses.student(s0, s1, s2, s3, sp.alpha(), sp.scale(), pending, r, r3, a, b, t, z, w);
            addGaussian(sp.normalScale(), z);
            return;
        }
        for (int k = 0; k < n; k += w) {
            if (kind == LaneEngine.NOISE_STABLE) {
                LanePasses.next(s0, s1, s2, s3, r, k, w);
                LanePasses.next(s0, s1, s2, s3, r3, k, w);
            } else if (kind != LaneEngine.NOISE_GAUSSIAN) {
                LanePasses.next(s0, s1, s2, s3, r, k, w);
                if (r2 != null) {
                    LanePasses.next(s0, s1, s2, s3, r2, k, w);
                }
            }
            if (normal) {
                LanePasses.next(s0, s1, s2, s3, r3, k, w); // (no Gaussian part beside stable noise: r3 is free)
                LanePasses.next(s0, s1, s2, s3, r4, k, w);
            }
        }
        if (kind == LaneEngine.NOISE_GAUSSIAN) {
            Arrays.fill(z, 0, n, 0.0);
        } else if (kind == LaneEngine.NOISE_STABLE) {
            LanePasses.stableAngle(r, sp.alpha(), a, t, b, p, n);
            LanePasses.stable(a, t, r3, sp.alpha(), sp.scale(), b, z, n);
        } else {
            LanePasses.logUniform(r, mia, a, n);
            LanePasses.expMul(a, 1.0, t, n);
            LanePasses.signed(t, minus1, sp.scale(), r, r2, sp.pPlus(), sp.shift(), z, n);
        }
        if (normal) {
            LanePasses.gaussRadius(r3, a, n);
            LanePasses.addGaussian(a, r4, sp.normalScale(), b, z, n);
        }
    }

    /** out += s N(0, 1) in every lane (two draws of each lane's stream); nothing when s is 0. */
    public void addGaussian(double s, double[] out) {
        if (s > 0) {
            LanePasses.next(s0, s1, s2, s3, r3, w);
            LanePasses.next(s0, s1, s2, s3, r4, w);
            LanePasses.gaussRadius(r3, a, w);
            LanePasses.addGaussian(a, r4, s, b, out, w);
        }
    }

    /** g = f'(x) in every lane. */
    public void gradient() {
        int n = w;
        double[] x = x();
        if (sp.gradient() == LaneEngine.GRAD_ICLR) {
            LanePasses.iclrLog(x, a, n);
            LanePasses.expMul(a, 0.6, b, n);
            LanePasses.iclrExp(x, a, n);
            LanePasses.iclrPoly(x, p, dp, n);
            LanePasses.iclrCombine(x, b, a, p, dp, g, n);
        } else if (tape != null) {
            tape.gradient(x, g, n);
        } else {
            LanePasses.ldQuartic(x, g, n);
        }
    }

    /**
     * y = Proj(x + clamp(-eta g + eta sigma noise, b)) with g from {@link #gradient()}; true when a live lane got
     * a non-finite gradient or state.
     */
    public boolean update(double[] noise) {
        return update(noise, 0);
    }

    /** {@link #update(double[])} with lane i's noise at noise[offset + i] (a step of the noise drawn ahead). */
    private boolean update(double[] noise, int offset) {
        return LanePasses.update(x(), g, noise, offset, -sp.eta(), sp.etaSigma(), sp.clip(), sp.lo(), sp.hi(), y(), w);
    }

    /** The states before the step (lane i of path or replication i of the block). */
    public double[] x() {
        return states[(int) phase[16]];
    }

    /** The states after the step. */
    public double[] y() {
        return states[1 - (int) phase[16]];
    }

    /** The gradients of the step. */
    public double[] g() {
        return g;
    }

    /** The four xoshiro256++ state words of every lane, in order (for samplers of their own: rare events). */
    public long[][] streams() {
        return new long[][] {s0, s1, s2, s3};
    }

    /**
     * The state after the step becomes the state before the next. The arrays trade roles by a phase kept in a
     * padded array rather than in a field of this object, so that nothing in this object is written at every step
     * (it may share a cache line with another thread's block: see {@link LaneArrays#doubles(int)}).
     */
    public void swap() {
        phase[16] ^= 1;
    }
}
