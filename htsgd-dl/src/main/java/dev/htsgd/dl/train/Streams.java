package dev.htsgd.dl.train;

import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The independent random streams of one run, split from its seed by successive jumps (2^64 steps apart) of a
 * XoRoShiRo128++ generator: weight initialisation, corrupted labels, the small-batch, SB* and large-batch
 * samplers and the Pareto multipliers. A run is a pure function of (configuration, seed).
 */
public final class Streams {
    private final RestorableUniformRandomProvider[] streams = new RestorableUniformRandomProvider[6];

    private Streams(long seed) {
        JumpableUniformRandomProvider base = (JumpableUniformRandomProvider) RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = 0; i < streams.length; i++) {
            streams[i] = (RestorableUniformRandomProvider) base.jump();
        }
    }

    /** The streams of {@code seed}. */
    public static Streams of(long seed) {
        return new Streams(seed);
    }

    /** @return weight initialisation stream */
    public RestorableUniformRandomProvider init() {
        return streams[0];
    }

    /** @return corrupted-label stream (subset recipe) */
    public RestorableUniformRandomProvider labels() {
        return streams[1];
    }

    /** @return small-batch sampler stream */
    public RestorableUniformRandomProvider small() {
        return streams[2];
    }

    /** @return SB* (independent small batch) sampler stream */
    public RestorableUniformRandomProvider star() {
        return streams[3];
    }

    /** @return large-batch sampler stream */
    public RestorableUniformRandomProvider large() {
        return streams[4];
    }

    /** @return Pareto multiplier stream */
    public RestorableUniformRandomProvider noise() {
        return streams[5];
    }
}
