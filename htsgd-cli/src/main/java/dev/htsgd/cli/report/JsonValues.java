package dev.htsgd.cli.report;

import dev.htsgd.cli.option.ClipOptions;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.run.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** How numbers, points and lists go into the commands' JSON and tables: finite doubles as numbers, NaN and infinities as null, keys in insertion order. */
public final class JsonValues {

    private JsonValues() {
    }

    /** NaN and infinities become null so the JSON stays valid: {@link Json#num}, the one rule of every route. */
    public static Object num(double v) {
        return Json.num(v);
    }

    /** {@link Json#nums}. */
    public static List<Object> nums(double[] v) {
        return Json.nums(v);
    }

    /** {@link Json#points}. */
    public static List<Object> points(double[][] v) {
        return Json.points(v);
    }

    public static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }


    /** A number in a command's table: six significant digits at most ({@link Numbers#sig}), "-" for NaN. */
    public static String fmt(double v) {
        return Double.isNaN(v) ? "-" : Numbers.sig(v, 6);
    }

    public static List<Integer> ints(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    public static List<List<Object>> matrix(double[][] m) {
        List<List<Object>> rows = new ArrayList<>();
        for (double[] r : m) {
            rows.add(JsonValues.nums(r));
        }
        return rows;
    }
}
