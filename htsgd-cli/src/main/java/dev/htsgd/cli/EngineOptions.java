package dev.htsgd.cli;

import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import picocli.CommandLine.Option;

/**
 * {@code --engine scalar|vector|auto} of the commands that run many independent paths (simulate, exit-times):
 * the scalar engine runs one path at a time, the vector engine K paths at once in SIMD lanes
 * ({@link LaneEngine}); auto (the default) takes the vector engine when it is available, supports the
 * configuration and there are at least K paths. Use as {@code @Mixin EngineOptions engine;}.
 */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "scalar|vector|auto", defaultValue = "auto",
            description = "Path engine: scalar (one path at a time), vector (K paths at once in SIMD lanes; needs the "
                    + "module jdk.incubator.vector, which the htsgd launcher adds) or auto: vector when available, "
                    + "supported and there are at least K paths (default: ${DEFAULT-VALUE}). A run is a pure function "
                    + "of (settings, seed, engine); the engines agree in distribution.")
    String engine = "auto";

    /** The requested engine. */
    Engine requested() {
        try {
            return Engine.parse(engine, "engine");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--engine must be one of scalar | vector | auto, got '" + engine + "'");
        }
    }

    /** The lane count K of this JVM, 0 when the vector engine is unavailable. */
    static int lanes() {
        return LaneEngine.lanes();
    }
}
