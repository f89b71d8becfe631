package dev.htsgd.cli.option;

import dev.htsgd.dynamics.Clipping;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The truncation options of the recursion (paper notes section 2): {@code --clip B|none} (the threshold b of
 * phi_b), {@code --clip-mode l2|coordinate|none|gradient-only} and {@code --project} / {@code --no-project}
 * (projection onto the landscape's domain). Mix in with {@code @Mixin ClipOptions clip;}.
 */
public final class ClipOptions {

    @Option(names = "--clip", paramLabel = "B|none", defaultValue = Defaults.CLIP,
            description = "Truncation threshold b of the whole update, or none (default: ${DEFAULT-VALUE}).")
    public String clip;

    @Option(names = "--clip-mode", paramLabel = "MODE", defaultValue = "l2",
            description = "l2 (the update's L2 norm, default) | coordinate (each coordinate) | none | gradient-only (truncate only eta*grad, add the noise untruncated).")
    public String clipMode;

    @Option(names = "--project", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Project each iterate onto the landscape's domain (default: on; --no-project turns it off).")
    public boolean project = true;

    /** b in (0, inf]; +inf for none. */
    public double b() {
        String s = clip == null ? "none" : clip.strip().toLowerCase(Locale.ROOT);
        if (s.equals("none") || s.equals("inf") || s.equals("infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--clip must be a number in (0, inf) or none, got '" + clip + "'");
        }
        if (!(v > 0) || Double.isNaN(v)) {
            throw new IllegalArgumentException("--clip must be in (0, inf) or none, got " + clip);
        }
        return v;
    }

    /** The clipping mode; {@code none} when b is infinite. */
    public Clipping mode() {
        Clipping c = Clipping.parse(clipMode);
        return Double.isInfinite(b()) ? Clipping.NONE : c;
    }

    /** b as text for output: the number, or "none". */
    public String describe() {
        double b = b();
        return Double.isInfinite(b) || mode() == Clipping.NONE ? "none" : Double.toString(b);
    }
}
