package dev.htsgd.dl.train;

import java.util.List;

/**
 * One evaluation of a run (a row of metrics.csv).
 *
 * @param step              iterations done
 * @param trainLoss         L(theta) over the training set
 * @param trainAccuracy     training accuracy
 * @param testLoss          loss over the test set
 * @param testAccuracy      test accuracy
 * @param learningRate      eta_k at this step
 * @param preClipNorm       ||eta g|| of the last update before truncation
 * @param truncatedFraction fraction of the updates since the previous row that were truncated
 * @param seconds           training seconds so far (evaluation excluded)
 */
public record MetricsRow(long step, double trainLoss, double trainAccuracy, double testLoss, double testAccuracy,
        double learningRate, double preClipNorm, double truncatedFraction, double seconds) {

    /** CSV header. */
    public static final List<String> HEADER = List.of("step", "train_loss", "train_accuracy", "test_loss",
            "test_accuracy", "learning_rate", "pre_clip_norm", "truncated_fraction", "seconds");

    /** @return the cells in {@link #HEADER} order */
    public List<Object> cells() {
        return List.of(step, trainLoss, trainAccuracy, testLoss, testAccuracy, learningRate, preClipNorm,
                truncatedFraction, seconds);
    }

    double[] toArray() {
        return new double[] {step, trainLoss, trainAccuracy, testLoss, testAccuracy, learningRate, preClipNorm,
            truncatedFraction, seconds};
    }

    static MetricsRow fromArray(double[] a) {
        return new MetricsRow((long) a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
    }
}
