package dev.htsgd.check;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The names of enum choices (clipping modes, engines, architectures, datasets, training methods) as the library
 * words and the outputs write them: the constant's name in lower case with dashes, {@code GRADIENT_ONLY} is
 * {@code gradient-only}. One parser for all of them, so that every choice reads case-insensitively and refuses an
 * unknown name the same way, listing the valid ones.
 */
public final class Names {

    private Names() {
    }

    /** The name of {@code choice}: lower case, underscores as dashes ({@code SB_CLIP} is {@code sb-clip}). */
    public static String of(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The choice among {@code choices} named {@code text} (case and surrounding blanks ignored), else an
     * {@link InvalidParameterException} for {@code parameter}: {@code model must be one of lenet, vgg11, mlp, got 'x'}.
     */
    public static <E extends Enum<E>> E parse(String parameter, E[] choices, String text) {
        if (text != null) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            for (E c : choices) {
                if (of(c).equals(t)) {
                    return c;
                }
            }
        }
        throw Require.fail(parameter, "must be one of " + list(choices) + ", got "
                + (text == null ? "nothing" : "'" + text + "'"));
    }

    /** The names of {@code choices} in their order, comma separated ({@code l2, coordinate, none}). */
    public static String list(Enum<?>[] choices) {
        return Arrays.stream(choices).map(Names::of).collect(Collectors.joining(", "));
    }
}
