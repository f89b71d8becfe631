package dev.htsgd.dl.io;

import dev.htsgd.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives of float32 arrays: a zip of {@code NAME.npy} entries in NPY format 1.0
 * (magic {@code \x93NUMPY}, a little-endian header dict padded to 64 bytes, then {@code <f4} data in C order),
 * so {@code numpy.load("weights.npz")["01Conv2d_weight"]} and {@code torch.from_numpy} read them.
 */
public final class Npz {
    private Npz() {
    }

    /** A named float32 array in C order. @param shape dimensions  @param data values */
    public record Array(long[] shape, float[] data) {
        /** Checks that the shape matches the data length. */
        public Array {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape product " + n + " != " + data.length + " values");
            }
        }
    }

    /** Writes {@code arrays} to {@code file} atomically (a temporary sibling, then rename). */
    public static void write(Path file, Map<String, Array> arrays) {
        AtomicFiles.write(file, "", out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                writeNpy(zip, e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** Writes one NPY 1.0 float32 array. */
    public static void writeNpy(OutputStream out, Array a) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < a.shape().length; i++) {
            shape.append(a.shape()[i]).append(a.shape().length == 1 ? "," : (i + 1 < a.shape().length ? ", " : ""));
        }
        shape.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        head.putShort((short) header.length());
        out.write(head.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer body = ByteBuffer.allocate(4 * a.data().length).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(a.data());
        out.write(body.array());
    }

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /**
     * Reads a {@code .npz} of float32 C-order arrays (as written by {@link #write} or numpy).
     *
     * <p>The archive is opened through its central directory (as numpy's {@code zipfile} does) and every
     * entry is read to its end, so that the CRC is checked: streaming the local headers alone would accept
     * an archive cut after its last entry, or read a damaged entry as plausible weights.
     */
    public static Map<String, Array> read(Path file) {
        Map<String, Array> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(name, readNpy(file, name, in));
                    if (in.read() >= 0) {
                        throw new IllegalArgumentException(file + ": entry " + name + " holds more data than its shape");
                    }
                } catch (IOException ex) {
                    throw new IllegalArgumentException(file + ": entry " + name + " is damaged (" + ex.getMessage() + ")", ex);
                }
            }
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException ex) {
            throw new IllegalArgumentException(file + ": no such file", ex);
        } catch (IOException ex) {
            throw new IllegalArgumentException(file + ": not a complete .npz archive (" + ex.getMessage() + ")", ex);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty .npz archive");
        }
        return out;
    }

    private static Array readNpy(Path file, String name, InputStream in) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || (magic[0] & 0xff) != 0x93 || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new IllegalArgumentException(file + ": entry " + name + " is not an NPY array");
        }
        int major = magic[6];
        byte[] lenBytes = in.readNBytes(major == 1 ? 2 : 4);
        if (lenBytes.length < (major == 1 ? 2 : 4)) {
            throw new IllegalArgumentException(file + ": entry " + name + " is truncated (in its NPY header)");
        }
        ByteBuffer lb = ByteBuffer.wrap(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        int hlen = major == 1 ? lb.getShort() & 0xffff : lb.getInt();
        byte[] head = hlen < 0 ? new byte[0] : in.readNBytes(hlen);
        if (hlen < 0 || head.length < hlen) {
            throw new IllegalArgumentException(file + ": entry " + name + " is truncated (in its NPY header)");
        }
        String header = new String(head, StandardCharsets.US_ASCII);
        Matcher d = DESCR.matcher(header);
        Matcher o = ORDER.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find() || !d.group(1).equals("<f4") || (o.find() && o.group(1).equals("True"))) {
            throw new IllegalArgumentException(file + ": entry " + name + " is not a C-order float32 array (" + header.trim() + ")");
        }
        String[] dims = s.group(1).split(",");
        long[] shape;
        try {
            shape = java.util.Arrays.stream(dims).map(String::trim).filter(x -> !x.isEmpty()).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": entry " + name + " has a corrupt NPY header (shape (" + s.group(1) + "))");
        }
        long n = 1;
        for (long v : shape) {
            // a damaged header must not overflow the size below into a small positive number
            if (v < 0 || (v > 0 && n > (Integer.MAX_VALUE / 4) / v)) {
                throw new IllegalArgumentException(file + ": entry " + name + " has a corrupt NPY header (shape (" + s.group(1) + "))");
            }
            n *= v;
        }
        byte[] body = in.readNBytes((int) (4 * n));
        if (body.length != 4 * n) {
            throw new IllegalArgumentException(file + ": entry " + name + " is truncated (" + body.length + " bytes of data, its shape needs "
                    + 4 * n + ")");
        }
        float[] data = new float[(int) n];
        ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return new Array(shape, data);
    }
}
