package dev.htsgd.noise;

import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link NoiseModel} from the command-line names of architecture.md ({@code --noise pareto | lomax |
 * stable | student | gaussian | mixture} with {@code --alpha --scale --normal-scale --p-plus}). Bad values
 * give one-line messages naming the option and the allowed range.
 *
 * <p>Families that allow unequal tail weights (pareto, lomax, mixture) take p+; when p+ != 1/2 the returned
 * law is {@linkplain NoiseModel#centered() centred} (E Z = 0, as the paper assumes), so alpha must then be
 * &gt; 1. Otherwise alpha in (0, 1] is accepted here: commands that rely on the theory call
 * {@link NoiseModel#requireFiniteMean()}.
 */
public final class Noises {

    /** The family names, in the order of the documentation. */
    public static final List<String> FAMILIES = List.of("pareto", "lomax", "stable", "student", "gaussian", "mixture");

    private Noises() {
    }

    /** Symmetric law of the family (p+ = 1/2). */
    public static NoiseModel of(String family, double alpha, double scale, double normalScale) {
        return of(family, alpha, scale, normalScale, 0.5);
    }

    /**
     * @param family one of {@link #FAMILIES}
     * @param alpha tail index (ignored for gaussian)
     * @param scale c (the heavy part's scale for mixture; standard deviation for gaussian)
     * @param normalScale c_normal of the mixture (ignored otherwise)
     * @param pPlus p+ (pareto, lomax, mixture; must be 1/2 for the symmetric families)
     */
    public static NoiseModel of(String family, double alpha, double scale, double normalScale, double pPlus) {
        String f = family == null ? "" : family.strip().toLowerCase(Locale.ROOT);
        if (!FAMILIES.contains(f)) {
            throw new IllegalArgumentException("--noise must be one of " + String.join(" | ", FAMILIES) + ", got '" + family + "'");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("--scale must be in (0, inf), got " + scale);
        }
        if (!(pPlus >= 0 && pPlus <= 1)) {
            throw new IllegalArgumentException("--p-plus must be in [0, 1], got " + pPlus);
        }
        boolean symmetricOnly = f.equals("stable") || f.equals("student") || f.equals("gaussian");
        if (symmetricOnly && pPlus != 0.5) {
            throw new IllegalArgumentException("--p-plus must be 0.5 for " + f + " noise (symmetric family), got " + pPlus);
        }
        if (!f.equals("gaussian")) {
            if (f.equals("stable")) {
                if (!(alpha > 0 && alpha <= 2)) {
                    throw new IllegalArgumentException("--alpha must be in (0, 2] for stable noise, got " + alpha);
                }
            } else if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("--alpha must be in (0, inf) for " + f + " noise, got " + alpha);
            }
            if (pPlus != 0.5 && !(alpha > 1)) {
                throw new IllegalArgumentException("--alpha must be in (1, inf) for " + f
                        + " noise with --p-plus != 0.5 (it is centred, which needs a mean), got " + alpha);
            }
        }
        if (f.equals("mixture") && (!(normalScale > 0) || Double.isInfinite(normalScale))) {
            throw new IllegalArgumentException("--normal-scale must be in (0, inf) for mixture noise, got " + normalScale);
        }
        NoiseModel m = switch (f) {
            case "pareto" -> ParetoNoise.of(alpha, scale, pPlus);
            case "lomax" -> LomaxNoise.of(alpha, scale, pPlus);
            case "stable" -> StableNoise.of(alpha, scale);
            case "student" -> StudentNoise.of(alpha, scale);
            case "gaussian" -> GaussianNoise.of(scale);
            case "mixture" -> MixtureNoise.of(alpha, scale, normalScale, pPlus);
            default -> throw new IllegalStateException(f);
        };
        return pPlus == 0.5 ? m : m.centered();
    }
}
