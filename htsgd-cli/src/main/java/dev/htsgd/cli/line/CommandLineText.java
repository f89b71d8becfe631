package dev.htsgd.cli.line;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command line as one string a shell reads back into the same arguments: words made of safe characters as
 * they are, others in single quotes. Reproduce targets write such lines ({@code settings[i].command}) so that
 * every setting is one command away; {@link #words} reads one back (for tests and tools).
 */
public final class CommandLineText {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:/=,+@%-]+");

    private final List<String> words = new ArrayList<>();

    private CommandLineText(String command) {
        words.add("htsgd");
        words.add(command);
    }

    /** {@code htsgd COMMAND}. */
    public static CommandLineText of(String command) {
        return new CommandLineText(command);
    }

    /** Appends {@code option value}. */
    public CommandLineText option(String option, Object value) {
        words.add(option);
        words.add(String.valueOf(value));
        return this;
    }

    /** The line, quoted for a POSIX shell. */
    public String text() {
        return join(words);
    }

    /** Words as one line a POSIX shell reads back into them (those with special characters in single quotes). */
    public static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(sb.length() == 0 ? "" : " ").append(quote(w));
        }
        return sb.toString();
    }

    public static String quote(String w) {
        return SAFE.matcher(w).matches() ? w : "'" + w.replace("'", "'\\''") + "'";
    }

    /** The arguments of a line written by {@link #text()}, without the leading {@code htsgd}. */
    public static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    w.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                any = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                any = true;
            } else if (c == ' ') {
                if (any || w.length() > 0) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            out.add(w.toString());
        }
        return out.isEmpty() || !out.get(0).equals("htsgd") ? out : out.subList(1, out.size());
    }
}
