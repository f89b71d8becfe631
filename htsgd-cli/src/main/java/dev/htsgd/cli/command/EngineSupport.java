package dev.htsgd.cli.command;

import dev.htsgd.cli.option.ClipOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.theory.BasinMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Helpers shared by the engine commands (simulate, exit-times): start points, the recursion, JSON-safe numbers. */
public final class EngineSupport {

    private EngineSupport() {
    }

    /**
     * Parses {@code --x0}: a number (1-D), {@code x,y} (2-D) or {@code min} (the minimum of {@code basin}).
     */
    static double[] startPoint(String x0, Objective f, BasinMap map, int basin) {
        String s = x0 == null ? "min" : x0.strip().toLowerCase(Locale.ROOT);
        if (s.equals("min")) {
            if (basin < 0 || basin >= map.size()) {
                throw new IllegalArgumentException("--basin must be in [0, " + (map.size() - 1) + "], got " + basin);
            }
            return map.minimumPoints()[basin];
        }
        String[] p = s.split(",");
        if (p.length != f.dimension()) {
            throw new IllegalArgumentException("--x0 must be " + (f.dimension() == 1 ? "a number" : "x,y") + " or min, got '" + x0 + "'");
        }
        double[] x = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                x[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--x0 must be " + (f.dimension() == 1 ? "a number" : "x,y") + " or min, got '" + x0 + "'");
            }
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("--x0 must be finite, got '" + x0 + "'");
            }
        }
        return x;
    }

    /** The recursion for the options given ({@link ClippedSgd#of}: isotropic noise on a d-D landscape). */
    static ClippedSgd recursion(Objective f, NoiseModel noise, ClipOptions clip, double eta, double[] x0) {
        return ClippedSgd.of(f, noise, eta, clip.b(), clip.mode(), clip.project, x0);
    }

    static void checkEta(double eta) {
        OptionChecks.positive("--eta", eta);
    }

}
