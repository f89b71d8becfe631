package dev.htsgd.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error of a failed sweep job in one line: a failed Spark job throws {@code SparkException}, whose message
 * holds the whole stack trace of the failed attempt; what a user needs is the task's own error. It is the first
 * exception of the cause chain that is not Spark's (the exception the task threw, which Spark ships back to the
 * driver), or, when Spark could not ship it back, the exception named in Spark's failure message. A class
 * missing on the executors gets its own message saying how to give them the htsgd classes.
 */
final class SweepFailure {

    /** "Lost task 0.3 in stage 0.0 (TID 6) (HOST executor 0): CLASS: MESSAGE" in Spark's failure message. */
    private static final Pattern LOST_TASK = Pattern.compile("Lost task \\S+ in stage \\S+ \\(TID \\d+\\) \\([^)]*\\): (.*)");
    /** "java.lang.IllegalStateException: message" (or just the class name). */
    private static final Pattern CLASS_AND_MESSAGE = Pattern.compile("([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+)(?::\\s*(.*))?");
    /** A class the executors could not load, named anywhere in a message. */
    private static final Pattern MISSING_CLASS =
            Pattern.compile("(?:ClassNotFoundException|NoClassDefFoundError)(?::\\s*(?:Could not initialize class )?([\\w$./]+))?");

    /** What the executors need for a missing class, appended to its message. */
    static final String APP_JAR_HINT = "give them the htsgd classes: build htsgd-app/target/htsgd-spark-app.jar "
            + "(./mvnw -Papp -pl htsgd-app -am package -DskipTests) or set spark.jars";

    /** The task's error: its exception class (binary name), its one-line message, and whether it is bad input. */
    record TaskError(String type, String message, boolean badInput) {
    }

    private SweepFailure() {
    }

    /**
     * The task's own error behind {@code t} (a failed job, or any other exception of a running sweep);
     * {@code local}: the sweep ran on a local master, whose executors share the driver's class path.
     */
    static TaskError of(Throwable t, boolean local) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c) && chain.size() < 32; c = c.getCause()) {
            chain.add(c);
        }
        for (Throwable c : chain) {
            if (c instanceof ClassNotFoundException || c instanceof NoClassDefFoundError) {
                return missingClass(c.getClass().getName(), c.getMessage(), local);
            }
        }
        for (Throwable c : chain) {
            if (!isSparks(c) && c.getMessage() != null && !c.getMessage().isBlank()) {
                return new TaskError(c.getClass().getName(), oneLine(c.getMessage()), c instanceof IllegalArgumentException);
            }
        }
        // no exception of the task came back (or it had no message): read Spark's message
        for (Throwable c : chain) {
            TaskError e = fromMessage(c.getMessage(), local);
            if (e != null) {
                return e;
            }
        }
        Throwable last = chain.get(chain.size() - 1);
        String m = t.getMessage() != null ? t.getMessage() : last.getClass().getSimpleName();
        return new TaskError(t.getClass().getName(), oneLine(m), t instanceof IllegalArgumentException);
    }

    /** The task's error as named in a Spark failure message ("... Lost task ...: CLASS: MESSAGE"), or null. */
    static TaskError fromMessage(String message, boolean local) {
        if (message == null) {
            return null;
        }
        String first = message.lines().findFirst().orElse("");
        Matcher lost = LOST_TASK.matcher(first);
        if (!lost.find()) {
            return null;
        }
        String text = lost.group(1).strip();
        Matcher missing = MISSING_CLASS.matcher(text);
        if (missing.find()) {
            return missingClass(text.contains("NoClassDefFoundError") ? NoClassDefFoundError.class.getName()
                    : ClassNotFoundException.class.getName(), missing.group(1), local);
        }
        Matcher cm = CLASS_AND_MESSAGE.matcher(text);
        if (cm.matches() && (cm.group(1).endsWith("Exception") || cm.group(1).endsWith("Error"))) {
            String type = cm.group(1);
            String m = cm.group(2) == null || cm.group(2).isBlank() ? type.substring(type.lastIndexOf('.') + 1) : cm.group(2);
            return new TaskError(type, oneLine(m), isBadInput(type));
        }
        return new TaskError("", oneLine(text), false);
    }

    static TaskError missingClass(String type, String className, boolean local) {
        String name = className == null ? "" : className.strip().replace('/', '.');
        name = name.startsWith("Could not initialize class ") ? name.substring("Could not initialize class ".length()) : name;
        name = name.isEmpty() ? "(unnamed)" : name;
        return new TaskError(type, local ? "class " + name + " is missing from the class path"
                : "the executors lack class " + name + "; " + APP_JAR_HINT, false);
    }

    /** Spark's own exceptions (and Scala's wrappers of them) carry Spark's words, not the task's. */
    static boolean isSparks(Throwable t) {
        String n = t.getClass().getName();
        return n.startsWith("org.apache.spark.") || n.startsWith("scala.");
    }

    /** True for IllegalArgumentException and its subclasses, by name (the class may not load here). */
    static boolean isBadInput(String type) {
        if (type.equals(IllegalArgumentException.class.getName()) || type.equals(NumberFormatException.class.getName())) {
            return true;
        }
        try {
            return IllegalArgumentException.class.isAssignableFrom(
                    Class.forName(type, false, SweepFailure.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A line that starts a printed exception: "java.lang.InterruptedException" or "a.b.FooError: ...". */
    private static final Pattern EXCEPTION_LINE = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[\\w$]+)+(?:Exception|Error)\\b.*");

    /**
     * A message in one line: the lines before the first blank line or stack-trace line ("\tat ...",
     * "Caused by:", "Driver stacktrace:", a printed exception), joined with spaces.
     */
    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : message.strip().split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("at ") || s.startsWith("Caused by:") || s.startsWith("Driver stacktrace:")
                    || s.startsWith("...") || (!b.isEmpty() && EXCEPTION_LINE.matcher(s).matches())) {
                break;
            }
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(s);
        }
        return b.toString();
    }
}
