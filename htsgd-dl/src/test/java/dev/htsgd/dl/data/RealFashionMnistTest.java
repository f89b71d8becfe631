package dev.htsgd.dl.data;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the real FashionMNIST files (CI installs dataset-fashion-mnist); skipped with a message when absent. */
class RealFashionMnistTest {
    @Test
    void readsTheDebianFiles() {
        Path dir;
        try {
            dir = Dataset.FASHION_MNIST.locate(null, System.getenv());
        } catch (DatasetNotFoundException e) {
            Assumptions.abort("FashionMNIST absent, skipping: " + e.getMessage());
            return;
        }
        ImageSet train = Dataset.FASHION_MNIST.load(dir, true);
        ImageSet test = Dataset.FASHION_MNIST.load(dir, false);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(test.size()).isEqualTo(10_000);
        // Zalando's README: label of the first training image is 9 (ankle boot), first test image 9 too
        assertThat(train.label(0)).isEqualTo(9);
        assertThat(test.label(0)).isEqualTo(9);
        int[] counts = new int[10];
        for (int y : test.labels()) {
            counts[y]++;
        }
        assertThat(counts).containsOnly(1000); // balanced test set
    }
}
