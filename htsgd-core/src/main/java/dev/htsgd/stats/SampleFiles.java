package dev.htsgd.stats;

import dev.htsgd.check.Require;
import dev.htsgd.io.TextFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sample of real numbers for the tail-index estimators: a text file with one number per line, a
 * CSV column (header optional; the column by header name or 0-based index), or a NumPy {@code .npy} array
 * of little-endian float64 or float32 (1-D, or 2-D in C or Fortran order with a column index); or, with
 * {@link #readRows}, vector samples (every column, one sample a row). Blank lines and lines
 * starting with {@code #} are skipped. Every problem is an {@link IllegalArgumentException} with one line
 * naming the file and the line (or the .npy header field); a missing file and a bad {@code column} are
 * {@link dev.htsgd.check.InvalidParameterException}s naming the parameter ({@code file}, {@code column}).
 */
public final class SampleFiles {

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private SampleFiles() {
    }

    /**
     * @param file the input
     * @param column CSV header name or 0-based column index (null: the file must have one column)
     */
    public static double[] read(Path file, String column) {
        return read(file, column, false).values();
    }

    /**
     * Vector samples, one a row: all columns of a CSV file or of a 2-D .npy array (a 1-D array or a
     * one-column file gives dimension 1).
     */
    public static Rows readRows(Path file) {
        return read(file, null, true);
    }

    /**
     * n samples of dimension {@code dim}, row after row.
     *
     * @param values n * dim numbers
     * @param dim the dimension of one sample
     */
    public record Rows(double[] values, int dim) {
        public int count() {
            return values.length / dim;
        }
    }

    private static Rows read(Path file, String column, boolean all) {
        String name = file.toString();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".npy")) {
                return readNpy(file, column, all);
            }
            return readText(file, column, all);
        } catch (TextFiles.NotTextException e) {
            // Binary data read as text would fail on its first "number" with a message about that
            // number; say what the file is instead, and what we do read.
            throw new IllegalArgumentException(e.getMessage() + "; expected one number a line, CSV, or a .npy array"
                    + (name.toLowerCase(Locale.ROOT).endsWith(".npz") ? " (save one array with numpy.save as .npy)" : ""));
        } catch (NoSuchFileException e) {
            throw Require.fail("file", name + ": no such file");
        } catch (IOException e) {
            throw Require.fail("file", name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static Rows readText(Path file, String column, boolean all) throws IOException {
        String name = file.toString();
        double[] out = new double[1024];
        int n = 0;
        int col = -1;
        int columns = -1;
        boolean first = true;
        try (BufferedReader r = TextFiles.open(file)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] fields = t.split(",", -1);
                if (first) {
                    first = false;
                    columns = fields.length;
                    boolean header = !isNumber(fields[0].strip()) || (fields.length > 1 && !allNumbers(fields));
                    col = all ? -1 : columnIndex(name, column, fields, header, lineNo);
                    if (header) {
                        continue;
                    }
                }
                if (fields.length != columns) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": expected " + columns
                            + " comma-separated fields, got " + fields.length);
                }
                for (int c = all ? 0 : col, end = all ? columns : col + 1; c < end; c++) {
                    String f = fields[c].strip();
                    double v;
                    try {
                        v = Double.parseDouble(f);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(name + " line " + lineNo + ": '" + f + "' is not a number");
                    }
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(name + " line " + lineNo + ": value " + f + " is not finite");
                    }
                    if (n == out.length) {
                        out = Arrays.copyOf(out, 2 * n);
                    }
                    out[n++] = v;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(name + ": no numbers in the file");
        }
        return new Rows(Arrays.copyOf(out, n), all ? columns : 1);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean allNumbers(String[] fields) {
        for (String f : fields) {
            if (!isNumber(f.strip())) {
                return false;
            }
        }
        return true;
    }

    private static int columnIndex(String name, String column, String[] fields, boolean header, int lineNo) {
        if (column == null) {
            if (fields.length != 1) {
                throw Require.fail("column", "is needed: " + name + " line " + lineNo + " has "
                        + fields.length + " columns");
            }
            return 0;
        }
        if (header) {
            for (int i = 0; i < fields.length; i++) {
                if (unquote(fields[i].strip()).equals(column)) {
                    return i;
                }
            }
        }
        int idx;
        try {
            idx = Integer.parseInt(column.strip());
        } catch (NumberFormatException e) {
            throw Require.fail("column", "'" + column + "' is not "
                    + (header ? "a header of " + name + " (line " + lineNo + ")" : "a column index (" + name + " has no header)"));
        }
        if (idx < 0 || idx >= fields.length) {
            throw Require.fail("column", "must be in [0, " + (fields.length - 1) + "] for " + name + ", got " + idx);
        }
        return idx;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static Rows readNpy(Path file, String column, boolean all) throws IOException {
        String name = file.toString();
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            throw new IllegalArgumentException(name + ": not a .npy file (bad magic string)");
        }
        int major = bytes[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IllegalArgumentException(name + ": truncated .npy header");
            }
            headerLen = b.getInt(8);
            start = 12;
        } else {
            throw new IllegalArgumentException(name + ": unsupported .npy version " + major);
        }
        if (headerLen < 0 || start + headerLen > bytes.length) {
            throw new IllegalArgumentException(name + ": truncated .npy header");
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IllegalArgumentException(name + ": .npy header without 'descr' or 'shape'");
        }
        String descr = d.group(1);
        int width;
        if (descr.equals("<f8") || descr.equals("=f8") || descr.equals("f8")) {
            width = 8;
        } else if (descr.equals("<f4") || descr.equals("=f4") || descr.equals("f4")) {
            width = 4;
        } else {
            throw new IllegalArgumentException(name + ": .npy 'descr' must be '<f8' or '<f4' (little-endian float64/float32), got '" + descr + "'");
        }
        boolean fortran = f.find() && f.group(1).equals("True");
        String[] dims = s.group(1).split(",");
        long[] shape;
        try {
            shape = Arrays.stream(dims).map(String::strip).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": corrupt .npy header: 'shape' is (" + s.group(1) + ")");
        }
        // Negative or huge dimensions come only from a damaged header; refuse them before they overflow
        // the size check against the data below.
        for (long dim : shape) {
            if (dim < 0 || dim > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + ": corrupt .npy header: 'shape' is (" + s.group(1) + ")");
            }
        }
        long rows;
        long cols;
        if (shape.length == 1) {
            rows = shape[0];
            cols = 1;
        } else if (shape.length == 2) {
            rows = shape[0];
            cols = shape[1];
        } else {
            throw new IllegalArgumentException(name + ": .npy 'shape' must be 1-D or 2-D, got (" + s.group(1) + ")");
        }
        int c = 0;
        if (!all && (cols != 1 || column != null)) {
            if (column == null) {
                throw Require.fail("column", "is needed: " + name + " has shape (" + rows + ", " + cols + ")");
            }
            try {
                c = Integer.parseInt(column.strip());
            } catch (NumberFormatException e) {
                throw Require.fail("column", "must be a 0-based index for .npy input, got '" + column + "'");
            }
            if (c < 0 || c >= cols) {
                throw Require.fail("column", "must be in [0, " + (cols - 1) + "] for " + name + ", got " + c);
            }
        }
        // Both dimensions are below 2^31, so the product fits in a long; times 8 it might not.
        long need = rows * cols > Long.MAX_VALUE / width ? Long.MAX_VALUE : rows * cols * width;
        int data = start + headerLen;
        if (bytes.length - data < need) {
            throw new IllegalArgumentException(name + ": truncated .npy data (" + (bytes.length - data) + " bytes, expected " + need + ")");
        }
        if (rows == 0) {
            throw new IllegalArgumentException(name + ": no numbers in the file");
        }
        if (rows > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": too many values (" + rows + ")");
        }
        int dim = all ? (int) cols : 1;
        if ((long) rows * dim > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + ": too many values (" + rows * dim + ")");
        }
        double[] out = new double[(int) rows * dim];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < dim; j++) {
                long cc = all ? j : c;
                long idx = fortran ? cc * rows + i : (long) i * cols + cc;
                int pos = (int) (data + idx * width);
                double v = width == 8 ? b.getDouble(pos) : b.getFloat(pos);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(name + ": element " + (all ? "(" + i + ", " + j + ")" : Integer.toString(i))
                            + " is not finite: " + v);
                }
                out[i * dim + j] = v;
            }
        }
        return new Rows(out, dim);
    }
}
