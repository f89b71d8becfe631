package dev.htsgd.sim;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Independent random streams split from one seed, one per replication, so a run is a pure function of
 * (configuration, seed) and bit-identical whatever the number of threads.
 *
 * <p>Replication {@code index} of seed {@code seed} uses xoroshiro128++ (Commons RNG
 * {@code RandomSource.XO_RO_SHI_RO_128_PP}) seeded with two outputs of SplitMix64: the 128-bit state is
 * (mix(k + G), mix(k + 2G)) with k = mix(mix(seed) + G (2 index + 1)), G the golden-ratio increment and mix
 * the SplitMix64 finaliser. Distinct (seed, index) pairs give distinct, decorrelated states.
 */
public final class Streams {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /** The generator of replication {@code index} (&gt;= 0) under {@code seed}. */
    public static XoRoShiRo128PlusPlus forReplication(long seed, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("replication index must be >= 0, got " + index);
        }
        long k = mix(mix(seed) + GOLDEN * (2 * index + 1));
        long s0 = mix(k + GOLDEN);
        long s1 = mix(k + 2 * GOLDEN);
        if (s0 == 0 && s1 == 0) {
            s0 = GOLDEN;
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    /**
     * The seed of one setting of one study, derived from the run's seed by mixing, never by adding offsets:
     * with {@code seed + 7919 k}, seed s at setting 1 would reuse the streams of seed s + 7919 at setting 0.
     * Here key = mix(mix(seed XOR h(study)) + G (2 setting + 1)), h the 64-bit FNV-1a hash of the study's name
     * in UTF-8 passed through mix; replications of the setting then take {@link #forReplication(long, long)}
     * of the key, so every stream is a function of (seed, study, setting, replication).
     *
     * @param study the study's name, e.g. {@code "global-dynamics"}
     * @param setting the index of the setting within the study, &gt;= 0
     */
    public static long key(long seed, String study, long setting) {
        if (study == null || study.isEmpty()) {
            throw new IllegalArgumentException("study must be a non-empty name, got " + study);
        }
        if (setting < 0) {
            throw new IllegalArgumentException("setting must be >= 0, got " + setting);
        }
        return mix(mix(seed ^ mix(fnv(study))) + GOLDEN * (2 * setting + 1));
    }

    /**
     * The seed of the setting of a study described by a text (the setting's content, not its position in a
     * grid): {@link #key(long, String, long)} with setting = the 64-bit FNV-1a hash of the text, top bit
     * cleared. So a single-setting run reproduces the same setting inside any grid.
     *
     * @param setting a stable text that differs whenever the setting's dynamics do
     */
    public static long key(long seed, String study, String setting) {
        if (setting == null) {
            throw new IllegalArgumentException("setting must be a text, got null");
        }
        return key(seed, study, fnv(setting) >>> 1);
    }

    private static long fnv(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return h;
    }

    /** The generator of replication {@code index}, as the interface type. */
    public static UniformRandomProvider provider(long seed, long index) {
        return forReplication(seed, index);
    }

    /** The SplitMix64 finaliser (Stafford variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
