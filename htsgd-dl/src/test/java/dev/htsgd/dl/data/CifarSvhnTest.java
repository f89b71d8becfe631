package dev.htsgd.dl.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CifarSvhnTest {
    @TempDir
    Path tmp;

    private static byte[] cifarRecords(int n, int firstLabel) {
        byte[] b = new byte[n * Cifar10Binary.RECORD];
        for (int i = 0; i < n; i++) {
            int off = i * Cifar10Binary.RECORD;
            b[off] = (byte) ((firstLabel + i) % 10);
            for (int p = 0; p < 3072; p++) {
                b[off + 1 + p] = (byte) ((i + p) % 256);
            }
        }
        return b;
    }

    @Test
    void cifarBinaryRecordsAreChwWithLabelFirst() throws IOException {
        Path dir = tmp.resolve("cifar10").resolve("cifar-10-batches-bin");
        Files.createDirectories(dir);
        for (int f = 1; f <= 5; f++) {
            Files.write(dir.resolve("data_batch_" + f + ".bin"), cifarRecords(3, f));
        }
        Files.write(dir.resolve("test_batch.bin"), cifarRecords(2, 0));
        Path found = Dataset.CIFAR10.locate(tmp, Map.of());
        assertThat(found).isEqualTo(dir);
        ImageSet train = Dataset.CIFAR10.load(found, true);
        assertThat(train.size()).isEqualTo(15);
        assertThat(train.imageShape().getShape()).containsExactly(3, 32, 32);
        assertThat(train.label(0)).isEqualTo(1);
        assertThat(train.label(3)).isEqualTo(2); // first record of data_batch_2
        // image 4 = record 1 of batch 2: green channel (c=1), row 2, col 5 -> byte index 1024 + 2*32 + 5
        int p = 1024 + 69;
        assertThat(train.pixels()[4 * 3072 + p]).isEqualTo(((1 + p) % 256 / 255f - 0.5f) / 0.5f);
        assertThat(Dataset.CIFAR10.load(found, false).size()).isEqualTo(2);
    }

    @Test
    void cifarTruncatedFileIsNamed() throws IOException {
        Path dir = tmp.resolve("c");
        Files.createDirectories(dir);
        for (int f = 1; f <= 5; f++) {
            Files.write(dir.resolve("data_batch_" + f + ".bin"), cifarRecords(2, 0));
        }
        Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(cifarRecords(2, 0), 5000));
        assertThatThrownBy(() -> Cifar10Binary.load(dir, false)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("test_batch.bin").hasMessageContaining("3073-byte");
    }

    private static byte[] svhnX(int n) {
        // column-major 32 x 32 x 3 x n: value at (r, c, ch, i) = (r + 3c + 5ch + 7i) % 256
        byte[] x = new byte[32 * 32 * 3 * n];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int c = 0; c < 32; c++) {
                    for (int r = 0; r < 32; r++) {
                        x[r + 32 * (c + 32 * (ch + 3 * i))] = (byte) ((r + 3 * c + 5 * ch + 7 * i) % 256);
                    }
                }
            }
        }
        return x;
    }

    @Test
    void svhnMatFilesPlainAndCompressed() throws IOException {
        for (boolean compress : new boolean[] {false, true}) {
            Path dir = tmp.resolve("svhn" + compress);
            Files.createDirectories(dir);
            int n = 4;
            Files.write(dir.resolve(SvhnMat.TRAIN), TestFiles.mat(new int[] {32, 32, 3, n}, svhnX(n),
                    new double[] {1, 10, 3, 9}, compress));
            Files.write(dir.resolve(SvhnMat.TEST), TestFiles.mat(new int[] {32, 32, 3, 1}, svhnX(1),
                    new double[] {10}, compress));
            ImageSet s = Dataset.SVHN.load(dir, true);
            assertThat(s.size()).isEqualTo(4);
            assertThat(s.labels()).containsExactly(1, 0, 3, 9); // 10 stands for digit 0
            // image 2, channel 1, row 4, col 6 -> CHW index (1*32 + 4)*32 + 6
            assertThat(s.pixels()[2 * 3072 + (32 + 4) * 32 + 6]).isEqualTo(((4 + 18 + 5 + 14) / 255f - 0.5f) / 0.5f);
            assertThat(Dataset.SVHN.load(dir, false).labels()).containsExactly(0);
        }
    }

    @Test
    void svhnCorruptFilesAreNamed() throws IOException {
        Path f = tmp.resolve(SvhnMat.TRAIN);
        byte[] good = TestFiles.mat(new int[] {32, 32, 3, 2}, svhnX(2), new double[] {1, 2}, false);
        Files.write(f, Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> SvhnMat.read(f, "s")).hasMessageContaining(f.toString()).hasMessageContaining("truncated");
        byte[] z = TestFiles.mat(new int[] {32, 32, 3, 2}, svhnX(2), new double[] {1, 2}, true);
        Files.write(f, Arrays.copyOf(z, 400));
        assertThatThrownBy(() -> SvhnMat.read(f, "s")).hasMessageContaining(f.toString());
        byte[] bad = good.clone();
        bad[126] = 'X';
        Files.write(f, bad);
        assertThatThrownBy(() -> SvhnMat.read(f, "s")).hasMessageContaining("not a MATLAB 5 MAT-file");
    }
}
