package dev.htsgd.sim;

import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import java.util.function.LongConsumer;

/**
 * What every simulation experiment is built from: the recursion X_{j+1} = X_j - phi_b(eta f'(X_j) - eta Z_{j+1})
 * ({@link ClippedSgd}), the seed of its streams, a progress sink and the engine.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ExperimentBuilder<B extends ExperimentBuilder<B>> {

    ClippedSgd sgd;
    long seed = 20220201L;
    LongConsumer progress;
    // scalar by default for a library user, whose JVM has the Vector API module only when its launcher adds it (the
    // htsgd commands default to auto and name the engine that ran; the engines agree in distribution, not path by
    // path, so the engine is part of what a result is a function of)
    Engine engineRequested = Engine.SCALAR;
    /** The engine the built experiment runs on: {@link #engineRequested} resolved by {@link #resolveEngine}. */
    Engine engineUsed;

    ExperimentBuilder() {
    }

    abstract B self();

    /** The recursion to run. */
    public B sgd(ClippedSgd s) {
        this.sgd = s;
        return self();
    }

    /** The seed of the experiment's streams: the key of its setting ({@link Streams#key}). */
    public B seed(long s) {
        this.seed = s;
        return self();
    }

    /** Receives step counts as they are done (from several threads); null for none. */
    public B progress(LongConsumer p) {
        this.progress = p;
        return self();
    }

    /**
     * The engine (default {@link Engine#SCALAR}; {@link Engine#AUTO}: the vector engine when it is available and
     * supports this experiment and its size).
     */
    public B engine(Engine e) {
        this.engineRequested = e;
        return self();
    }

    /**
     * Resolves {@link #engineRequested} for {@code runs} independent paths of {@link #sgd} into
     * {@link #engineUsed} ({@link LaneEngine#resolve}), where the experiment's vector loop has a limit of its own:
     * when {@code vectorFits} is false, AUTO falls back to the scalar engine and an explicit vector request is
     * refused with {@code whyNot}.
     */
    void resolveEngine(long runs, boolean vectorFits, String whyNot) {
        engineUsed = LaneEngine.resolve(engineRequested, sgd, runs);
        if (engineUsed == Engine.VECTOR && !vectorFits) {
            if (engineRequested == Engine.VECTOR) {
                throw new IllegalArgumentException("engine vector: " + whyNot);
            }
            engineUsed = Engine.SCALAR;
        }
    }
}
