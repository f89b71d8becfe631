package dev.htsgd.cli.option;

import dev.htsgd.dynamics.Engine;
import dev.htsgd.dynamics.LaneEngine;
import picocli.CommandLine.Option;

/**
 * {@code --engine scalar|vector|auto} of the commands that run many independent paths (simulate, exit-times,
 * rare-event, sweep):
 * the scalar engine runs one path at a time, the vector engine K paths at once in SIMD lanes
 * ({@link LaneEngine}); auto takes the vector engine when it is available, supports the configuration and
 * there are at least K paths. The default is auto (issue 15: the experiments take the lanes by themselves); the
 * output names the engine that ran, and every settings command line names it too, so that a command, a reproduce
 * target and a Spark task give the same numbers for a seed (the engines agree in distribution only). Use as
 * {@code @Mixin EngineOptions engine;}.
 */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "scalar|vector|auto", defaultValue = "auto",
            description = "Path engine: scalar (one path at a time), vector (K paths at once in SIMD lanes; needs the "
                    + "module jdk.incubator.vector, which the htsgd launcher adds) or auto: vector when available, "
                    + "supported and there are at least K paths, else scalar (default: ${DEFAULT-VALUE}, as in "
                    + "reproduce and sweep). The output names the engine that ran. A run is a pure function of "
                    + "(settings, seed, engine); the engines agree in distribution, not path by path.")
    String engine = "auto";

    /** The requested engine. */
    public Engine requested() {
        return parse(engine);
    }

    /** {@code --engine} as typed, parsed (the one error of every command that has the option). */
    public static Engine parse(String text) {
        try {
            return Engine.parse(text, "engine");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--engine must be one of scalar | vector | auto, got '" + text + "'");
        }
    }

    /** The lane count K of this JVM, 0 when the vector engine is unavailable. */
    public static int lanes() {
        return LaneEngine.lanes();
    }
}
