package dev.htsgd.theory;

import dev.htsgd.check.Require;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.LevyMeasure;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.VectorNoise;
import java.util.function.LongFunction;
import org.apache.commons.rng.UniformRandomProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the theory says about a landscape (1-D: {@link Basins} and {@link ExitMeasure}; R^d:
 * {@link FlowFields} and {@link ExitMeasureRd}, {@link #of(FlowFields, VectorNoise, double, int, LongFunction)}), a heavy-tailed noise and a truncation threshold b: the
 * basins (m_i, s_i, I_i, r_i), the transition graph G_b (l*_i, l*(i,j), classes, V*_b), the rates
 * q_b(i, j) = C_{l*_i}(I_j; m_i) with their errors, and the limiting jump process. Predictions for a learning
 * rate come from {@link #predict(NoiseModel, double)}.
 */
public final class LandscapeAnalysis {

    private final Basins basins;
    private final FlowFields fields;
    private final TransitionGraph graph;
    private final ExitMeasure measure;
    private final ExitMeasureRd measureRd;
    private final ExitMeasure.Estimate[][] rates;
    private final double[][] q;
    private final JumpProcess process;
    private final LevyMeasure nu;
    private final double alpha;

    private LandscapeAnalysis(Basins basins, LevyMeasure nu, double b) {
        this.basins = basins;
        this.fields = null;
        this.nu = nu;
        this.alpha = nu.alpha();
        this.graph = TransitionGraph.of(basins, b);
        this.measure = ExitMeasure.of(basins, nu, b);
        this.measureRd = null;
        this.rates = measure.rates();
        this.q = values(rates);
        this.process = JumpProcess.of(graph, q);
    }

    private LandscapeAnalysis(FlowFields fields, TransitionGraph graph, ExitMeasureRd measureRd,
                              ExitMeasure.Estimate[][] rates, double alpha) {
        this.basins = null;
        this.fields = fields;
        this.nu = null;
        this.alpha = alpha;
        this.graph = graph;
        this.measure = null;
        this.measureRd = measureRd;
        this.rates = rates;
        this.q = values(rates);
        try {
            this.process = JumpProcess.of(graph, q);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ": the Monte Carlo rates found no exit; raise the samples", e);
        }
    }

    private static double[][] values(ExitMeasure.Estimate[][] rates) {
        int n = rates.length;
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v[i][j] = rates[i][j].value();
            }
        }
        return v;
    }

    /**
     * The analysis of a landscape in R^d (paper notes, sections 3-4, multi-d): the graph G_b from the fields'
     * radii and distances, the rates q_b(i, j) = C_{J_i}(I_j; m_i) of {@link ExitMeasureRd} (quadrature for one
     * jump, Monte Carlo for more), and the same jump process, stationary law and time scales as in 1-D.
     *
     * @param noise   the simulated d-dimensional noise: its angular law S and lambda(eta) are the theory's
     * @param samples Monte Carlo samples per multi-jump row, at least {@link ExitMeasureRd#MIN_SAMPLES}
     * @param streams the random stream of row i
     * @throws IllegalArgumentException for light tails, alpha &lt;= 1, a single field, or a J above
     *         {@link ExitMeasureRd#MAX_JUMPS}
     */
    public static LandscapeAnalysis of(FlowFields fields, VectorNoise noise, double b, int samples,
                                       LongFunction<UniformRandomProvider> streams) {
        if (!Double.isFinite(noise.alpha())) {
            throw Require.fail("noise", noise.name() + " is light-tailed: the heavy-tailed theory"
                    + " (jump numbers, rates, time scales) needs a regularly varying tail with alpha > 1");
        }
        if (!(noise.alpha() > 1)) {
            throw Require.fail("alpha", "must be in (1, inf) for the heavy-tailed theory, got " + noise.alpha());
        }
        if (noise.dimension() != fields.objective().dimension()) {
            throw Require.fail("noise", "is " + noise.dimension() + "-D, the landscape " + fields.objective().dimension() + "-D");
        }
        FlowFields on = fields.requireExits();
        TransitionGraph graph = TransitionGraph.of(on.radii(), on.distances(), b);
        if (graph.maxJumpNumber() > ExitMeasureRd.MAX_JUMPS) {
            throw Require.fail("b", "= " + b + " needs J = " + graph.maxJumpNumber() + " jumps, above the supported "
                    + ExitMeasureRd.MAX_JUMPS + " of the multi-jump rates: raise b");
        }
        ExitMeasureRd m = ExitMeasureRd.of(on, noise.levyMeasure(), b);
        return new LandscapeAnalysis(on, graph, m, m.rates(samples, streams), noise.alpha());
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

    /** The 1-D basins. */
    public Basins basins() {
        if (basins == null) {
            throw new IllegalStateException("a d-D analysis has fields(), not 1-D basins");
        }
        return basins;
    }

    /** The d-D fields; null for a 1-D analysis. */
    public FlowFields fields() {
        return fields;
    }

    /** The d-D exit measure; null for a 1-D analysis. */
    public ExitMeasureRd exitMeasureRd() {
        return measureRd;
    }

    /** Warnings of the d-D search and rates (fields, graph, Monte Carlo); the graph's for 1-D. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (fields != null) {
            w.addAll(fields.warnings());
        }
        w.addAll(graph.warnings());
        if (measureRd != null) {
            w.addAll(measureRd.warnings());
        }
        return w;
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
        return MatrixCopy.deep(q);
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
        return predict(TimeScales.lambda(noise, eta), eta);
    }

    /** As {@link #predict(NoiseModel, double)} with lambda(eta) of a d-dimensional noise (the d-D analysis's). */
    public Prediction predict(VectorNoise noise, double eta) {
        return predict(TimeScales.lambda(noise, eta), eta);
    }

    private Prediction predict(double lambda, double eta) {
        double lambdaStar = TimeScales.scaleOf(lambda, eta, graph.maxJumpNumber());
        List<BasinPrediction> out = new ArrayList<>();
        for (int i = 0; i < q.length; i++) {
            int l = graph.jumpNumber(i);
            double c = exitRate(i);
            out.add(new BasinPrediction(i, l, c, c > 0 ? TimeScales.meanExitStepsOf(lambda, eta, c, l) : Double.POSITIVE_INFINITY,
                    TimeScales.slope(alpha, l), exitLocationLaw(i)));
        }
        return new Prediction(eta, lambda, lambdaStar, out);
    }
}
