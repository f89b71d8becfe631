package dev.htsgd.dl.sharpness;

import dev.htsgd.sim.Streams;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The spectrum of the Hessian H = nabla^2 L(theta) of the training loss, through Hessian-vector products only
 * (the quantities PyHessian computes): the top-k eigenvalues by the Lanczos method, the spectral density by
 * stochastic Lanczos quadrature, and per-layer top eigenvalues and traces (diagonal blocks of H).
 *
 * <p><b>Top eigenvalues.</b> Lanczos with full re-orthogonalisation from a seeded Rademacher start vector; it stops
 * when each of the k largest Ritz values theta_i has residual |H y_i - theta_i y_i| &lt;= tolerance max(|theta_1|,
 * tiny). For a symmetric H each such theta_i lies within its residual of an eigenvalue of H, so the reported values
 * carry a relative error of at most the tolerance (usually far less: the error is about residual^2 / gap). The
 * eigenvalues are the algebraically largest ("top"), as in PyHessian. A single start vector sees each distinct
 * eigenvalue once: an exactly repeated eigenvalue (which trained networks do not have generically) shows up with
 * its multiplicity only once the Krylov space is exhausted.
 */
public final class HessianSpectrum {

    private HessianSpectrum() {
    }

    /**
     * Options of the Lanczos iteration.
     *
     * @param maxIterations most operator products (and stored basis vectors of d doubles), &gt;= 1
     * @param tolerance     relative residual at which a Ritz value counts as converged, in (0, 1)
     * @param seed          seed of the start vector
     */
    public record Options(int maxIterations, double tolerance, long seed) {
        /** Default number of iterations. */
        public static final int DEFAULT_MAX_ITERATIONS = 100;
        /** Default relative residual. */
        public static final double DEFAULT_TOLERANCE = 1e-4;

        public Options {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
            }
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
            }
        }

        /** 100 iterations, relative residual 1e-4. */
        public static Options defaults(long seed) {
            return new Options(DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, seed);
        }
    }

    /**
     * The k largest eigenvalues found.
     *
     * @param values    eigenvalue estimates, decreasing
     * @param residuals residual norm of each Ritz pair (each value is within it of an eigenvalue of H)
     * @param products  Hessian-vector products used
     * @param converged whether all k met the tolerance (or the Krylov space became the whole space)
     */
    public record TopEigenvalues(double[] values, double[] residuals, int products, boolean converged) {
        /** The largest eigenvalue lambda_max. */
        public double top() {
            return values[0];
        }

        /** The values as a list (for JSON). */
        public List<Double> list() {
            List<Double> out = new ArrayList<>();
            for (double v : values) {
                out.add(v);
            }
            return out;
        }
    }

    /** The k largest eigenvalues of {@code op} (k &lt;= dimension). */
    public static TopEigenvalues top(HessianOperator op, int k, Options options) {
        int d = op.dimension();
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("k must be in [1, " + d + "], got " + k);
        }
        UniformRandomProvider rng = Streams.provider(options.seed(), 0);
        double[] start = new double[d];
        for (int i = 0; i < d; i++) {
            start[i] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        Lanczos lanczos = new Lanczos(op, start, Math.max(options.maxIterations(), k), rng);
        Lanczos.Ritz ritz = null;
        boolean converged = false;
        while (lanczos.canStep()) {
            lanczos.step();
            int m = lanczos.steps();
            if (m < k) {
                continue;
            }
            boolean check = m <= 60 || m % 5 == 0 || !lanczos.canStep();
            if (!check) {
                continue;
            }
            ritz = lanczos.ritz();
            if (lanczos.exhausted()) {
                converged = true;
                break;
            }
            double scale = Math.max(Math.abs(ritz.values()[0]), Double.MIN_NORMAL);
            converged = true;
            for (int i = 0; i < k; i++) {
                if (ritz.residuals()[i] > options.tolerance() * scale) {
                    converged = false;
                    break;
                }
            }
            if (converged) {
                break;
            }
        }
        if (ritz == null || ritz.values().length < k) {
            ritz = lanczos.ritz();
        }
        double[] values = new double[k];
        double[] residuals = new double[k];
        System.arraycopy(ritz.values(), 0, values, 0, k);
        System.arraycopy(ritz.residuals(), 0, residuals, 0, k);
        return new TopEigenvalues(values, residuals, lanczos.steps(), converged);
    }

    /**
     * The spectral density of {@code op} by stochastic Lanczos quadrature (Lin, Saad and Yang 2016; Ghorbani et
     * al. 2019): for each of {@code vectors} seeded Rademacher vectors z_l (normalised), {@code steps} Lanczos steps
     * give a Gauss quadrature {nodes theta_lk, weights tau_lk^2} of the measure sum_i (q_i' z_l)^2 delta(t -
     * lambda_i); averaging over l and scaling by d estimates the eigenvalue-counting measure, which has total mass
     * d (the dimension). Vector l uses stream {@code Streams.provider(seed, l)}.
     */
    public static SpectralDensity density(HessianOperator op, int vectors, int steps, long seed) {
        int d = op.dimension();
        if (vectors < 1) {
            throw new IllegalArgumentException("vectors must be >= 1, got " + vectors);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        List<double[]> nodes = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        int total = 0;
        for (int l = 0; l < vectors; l++) {
            UniformRandomProvider rng = Streams.provider(seed, l);
            double[] z = new double[d];
            for (int i = 0; i < d; i++) {
                z[i] = rng.nextBoolean() ? 1.0 : -1.0;
            }
            Lanczos lanczos = new Lanczos(op, z, steps, rng);
            while (lanczos.canStep()) {
                lanczos.step();
                if (lanczos.lastBeta() == 0) {
                    break; // invariant subspace: the quadrature is exact
                }
            }
            Lanczos.Ritz ritz = lanczos.ritz();
            double[] w = ritz.weights().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= (double) d / vectors;
            }
            nodes.add(ritz.values());
            weights.add(w);
            total += w.length;
        }
        double[] allNodes = new double[total];
        double[] allWeights = new double[total];
        int at = 0;
        for (int l = 0; l < nodes.size(); l++) {
            System.arraycopy(nodes.get(l), 0, allNodes, at, nodes.get(l).length);
            System.arraycopy(weights.get(l), 0, allWeights, at, weights.get(l).length);
            at += nodes.get(l).length;
        }
        return new SpectralDensity(allNodes, allWeights, d);
    }

    /**
     * Curvature of one layer: the top eigenvalue and trace of its diagonal block H[S, S] (the other parameters
     * held fixed).
     *
     * @param layer       the layer's name
     * @param size        its number of parameters
     * @param top         largest eigenvalue of the block
     * @param trace       Hutchinson estimate of the block's trace, with its confidence interval
     */
    public record LayerCurvature(String layer, int size, TopEigenvalues top, HessianTrace.Estimate trace) {
    }

    /**
     * Per-layer values for the layers of {@code layout}: for each, the top eigenvalue (Lanczos) and the trace
     * (Hutchinson with {@code traceSamples} samples, or exact when the layer has at most that many parameters).
     */
    public static List<LayerCurvature> perLayer(HessianOperator op, ParameterLayout layout, Options options, int traceSamples) {
        if (layout.dimension() != op.dimension()) {
            throw new IllegalArgumentException("layout has dimension " + layout.dimension() + " but the operator has "
                    + op.dimension());
        }
        List<LayerCurvature> out = new ArrayList<>();
        for (ParameterLayout.Layer layer : layout.layers()) {
            HessianOperator block = op.block(layer.offset(), layer.size());
            TopEigenvalues top = top(block, 1, options);
            HessianTrace.Estimate trace = layer.size() <= traceSamples
                    ? HessianTrace.exact(block)
                    : HessianTrace.hutchinson(block, traceSamples, 0.95, options.seed());
            out.add(new LayerCurvature(layer.name(), layer.size(), top, trace));
        }
        return out;
    }
}
