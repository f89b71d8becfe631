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
    private final long[] phase;
    private final double mia;
    private final double minus1;
    private final LaneTape tape;

    /** Lanes for the recursion {@code sp}, w of them (a multiple of K). */
    public LaneBlock(LaneEngine.Spec sp, int w) {
        this.sp = sp;
        this.w = w;
        s0 = LaneArrays.longs(w);
        s1 = LaneArrays.longs(w);
        s2 = LaneArrays.longs(w);
        s3 = LaneArrays.longs(w);
        r = LaneArrays.longs(w);
        r2 = sp.pPlus() == 0.5 || sp.noise() >= LaneEngine.NOISE_GAUSSIAN ? null : LaneArrays.longs(w);
        r3 = LaneArrays.longs(w);
        r4 = LaneArrays.longs(w);
        t = LaneArrays.doubles(w);
        z = LaneArrays.doubles(w);
        g = LaneArrays.doubles(w);
        a = LaneArrays.doubles(w);
        b = LaneArrays.doubles(w);
        p = LaneArrays.doubles(w);
        dp = LaneArrays.doubles(w);
        pending = sp.noise() == LaneEngine.NOISE_STUDENT ? LaneArrays.longs(w) : null;
        states = LaneArrays.doubles(2, w);
        phase = new long[33];
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
        noise();
        gradient();
        return update(z);
    }

    /** z = the noise of this step (advancing every lane's stream). */
    void noise() {
        int n = w;
        if (sp.noise() == LaneEngine.NOISE_GAUSSIAN) {
            Arrays.fill(z, 0, n, 0.0);
        } else if (sp.noise() == LaneEngine.NOISE_STUDENT) {
            LanePasses.student(s0, s1, s2, s3, sp.alpha(), sp.scale(), pending, r, r3, a, b, t, z, n);
        } else if (sp.noise() == LaneEngine.NOISE_STABLE) {
            LanePasses.next(s0, s1, s2, s3, r, n);
            LanePasses.next(s0, s1, s2, s3, r3, n);
            LanePasses.stableAngle(r, sp.alpha(), a, t, b, p, n);
            LanePasses.stable(a, t, r3, sp.alpha(), sp.scale(), b, z, n);
        } else {
            LanePasses.next(s0, s1, s2, s3, r, n);
            if (r2 != null) {
                LanePasses.next(s0, s1, s2, s3, r2, n);
            }
            LanePasses.logUniform(r, mia, a, n);
            LanePasses.expMul(a, 1.0, t, n);
            LanePasses.signed(t, minus1, sp.scale(), r, r2, sp.pPlus(), sp.shift(), z, n);
        }
        addGaussian(sp.normalScale(), z);
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
        return LanePasses.update(x(), g, noise, -sp.eta(), sp.etaSigma(), sp.clip(), sp.lo(), sp.hi(), y(), w);
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
