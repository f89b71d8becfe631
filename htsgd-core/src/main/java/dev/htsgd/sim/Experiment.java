package dev.htsgd.sim;

import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import java.util.function.LongConsumer;

/**
 * What every simulation experiment holds from its {@link ExperimentBuilder}: the recursion X_{j+1} = X_j -
 * phi_b(eta f'(X_j) - eta Z_{j+1}) ({@link ClippedSgd}), the seed of its streams (the key of its setting,
 * {@link Streams#key}), the progress sink and the engine it runs on, with the checks of the vector engine's entry
 * points.
 */
public abstract class Experiment {

    final ClippedSgd sgd;
    final long seed;
    final LongConsumer progress;
    final Engine engine;

    Experiment(ExperimentBuilder<?> b) {
        this.sgd = b.sgd;
        this.seed = b.seed;
        this.progress = b.progress;
        this.engine = b.engineUsed;
    }

    /** The engine this experiment runs on: {@link Engine#SCALAR} or {@link Engine#VECTOR} (AUTO resolved). */
    public Engine engine() {
        return engine;
    }

    /**
     * Checks a call of a vector-engine entry point: this experiment runs on the vector engine, and {@code width}
     * lanes are a positive multiple of K.
     *
     * @param entry the method called, for the message
     * @throws IllegalStateException on the scalar engine
     */
    void requireVector(String entry, int width) {
        if (engine != Engine.VECTOR) {
            throw new IllegalStateException(entry + " needs the vector engine; this experiment runs on " + engine.cliName());
        }
        if (width <= 0 || width % LaneEngine.lanes() != 0) {
            throw new IllegalArgumentException("width must be a positive multiple of " + LaneEngine.lanes() + ", got " + width);
        }
    }
}
