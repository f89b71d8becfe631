package dev.htsgd.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one JSON mapper of the CLI: pretty-printed, keys in insertion order. Commands must not put NaN in results. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /**
     * A JSON object of alternating keys and values, in that order ({@code object("slope", s, "points", p)}); a value
     * may be null (JSON null). The map is mutable, so a result can take optional keys after its fixed ones.
     */
    public static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate, got " + keysAndValues.length + " items");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int k = 0; k < keysAndValues.length; k += 2) {
            m.put((String) keysAndValues[k], keysAndValues[k + 1]);
        }
        return m;
    }

    /** Serialises a result (maps, lists, records) to a JSON string. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints a result as JSON on the given writer (stdout of the command). */
    public static void print(PrintWriter out, Object value) {
        out.println(toJson(value));
        out.flush();
    }

    /** A number of a result: NaN and infinities become null, so the JSON stays valid. */
    public static Object num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Numbers of a result, each by {@link #num}. */
    public static List<Object> nums(double[] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double d : v) {
            l.add(num(d));
        }
        return l;
    }

    /** Points of a result: a point of one coordinate as a number, of several as a list ({@link #nums}). */
    public static List<Object> points(double[][] v) {
        List<Object> l = new ArrayList<>(v.length);
        for (double[] p : v) {
            l.add(p.length == 1 ? num(p[0]) : nums(p));
        }
        return l;
    }
}
