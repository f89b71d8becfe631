package dev.htsgd.dl.data;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxDatasetTest {
    @TempDir
    Path tmp;

    @Test
    void readsRawAndGzipIdentically() throws IOException {
        TestFiles.writeIdx(tmp.resolve("raw"), 12, 5, false);
        TestFiles.writeIdx(tmp.resolve("gz"), 12, 5, true);
        ImageSet raw = IdxDataset.load(tmp.resolve("raw"), "t", true);
        ImageSet gz = IdxDataset.load(tmp.resolve("gz"), "t", true);
        assertThat(raw.size()).isEqualTo(12);
        assertThat(raw.imageShape().getShape()).containsExactly(1, 28, 28);
        assertThat(Arrays.equals(raw.pixels(), gz.pixels())).isTrue();
        assertThat(raw.labels()).containsExactly(gz.labels());
        assertThat(IdxDataset.load(tmp.resolve("gz"), "t", false).size()).isEqualTo(5);
        // pixel (i=3, p=100) = (21 + 100) % 256 = 121 -> (121/255 - 0.5)/0.5
        assertThat(raw.pixels()[3 * 784 + 100]).isEqualTo((121 / 255f - 0.5f) / 0.5f);
        assertThat(raw.label(7)).isEqualTo(7);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : raw.pixels()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(-1f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void wrongMagicNamesFile() throws IOException {
        TestFiles.writeIdx(tmp, 3, 2, false);
        Path img = tmp.resolve(IdxDataset.TRAIN_IMAGES);
        byte[] b = Files.readAllBytes(img);
        b[3] = 0x01;
        Files.write(img, b);
        assertThatThrownBy(() -> IdxDataset.load(tmp, "t", true)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(img.toString()).hasMessageContaining("wrong magic number 0x00000801");
        assertThatThrownBy(() -> IdxDataset.read("t", tmp.resolve(IdxDataset.TEST_LABELS), tmp.resolve(IdxDataset.TEST_LABELS)))
                .hasMessageContaining("expected 0x00000803");
    }

    @Test
    void truncatedRawAndGzipFilesAreReported() throws IOException {
        TestFiles.writeIdx(tmp.resolve("raw"), 3, 2, false);
        Path img = tmp.resolve("raw").resolve(IdxDataset.TRAIN_IMAGES);
        byte[] b = Files.readAllBytes(img);
        Files.write(img, Arrays.copyOf(b, b.length - 10));
        assertThatThrownBy(() -> IdxDataset.load(tmp.resolve("raw"), "t", true))
                .hasMessageContaining(img.toString()).hasMessageContaining("truncated");

        TestFiles.writeIdx(tmp.resolve("gz"), 30, 2, true);
        Path gz = tmp.resolve("gz").resolve(IdxDataset.TRAIN_IMAGES + ".gz");
        byte[] z = Files.readAllBytes(gz);
        Files.write(gz, Arrays.copyOf(z, z.length / 2));
        assertThatThrownBy(() -> IdxDataset.load(tmp.resolve("gz"), "t", true))
                .hasMessageContaining(gz.toString()).hasMessageContaining("truncated");
    }

    @Test
    void labelCountMismatchAndBadLabels() throws IOException {
        TestFiles.writeIdx(tmp, 4, 2, false);
        Files.write(tmp.resolve(IdxDataset.TRAIN_LABELS), TestFiles.idxLabels(new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> IdxDataset.load(tmp, "t", true)).hasMessageContaining("3 labels for 4 images");
        Files.write(tmp.resolve(IdxDataset.TRAIN_LABELS), TestFiles.idxLabels(new byte[] {1, 2, 3, 12}));
        assertThatThrownBy(() -> IdxDataset.load(tmp, "t", true)).hasMessageContaining("label 12 at index 3");
    }

    @Test
    void subsetRecipeCorruptsTheLastKLabelsFromTheSeed() throws IOException {
        TestFiles.writeIdx(tmp, 50, 2, true);
        ImageSet all = IdxDataset.load(tmp, "t", true);
        ImageSet a = all.subset(30, 10, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        ImageSet b = all.subset(30, 10, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
        ImageSet c = all.subset(30, 10, RandomSource.XO_RO_SHI_RO_128_PP.create(8L));
        assertThat(a.size()).isEqualTo(40);
        assertThat(a.labels()).containsExactly(b.labels());
        assertThat(Arrays.copyOf(a.labels(), 30)).containsExactly(Arrays.copyOf(all.labels(), 30));
        assertThat(Arrays.copyOfRange(a.labels(), 30, 40)).isNotEqualTo(Arrays.copyOfRange(c.labels(), 30, 40));
        assertThat(Arrays.equals(a.pixels(), Arrays.copyOf(all.pixels(), 40 * 784))).isTrue();
        assertThatThrownBy(() -> all.subset(45, 10, RandomSource.XO_RO_SHI_RO_128_PP.create(1L)))
                .hasMessageContaining("subset 45 plus corrupt 10 exceeds the 50 images");
    }

    @Test
    void locateFollowsTheLookupOrderAndExplainsAbsence() throws IOException {
        Path opt = tmp.resolve("opt");
        Path env = tmp.resolve("env");
        TestFiles.writeIdx(env.resolve("fashion-mnist"), 2, 2, true);
        assertThat(Dataset.FASHION_MNIST.locate(null, Map.of(Dataset.ENV, env.toString())))
                .isEqualTo(env.resolve("fashion-mnist"));
        // a directory given explicitly is the only place looked at: no silent fallback to $HTSGD_DATA
        assertThatThrownBy(() -> Dataset.FASHION_MNIST.locate(opt, Map.of(Dataset.ENV, env.toString())))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("fashion-mnist not found in the data directory " + opt)
                .hasMessageContaining("train-images-idx3-ubyte[.gz]")
                .hasMessageNotContaining(env.toString());
        TestFiles.writeIdx(opt, 2, 2, false);
        assertThat(Dataset.FASHION_MNIST.locate(opt, Map.of(Dataset.ENV, env.toString()))).isEqualTo(opt);
        assertThatThrownBy(() -> Dataset.MNIST.locate(null, Map.of(Dataset.ENV, tmp.resolve("none").toString())))
                .isInstanceOf(DatasetNotFoundException.class)
                .hasMessageContaining("mnist not found").hasMessageContaining(tmp.resolve("none").toString())
                .hasMessageContaining("/usr/share/datasets").hasMessageContaining("DatasetDownload");
    }
}
