package dev.htsgd.dl.sharpness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a network's parameter tensors sit in the flat vector theta: tensor {@code i} named {@code names[i]} with
 * shape {@code shapes[i]} occupies theta[offsets[i], offsets[i] + sizes[i]) in row-major order, in the order of
 * the model's parameter list. Layers group consecutive tensors by the name with its last {@code _suffix} removed
 * (DJL names a layer's tensors {@code 01Conv2d_weight}, {@code 01Conv2d_bias}).
 */
public record ParameterLayout(List<String> names, List<long[]> shapes, int[] offsets, int[] sizes, int dimension,
                              List<Layer> layers) {

    /** One layer: its name, its slice [offset, offset + size) of theta, and its tensors' names. */
    public record Layer(String name, int offset, int size, List<String> parameters) {
    }

    /** Builds the layout from tensor names and shapes, in order. */
    public static ParameterLayout of(List<String> names, List<long[]> shapes) {
        if (names.size() != shapes.size() || names.isEmpty()) {
            throw new IllegalArgumentException("names and shapes must be non-empty and of equal length, got "
                    + names.size() + " and " + shapes.size());
        }
        int n = names.size();
        int[] offsets = new int[n];
        int[] sizes = new int[n];
        long total = 0;
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            long size = 1;
            for (long s : shapes.get(i)) {
                size *= s;
            }
            offsets[i] = Math.toIntExact(total);
            sizes[i] = Math.toIntExact(size);
            total += size;
            groups.computeIfAbsent(layerName(names.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<Layer> layers = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : groups.entrySet()) {
            List<Integer> idx = g.getValue();
            boolean consecutive = idx.get(idx.size() - 1) - idx.get(0) == idx.size() - 1;
            if (!consecutive) {
                // not contiguous in theta: fall back to one layer per tensor for this group
                for (int i : idx) {
                    layers.add(new Layer(names.get(i), offsets[i], sizes[i], List.of(names.get(i))));
                }
                continue;
            }
            int first = idx.get(0);
            int last = idx.get(idx.size() - 1);
            List<String> members = new ArrayList<>();
            for (int i : idx) {
                members.add(names.get(i));
            }
            layers.add(new Layer(g.getKey(), offsets[first], offsets[last] + sizes[last] - offsets[first], List.copyOf(members)));
        }
        List<long[]> shapeCopies = new ArrayList<>();
        for (long[] s : shapes) {
            shapeCopies.add(s.clone());
        }
        return new ParameterLayout(List.copyOf(names), List.copyOf(shapeCopies), offsets, sizes, Math.toIntExact(total),
                List.copyOf(layers));
    }

    static String layerName(String parameter) {
        int cut = parameter.lastIndexOf('_');
        return cut > 0 ? parameter.substring(0, cut) : parameter;
    }
}
