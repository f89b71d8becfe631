package dev.htsgd.noise;

import dev.htsgd.check.Require;
import java.util.List;
import java.util.Locale;

/**
 * Builds a {@link NoiseModel} from a family name ({@code pareto | lomax | stable | student | gaussian | mixture})
 * and its parameters ({@code alpha, scale, normalScale, pPlus}). Bad values give one-line messages naming the
 * parameter and the allowed range ({@link dev.htsgd.check.InvalidParameterException}).
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
            throw Require.fail("noise", "must be one of " + String.join(" | ", FAMILIES) + ", got '" + family + "'");
        }
        Require.positive("scale", scale);
        Require.closed("pPlus", pPlus, 0, 1);
        boolean symmetricOnly = f.equals("stable") || f.equals("student") || f.equals("gaussian");
        if (symmetricOnly && pPlus != 0.5) {
            throw Require.fail("pPlus", "must be 0.5 for " + f + " noise (symmetric family), got " + pPlus);
        }
        if (!f.equals("gaussian")) {
            if (f.equals("stable")) {
                if (!(alpha > 0 && alpha <= 2)) {
                    throw Require.fail("alpha", "must be in (0, 2] for stable noise, got " + alpha);
                }
            } else if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw Require.fail("alpha", "must be in (0, inf) for " + f + " noise, got " + alpha);
            }
            if (pPlus != 0.5 && !(alpha > 1)) {
                throw Require.fail("alpha", "must be in (1, inf) for " + f
                        + " noise with p+ != 0.5 (it is centred, which needs a mean), got " + alpha);
            }
        }
        if (f.equals("mixture") && (!(normalScale > 0) || Double.isInfinite(normalScale))) {
            throw Require.fail("normalScale", "must be in (0, inf) for mixture noise, got " + normalScale);
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
