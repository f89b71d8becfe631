package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.LevyMeasure;
import dev.htsgd.noise.NoiseModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the theory says about a 1-D landscape, a heavy-tailed noise and a truncation threshold b: the
 * basins (m_i, s_i, I_i, r_i), the transition graph G_b (l*_i, l*(i,j), classes, V*_b), the rates
 * q_b(i, j) = C_{l*_i}(I_j; m_i) with their errors, and the limiting jump process. Predictions for a learning
 * rate come from {@link #predict(NoiseModel, double)}.
 */
public final class LandscapeAnalysis {

    private final Basins basins;
    private final TransitionGraph graph;
    private final ExitMeasure measure;
    private final ExitMeasure.Estimate[][] rates;
    private final double[][] q;
    private final JumpProcess process;
    private final LevyMeasure nu;

    private LandscapeAnalysis(Basins basins, LevyMeasure nu, double b) {
        this.basins = basins;
        this.nu = nu;
        this.graph = TransitionGraph.of(basins, b);
        this.measure = ExitMeasure.of(basins, nu, b);
        this.rates = measure.rates();
        int n = basins.size();
        this.q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = rates[i][j].value();
            }
        }
        this.process = JumpProcess.of(graph, q);
    }

    /**
     * @param nu the noise's Levy measure (alpha &gt; 1)
     * @param b  truncation threshold in (0, +infinity]
     */
    public static LandscapeAnalysis of(Basins basins, LevyMeasure nu, double b) {
        if (!(nu.alpha() > 1)) {
            throw Require.fail("alpha", "must be in (1, inf) for the heavy-tailed theory, got " + nu.alpha());
        }
        return new LandscapeAnalysis(basins.requireExits(), nu, b);
    }

    /** Analysis for a noise model; light-tailed noise is rejected (it has no Levy measure). */
    public static LandscapeAnalysis of(Basins basins, NoiseModel noise, double b) {
        return of(basins, levyMeasureOf(noise), b);
    }

    /**
     * Analysis of a landscape on its projection interval with sigma = 1: the basins are {@link Basins#of(Objective1D)}
     * (read them back from {@link #basins()}).
     */
    public static LandscapeAnalysis of(Objective1D f, NoiseModel noise, double b) {
        return of(Basins.of(f), noise, b);
    }

    /** As {@link #of(Objective1D, NoiseModel, double)} for a Levy measure. */
    public static LandscapeAnalysis of(Objective1D f, LevyMeasure nu, double b) {
        return of(Basins.of(f), nu, b);
    }

    /** The Levy measure of a heavy-tailed noise with alpha &gt; 1; light tails and alpha &lt;= 1 are rejected. */
    public static LevyMeasure levyMeasureOf(NoiseModel noise) {
        if (!noise.isHeavyTailed()) {
            throw Require.fail("noise", noise.name() + " is light-tailed: the heavy-tailed theory"
                    + " (jump numbers, rates, time scales) needs a regularly varying tail with alpha > 1");
        }
        if (!(noise.alpha() > 1)) {
            throw Require.fail("alpha", "must be in (1, inf) for the heavy-tailed theory, got " + noise.alpha());
        }
        return noise.levyMeasure();
    }

    public Basins basins() {
        return basins;
    }

    public TransitionGraph graph() {
        return graph;
    }

    public ExitMeasure exitMeasure() {
        return measure;
    }

    public LevyMeasure levyMeasure() {
        return nu;
    }

    /** q_b(i, j) with their error estimates. */
    public ExitMeasure.Estimate rate(int i, int j) {
        return rates[i][j];
    }

    /** The rate matrix q_b, zero diagonal. */
    public double[][] rateMatrix() {
        double[][] c = new double[q.length][];
        for (int i = 0; i < q.length; i++) {
            c[i] = q[i].clone();
        }
        return c;
    }

    /** Largest relative error estimate over all nonzero rates. */
    public double maxRelativeError() {
        double m = 0;
        for (ExitMeasure.Estimate[] row : rates) {
            for (ExitMeasure.Estimate e : row) {
                m = Math.max(m, e.relativeError());
            }
        }
        return m;
    }

    /** q_b(i) = C*_i. */
    public double exitRate(int i) {
        double s = 0;
        for (int j = 0; j < q.length; j++) {
            s += j == i ? 0 : q[i][j];
        }
        return s;
    }

    /** Exit-location law from I_i: q(i, j) / q(i). */
    public double[] exitLocationLaw(int i) {
        double out = exitRate(i);
        double[] p = new double[q.length];
        for (int j = 0; j < q.length; j++) {
            p[j] = j == i ? 0 : q[i][j] / out;
        }
        return p;
    }

    public JumpProcess process() {
        return process;
    }

    /** Predictions for one basin at a learning rate. */
    public record BasinPrediction(int basin, int jumps, double exitRate, double meanExitSteps, double slope,
                                  double[] exitLocation) {
    }

    /** Time scales and predictions for learning rate eta. */
    public record Prediction(double eta, double lambda, double lambdaStar, List<BasinPrediction> basins) {
    }

    /** lambda(eta), lambda*_b(eta) and, per basin, the predicted mean exit steps, slope and exit-location law. */
    public Prediction predict(NoiseModel noise, double eta) {
        double lambda = TimeScales.lambda(noise, eta);
        double lambdaStar = TimeScales.scale(noise, eta, graph.maxJumpNumber());
        List<BasinPrediction> out = new ArrayList<>();
        for (int i = 0; i < q.length; i++) {
            int l = graph.jumpNumber(i);
            double c = exitRate(i);
            out.add(new BasinPrediction(i, l, c, TimeScales.meanExitSteps(noise, eta, c, l),
                    TimeScales.slope(nu.alpha(), l), exitLocationLaw(i)));
        }
        return new Prediction(eta, lambda, lambdaStar, out);
    }
}
