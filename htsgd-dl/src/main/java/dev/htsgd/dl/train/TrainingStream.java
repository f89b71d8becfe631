package dev.htsgd.dl.train;

import dev.htsgd.sim.Streams;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The independent random streams of one training run, one per use: weight initialisation, corrupted labels,
 * the small-batch, SB* and large-batch samplers and the Pareto multipliers W. Each is the core's keyed stream
 * {@code Streams.forReplication(Streams.key(seed, "train", 0), replication)} with the use's own replication
 * index, so a run is a pure function of (settings, seed) and its streams never overlap those of another study.
 * The generators are restorable (their state is saved in a training checkpoint).
 */
public enum TrainingStream {
    /** Weight initialisation. */
    INIT(0),
    /** Uniform random labels of the corrupted images (the subset recipe). */
    LABELS(1),
    /** The small-batch sampler. */
    SMALL(2),
    /** The SB* sampler (the independent small batch of Our 1). */
    STAR(3),
    /** The large-batch sampler. */
    LARGE(4),
    /** The Pareto multipliers W. */
    NOISE(5);

    /** The study name the streams are keyed by. */
    public static final String STUDY = "train";

    private final int replication;

    TrainingStream(int replication) {
        this.replication = replication;
    }

    /** This use's generator for the run of {@code seed} (a fresh generator at the stream's start each call). */
    public XoRoShiRo128PlusPlus of(long seed) {
        return Streams.forReplication(Streams.key(seed, STUDY, 0), replication);
    }
}
