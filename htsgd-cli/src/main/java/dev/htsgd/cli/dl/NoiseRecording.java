package dev.htsgd.cli.dl;

import dev.htsgd.dl.train.GradientNoiseIndex;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code htsgd train --record-noise N}: the tail index of the network's own gradient noise, measured as
 * {@code htsgd noise-index} measures it ({@link GradientNoiseIndex}: minibatch gradients minus the full
 * gradient, the median over coordinates of each coordinate's recommended index, and the index of the norm)
 * at every evaluation whose step is a multiple of {@code every}, on the training set, with the training's
 * batch size. Its minibatches come from their own stream, keyed by (seed, "train-noise", step), so recording
 * changes no number of the training itself; the values go into metrics.csv and survive a resume there.
 */
public record NoiseRecording(int every, GradientNoiseIndex index) {

    /** The measured noise index at one step, as metrics.csv holds it. */
    public record Row(double estimate, double low, double high, double norm, double normLow, double normHigh) {

        public static final List<String> HEADER = List.of("noise_alpha", "noise_alpha_low", "noise_alpha_high",
                "noise_norm_alpha", "noise_norm_alpha_low", "noise_norm_alpha_high");

        public static Row of(GradientNoiseIndex.Result r) {
            return new Row(r.estimate(), r.low(), r.high(), r.norm().alpha(), r.norm().low(), r.norm().high());
        }

        public List<Object> cells() {
            return List.of(estimate, low, high, norm, normLow, normHigh);
        }

        public Map<String, Object> json(long step) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("estimate", estimate);
            m.put("interval", List.of(low, high));
            m.put("norm", Map.of("estimate", norm, "interval", List.of(normLow, normHigh)));
            return m;
        }
    }
}
