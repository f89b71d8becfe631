package dev.htsgd.cli.dl;

import dev.htsgd.dl.train.MetricsRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A training run's metrics.csv: one row per evaluation ({@link MetricsRow}), with the gradient-noise columns of
 * {@link NoiseRecording} when the run records them; written atomically after each evaluation, and read back on a
 * resume for the noise values already measured.
 */
final class MetricsFile {

    private MetricsFile() {
    }

    /** Writes metrics.csv atomically, with the noise-index columns when {@code noise} is not null (empty at steps not measured). */
    static void write(Path dir, List<MetricsRow> rows, Map<Long, NoiseRecording.Row> noise) {
        List<String> header = new java.util.ArrayList<>(MetricsRow.HEADER);
        if (noise != null) {
            header.addAll(NoiseRecording.Row.HEADER);
        }
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        for (MetricsRow r : rows) {
            List<Object> c = new java.util.ArrayList<>(r.cells());
            if (noise != null) {
                NoiseRecording.Row n = noise.get(r.step());
                c.addAll(n != null ? n.cells() : java.util.Collections.nCopies(NoiseRecording.Row.HEADER.size(), ""));
            }
            for (int i = 0; i < c.size(); i++) {
                sb.append(i > 0 ? "," : "").append(c.get(i));
            }
            sb.append('\n');
        }
        try {
            Path tmp = dir.resolve("metrics.csv.tmp");
            Files.writeString(tmp, sb.toString());
            Files.move(tmp, dir.resolve("metrics.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + dir.resolve("metrics.csv") + ": " + e.getMessage(), e);
        }
    }

    /** The noise-index values of a resumed run's metrics.csv, at steps up to {@code upTo}. */
    static Map<Long, NoiseRecording.Row> readNoise(Path dir, long upTo) {
        Map<Long, NoiseRecording.Row> m = new java.util.TreeMap<>();
        Path f = dir.resolve("metrics.csv");
        if (!Files.isRegularFile(f)) {
            return m;
        }
        try {
            List<String> lines = Files.readAllLines(f);
            List<String> header = List.of(lines.get(0).split(",", -1));
            int at = header.indexOf(NoiseRecording.Row.HEADER.get(0));
            if (at < 0) {
                return m;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",", -1);
                long step = Long.parseLong(c[0]);
                if (step <= upTo && c.length >= at + NoiseRecording.Row.HEADER.size() && !c[at].isEmpty()) {
                    double[] v = new double[NoiseRecording.Row.HEADER.size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = Double.parseDouble(c[at + i]);
                    }
                    m.put(step, new NoiseRecording.Row(v[0], v[1], v[2], v[3], v[4], v[5]));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the recorded noise index of " + f + " to resume: " + e.getMessage(), e);
        }
        return m;
    }
}
