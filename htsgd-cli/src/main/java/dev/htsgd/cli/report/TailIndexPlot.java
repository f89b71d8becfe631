package dev.htsgd.cli.report;

import dev.htsgd.stats.TailIndexRecommendation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagnostic plot of {@code htsgd tail-index --out DIR}: the Hill estimate alpha_hat(k) against k (log
 * axis), with the recommended estimate and its interval as horizontal lines and the chosen k marked, so a
 * reader can see whether the Hill plot is flat where k was taken and how it bends beyond.
 */
public final class TailIndexPlot {

    static final String NAME = "tail-index-hill";

    private TailIndexPlot() {
    }

    public static Plot save(Path plotsDir, TailIndexRecommendation rec) {
        int[] ks = rec.ks();
        double[] k = new double[ks.length];
        for (int i = 0; i < ks.length; i++) {
            k[i] = ks[i];
        }
        double[] ends = {k[0], k[k.length - 1]};
        List<Plots.Series> series = new ArrayList<>();
        series.add(new Plots.Series("Hill alpha_hat(k)", k, rec.hillAlphas(), Plots.Style.LINE_MARKERS));
        series.add(Plots.Series.line(String.format("recommended %.3f (%s)", rec.estimate(), rec.estimator()), ends,
                new double[] {rec.estimate(), rec.estimate()}));
        series.add(Plots.Series.line("95% interval", new double[] {ends[0], ends[1], ends[1], ends[0]},
                new double[] {rec.low(), rec.low(), rec.high(), rec.high()}));
        double hillAlpha = rec.estimate("hill-adaptive").alpha();
        series.add(Plots.Series.markers("chosen k = " + rec.hillK(), new double[] {rec.hillK()}, new double[] {hillAlpha}));
        Plots.Axes axes = new Plots.Axes("tail index against the number k of order statistics", "k", "alpha", true, false);
        return Plots.xy(plotsDir, NAME, axes, series);
    }
}
