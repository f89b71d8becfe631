package dev.htsgd.dl.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Writes small dataset files in the real formats (IDX, CIFAR-10 binary, MAT v5) for loader tests. */
public final class TestFiles {
    private TestFiles() {
    }

    /** IDX images: magic 0x803, n, rows, cols, then bytes. */
    public static byte[] idxImages(int n, int rows, int cols, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(16 + pixels.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x803).putInt(n).putInt(rows).putInt(cols).put(pixels);
        return b.array();
    }

    /** IDX labels: magic 0x801, n, then bytes. */
    public static byte[] idxLabels(byte[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0x801).putInt(labels.length).put(labels);
        return b.array();
    }

    /** Gzip of bytes. */
    public static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bos)) {
            o.write(raw);
        }
        return bos.toByteArray();
    }

    /** Writes a tiny IDX dataset (train n images, test m images of 28x28; pixel (i, p) = (i*7+p) % 256). */
    public static void writeIdx(Path dir, int n, int m, boolean gz) throws IOException {
        Files.createDirectories(dir);
        String ext = gz ? ".gz" : "";
        write(dir.resolve(IdxDataset.TRAIN_IMAGES + ext), idxImages(n, 28, 28, pattern(n, 784)), gz);
        write(dir.resolve(IdxDataset.TRAIN_LABELS + ext), idxLabels(labels(n)), gz);
        write(dir.resolve(IdxDataset.TEST_IMAGES + ext), idxImages(m, 28, 28, pattern(m, 784)), gz);
        write(dir.resolve(IdxDataset.TEST_LABELS + ext), idxLabels(labels(m)), gz);
    }

    static void write(Path f, byte[] raw, boolean gz) throws IOException {
        Files.write(f, gz ? gzip(raw) : raw);
    }

    /** Pixel pattern: image i, position p has byte (i * 7 + p) mod 256. */
    public static byte[] pattern(int n, int per) {
        byte[] b = new byte[n * per];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < per; p++) {
                b[i * per + p] = (byte) ((i * 7 + p) % 256);
            }
        }
        return b;
    }

    /** Labels i mod 10. */
    public static byte[] labels(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i % 10);
        }
        return b;
    }

    // ---- MAT v5 -------------------------------------------------------------------------------------

    /** A MAT v5 file holding uint8 X (dims) and double y (n x 1); optionally each variable compressed. */
    public static byte[] mat(int[] xDims, byte[] x, double[] y, boolean compress) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = new byte[128];
        byte[] text = "MATLAB 5.0 MAT-file, written by htsgd tests".getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(header, 0, 116, (byte) ' ');
        System.arraycopy(text, 0, header, 0, text.length);
        header[124] = 0x00;
        header[125] = 0x01;
        header[126] = 'I';
        header[127] = 'M';
        out.writeBytes(header);
        ByteBuffer xData = ByteBuffer.wrap(x);
        ByteBuffer yData = ByteBuffer.allocate(8 * y.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : y) {
            yData.putDouble(v);
        }
        byte[] xm = matrix("X", 9, xDims, 2, xData.array());
        byte[] ym = matrix("y", 6, new int[] {y.length, 1}, 9, yData.array());
        for (byte[] m : new byte[][] {xm, ym}) {
            out.writeBytes(compress ? compressed(m) : m);
        }
        return out.toByteArray();
    }

    private static byte[] compressed(byte[] element) {
        Deflater d = new Deflater();
        d.setInput(element);
        d.finish();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            bos.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] z = bos.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(8 + z.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(15).putInt(z.length).put(z); // miCOMPRESSED: no padding
        return b.array();
    }

    private static byte[] matrix(String name, int cls, int[] dims, int dataType, byte[] data) {
        ByteBuffer body = ByteBuffer.allocate(4096 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        body.putInt(6).putInt(8).putInt(cls).putInt(0);                  // array flags
        body.putInt(5).putInt(4 * dims.length);                          // dimensions
        for (int d : dims) {
            body.putInt(d);
        }
        pad(body, 4 * dims.length);
        byte[] nm = name.getBytes(StandardCharsets.US_ASCII);
        if (nm.length <= 4) {                                            // small element format
            body.putInt((nm.length << 16) | 1);
            body.put(nm);
            for (int i = nm.length; i < 4; i++) {
                body.put((byte) 0);
            }
        } else {
            body.putInt(1).putInt(nm.length).put(nm);
            pad(body, nm.length);
        }
        body.putInt(dataType).putInt(data.length).put(data);
        pad(body, data.length);
        int len = body.position();
        ByteBuffer el = ByteBuffer.allocate(8 + len).order(ByteOrder.LITTLE_ENDIAN);
        el.putInt(14).putInt(len).put(body.array(), 0, len);
        return el.array();
    }

    private static void pad(ByteBuffer b, int n) {
        for (int i = n; i % 8 != 0; i++) {
            b.put((byte) 0);
        }
    }
}
