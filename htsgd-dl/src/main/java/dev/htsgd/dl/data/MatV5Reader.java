package dev.htsgd.dl.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal reader of MATLAB level-5 MAT-files (the format of the SVHN {@code *_32x32.mat} files): the
 * 128-byte header, numeric {@code miMATRIX} elements of real, non-sparse arrays, zlib-compressed elements
 * ({@code miCOMPRESSED}) and the small data element format. Numeric data may be stored in a narrower type than
 * its class (MATLAB saves a double array of small integers as {@code miUINT8}); values are read through
 * {@link MatArray#get(long)}. Cell arrays, structs, sparse and complex arrays are skipped.
 */
public final class MatV5Reader {
    static final int MI_INT8 = 1, MI_UINT8 = 2, MI_INT16 = 3, MI_UINT16 = 4, MI_INT32 = 5, MI_UINT32 = 6,
            MI_SINGLE = 7, MI_DOUBLE = 9, MI_INT64 = 12, MI_UINT64 = 13, MI_MATRIX = 14, MI_COMPRESSED = 15;

    private MatV5Reader() {
    }

    /**
     * One numeric array: name, MATLAB dimensions (column-major) and its data as stored.
     *
     * @param name        variable name
     * @param dims        dimensions, first index fastest
     * @param matlabClass the mxCLASS code (6 double, 9 uint8, ...)
     * @param storedType  the miTYPE the data are stored in
     * @param data        the stored bytes, in the file's byte order
     */
    public record MatArray(String name, int[] dims, int matlabClass, int storedType, ByteBuffer data) {
        /** @return number of elements */
        public long numel() {
            long n = 1;
            for (int d : dims) {
                n *= d;
            }
            return n;
        }

        /** The element at column-major linear index {@code i}, converted to double. */
        public double get(long i) {
            int k = (int) i;
            return switch (storedType) {
                case MI_INT8 -> data.get(k);
                case MI_UINT8 -> data.get(k) & 0xff;
                case MI_INT16 -> data.getShort(2 * k);
                case MI_UINT16 -> data.getShort(2 * k) & 0xffff;
                case MI_INT32 -> data.getInt(4 * k);
                case MI_UINT32 -> data.getInt(4 * k) & 0xffffffffL;
                case MI_SINGLE -> data.getFloat(4 * k);
                case MI_DOUBLE -> data.getDouble(8 * k);
                case MI_INT64, MI_UINT64 -> data.getLong(8 * k);
                default -> throw new IllegalStateException("unsupported stored type " + storedType);
            };
        }

        /** The element at {@code i} as an unsigned byte (fast path for uint8 data). */
        public int getUnsignedByte(long i) {
            return storedType == MI_UINT8 ? data.get((int) i) & 0xff : (int) get(i);
        }
    }

    /** Reads all numeric arrays of a MAT v5 file. */
    public static Map<String, MatArray> read(Path file) {
        return read(file, DataFiles.readMaybeGzip(file));
    }

    static Map<String, MatArray> read(Path file, byte[] bytes) {
        if (bytes.length < 128) {
            throw new dev.htsgd.dl.data.DataFormatException(file, "too short for a MAT-file header (" + bytes.length + " bytes)");
        }
        String text = new String(bytes, 0, 10, StandardCharsets.US_ASCII);
        char e0 = (char) bytes[126];
        char e1 = (char) bytes[127];
        ByteOrder order;
        if (e0 == 'I' && e1 == 'M') {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (e0 == 'M' && e1 == 'I') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new dev.htsgd.dl.data.DataFormatException(file, "not a MATLAB 5 MAT-file (endian indicator '" + e0 + e1
                    + "', header starts '" + text + "'; v7.3/HDF5 files are not supported)");
        }
        if (!text.startsWith("MATLAB")) {
            throw new dev.htsgd.dl.data.DataFormatException(file, "not a MATLAB 5 MAT-file (header starts '" + text + "')");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        Map<String, MatArray> out = new LinkedHashMap<>();
        parseElements(file, buf, 128, bytes.length, out);
        return out;
    }

    private static void parseElements(Path file, ByteBuffer buf, int pos, int end, Map<String, MatArray> out) {
        while (pos + 8 <= end) {
            int type = buf.getInt(pos);
            long nbytes = buf.getInt(pos + 4) & 0xffffffffL;
            if ((type >>> 16) != 0) { // small element: never a matrix
                pos += 8;
                continue;
            }
            int data = pos + 8;
            if (data + nbytes > end) {
                throw new dev.htsgd.dl.data.DataFormatException(file, "element at byte " + pos + " claims " + nbytes
                        + " bytes but only " + (end - data) + " remain (truncated file)");
            }
            if (type == MI_COMPRESSED) {
                byte[] inflated = inflate(file, buf, data, (int) nbytes);
                ByteBuffer inner = ByteBuffer.wrap(inflated).order(buf.order());
                parseElements(file, inner, 0, inflated.length, out);
                pos = data + (int) nbytes;
            } else {
                if (type == MI_MATRIX) {
                    MatArray a = parseMatrix(file, buf, data, data + (int) nbytes);
                    if (a != null) {
                        out.put(a.name(), a);
                    }
                }
                pos = data + pad8((int) nbytes);
            }
        }
    }

    private static byte[] inflate(Path file, ByteBuffer buf, int off, int len) {
        Inflater inf = new Inflater();
        try {
            byte[] in = new byte[len];
            buf.get(off, in);
            inf.setInput(in);
            ByteArrayOutputStream bos = new ByteArrayOutputStream(Math.max(64, len * 4));
            byte[] chunk = new byte[1 << 16];
            while (!inf.finished()) {
                int k = inf.inflate(chunk);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new dev.htsgd.dl.data.DataFormatException(file, "compressed element at byte " + (off - 8)
                            + " ends early (truncated file)");
                }
                bos.write(chunk, 0, k);
            }
            return bos.toByteArray();
        } catch (DataFormatException e) {
            throw new dev.htsgd.dl.data.DataFormatException(file, "corrupt compressed element: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    private static int pad8(int n) {
        return (n + 7) & ~7;
    }

    /** Sub-element tag: type, size, data offset, next offset. */
    private record Tag(int type, int nbytes, int data, int next) {
    }

    private static Tag tag(Path file, ByteBuffer buf, int pos, int end) {
        if (pos + 8 > end) {
            throw new dev.htsgd.dl.data.DataFormatException(file, "matrix element truncated at byte " + pos);
        }
        int w = buf.getInt(pos);
        if ((w >>> 16) != 0) {
            return new Tag(w & 0xffff, w >>> 16, pos + 4, pos + 8);
        }
        int n = buf.getInt(pos + 4);
        if (n < 0 || pos + 8L + n > end) {
            throw new dev.htsgd.dl.data.DataFormatException(file, "sub-element at byte " + pos + " overruns its matrix");
        }
        return new Tag(w, n, pos + 8, pos + 8 + pad8(n));
    }

    private static MatArray parseMatrix(Path file, ByteBuffer buf, int pos, int end) {
        if (pos == end) {
            return null; // empty matrix
        }
        Tag flags = tag(file, buf, pos, end);
        int flagWord = buf.getInt(flags.data());
        int cls = flagWord & 0xff;
        boolean complex = (flagWord & 0x0800) != 0;
        Tag dimsTag = tag(file, buf, flags.next(), end);
        int nd = dimsTag.nbytes() / 4;
        int[] dims = new int[nd];
        for (int i = 0; i < nd; i++) {
            dims[i] = buf.getInt(dimsTag.data() + 4 * i);
        }
        Tag nameTag = tag(file, buf, dimsTag.next(), end);
        byte[] nb = new byte[nameTag.nbytes()];
        buf.get(nameTag.data(), nb);
        String name = new String(nb, StandardCharsets.US_ASCII);
        if (cls < 6 || cls > 15 || complex) {
            return null; // cell, struct, object, char, sparse, complex: not needed here
        }
        Tag real = tag(file, buf, nameTag.next(), end);
        int width = switch (real.type()) {
            case MI_INT8, MI_UINT8 -> 1;
            case MI_INT16, MI_UINT16 -> 2;
            case MI_INT32, MI_UINT32, MI_SINGLE -> 4;
            case MI_DOUBLE, MI_INT64, MI_UINT64 -> 8;
            default -> throw new dev.htsgd.dl.data.DataFormatException(file, "variable " + name
                    + " has unsupported data type " + real.type());
        };
        MatArray a = new MatArray(name, dims, cls, real.type(),
                buf.slice(real.data(), real.nbytes()).order(buf.order()));
        if ((long) real.nbytes() != a.numel() * width) {
            throw new dev.htsgd.dl.data.DataFormatException(file, "variable " + name + " has " + real.nbytes()
                    + " data bytes for " + a.numel() + " elements of " + width + " bytes");
        }
        return a;
    }
}
