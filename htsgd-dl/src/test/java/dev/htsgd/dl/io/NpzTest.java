package dev.htsgd.dl.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights files: what numpy would refuse (a cut or damaged archive) is refused, naming the file. */
class NpzTest {

    @TempDir
    Path dir;
    Path file;
    byte[] bytes;

    @BeforeEach
    void write() throws IOException {
        Map<String, Npz.Array> arrays = new LinkedHashMap<>();
        float[] w = new float[600];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(i);
        }
        arrays.put("01Linear_weight", new Npz.Array(new long[] {20, 30}, w));
        arrays.put("01Linear_bias", new Npz.Array(new long[] {20}, Arrays.copyOf(w, 20)));
        file = dir.resolve("weights.npz");
        Npz.write(file, arrays);
        bytes = Files.readAllBytes(file);
    }

    @Test
    void roundTrip() {
        Map<String, Npz.Array> back = Npz.read(file);
        assertThat(back.keySet()).containsExactly("01Linear_weight", "01Linear_bias");
        assertThat(back.get("01Linear_weight").shape()).containsExactly(20, 30);
        assertThat(back.get("01Linear_weight").data()[7]).isEqualTo((float) Math.sin(7));
    }

    @Test
    void anArchiveCutBeforeItsCentralDirectoryIsRefused() throws IOException {
        // every entry is whole; only the zip directory at the end is missing, as numpy notices
        Path cut = Files.write(dir.resolve("cut.npz"), Arrays.copyOf(bytes, bytes.length - 40));
        assertThatThrownBy(() -> Npz.read(cut)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cut.toString()).hasMessageContaining("not a complete .npz archive");
        Path half = Files.write(dir.resolve("half.npz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Npz.read(half)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(half.toString());
    }

    @Test
    void aDamagedEntryIsRefused() throws IOException {
        byte[] d = bytes.clone();
        d[200] ^= 0x55; // inside the data of the first entry
        Path damaged = Files.write(dir.resolve("damaged.npz"), d);
        assertThatThrownBy(() -> Npz.read(damaged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(damaged.toString()).hasMessageContaining("01Linear_weight");
    }

    @Test
    void anEntryShorterThanItsShapeIsRefused() throws IOException {
        // a well-formed zip whose NPY header promises more floats than follow
        byte[] npy = new byte[128 + 8];
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }";
        header = header + " ".repeat(128 - 10 - header.length() - 1) + "\n";
        npy[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(), 0, npy, 1, 5);
        npy[6] = 1;
        npy[8] = (byte) header.length();
        System.arraycopy(header.getBytes(), 0, npy, 10, header.length());
        Path shortFile = dir.resolve("short.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(shortFile))) {
            ZipEntry e = new ZipEntry("b.npy");
            e.setMethod(ZipEntry.STORED);
            e.setSize(npy.length);
            CRC32 crc = new CRC32();
            crc.update(npy);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(npy);
            z.closeEntry();
        }
        assertThatThrownBy(() -> Npz.read(shortFile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry b is truncated (8 bytes of data, its shape needs 20)");
    }
}
