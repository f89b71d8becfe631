package dev.htsgd.cli.reproduce;

import dev.htsgd.cli.report.Plot;
import dev.htsgd.cli.report.Plots;
import dev.htsgd.run.Progress;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.GaussianNoise;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.sim.BasinMap;
import dev.htsgd.sim.OccupationExperiment;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.JumpProcess;
import dev.htsgd.theory.LandscapeAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Experiment B (paper notes section 5.B, ICLR Fig. 2-3): long runs of the recursion on the ICLR test function
 * from X_0 = 0.3 with eta = 0.001 under four settings (heavy-tailed Pareto(1.2) noise with and without b = 0.5,
 * Gaussian noise with and without b = 0.5): histograms of visited locations, trajectories and the fraction of
 * time per basin, set beside the stationary law of the limiting jump process (which lives on the widest minima
 * V*_b when clipped, on all minima when not).
 */
public final class GlobalDynamicsTarget implements ReproduceTarget {

    static final double ETA = 0.001;
    static final double X0 = 0.3;
    static final double B = 0.5;
    /** Sharp (narrow) minima of the ICLR function: m_1 and m_3 (0-based 0 and 2). */
    static final int[] SHARP = {0, 2};

    record Setting(String label, NoiseModel noise, double b) {
    }

    @Override
    public String name() {
        return "global-dynamics";
    }

    @Override
    public String description() {
        return "Experiment B (ICLR Fig. 2-3): time per basin of the ICLR test function under heavy-tailed and "
                + "Gaussian noise, with and without b = 0.5, beside the limiting jump process.";
    }

    @Override
    public java.util.Set<String> options() {
        return java.util.Set.of("--steps", "--paths");
    }

    @Override
    public Map<String, Object> run(ReproduceContext ctx) {
        ReproduceOptions o = ctx.settings();
        Scale sc = ctx.scale();
        long steps = o.steps != null ? o.steps : sc.pick(10_000_000L, 10_000_000L, 20_000L);
        int paths = o.paths != null ? o.paths : sc.pick(10, 4, 2);
        Iclr1d f = Iclr1d.of();
        Basins basins = Basins.of(f);
        BasinMap map = BasinMap.of1D(basins);
        int n = basins.size();
        double[] minima = basins.minima();
        NoiseModel heavy = ParetoNoise.of(1.2, 0.1);
        NoiseModel gauss = GaussianNoise.of(1.0);
        List<Setting> settings = List.of(new Setting("heavy-tailed, unclipped", heavy, Double.POSITIVE_INFINITY),
                new Setting("heavy-tailed, b = 0.5", heavy, B), new Setting("Gaussian, unclipped", gauss, Double.POSITIVE_INFINITY),
                new Setting("Gaussian, b = 0.5", gauss, B));
        long thin = Math.max(1, steps / 2000);

        List<Map<String, Object>> out = new ArrayList<>();
        List<List<?>> rows = new ArrayList<>();
        List<String> histNames = new ArrayList<>();
        List<double[]> histData = new ArrayList<>();
        List<Plots.Series> trajSeries = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Progress p = ctx.progress("global-dynamics", (long) paths * settings.size())) {
            int k = 0;
            for (Setting s : settings) {
                ClippedSgd sgd = ClippedSgd.builder().objective(f).noise(s.noise()).eta(ETA).clip(s.b()).x0(X0).build();
                OccupationExperiment exp = OccupationExperiment.builder().sgd(sgd).basins(map).steps(steps).paths(paths)
                        .thin(thin).seed(dev.htsgd.sim.Streams.key(ctx.seed(), "global-dynamics", k)).build();
                Occupation.Totals t = Occupation.run(exp, paths, n, ctx.threads(), ctx.run().checkpoint(),
                        "global-dynamics/" + k + "/steps=" + steps + "/path=", p);
                k++;
                double[] frac = t.fractions();
                double[] near = t.nearFractions();
                double sharp = 0;
                for (int i : SHARP) {
                    sharp += frac[i];
                }
                JumpProcess jp = s.noise().isHeavyTailed() ? LandscapeAnalysis.of(basins, s.noise(), s.b()).process() : null;
                double[] theory = stationary(basins, jp);
                double[] horizon = finiteHorizon(basins, jp, s.noise(), map.fieldOf(X0), steps);
                long transitions = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        transitions += i == j ? 0 : t.transitions()[i][j];
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("setting", s.label());
                m.put("noise", s.noise().describe());
                m.put("b", Double.isInfinite(s.b()) ? "none" : (Object) s.b());
                m.put("fractions", frac);
                m.put("near_minimum_fractions", near);
                m.put("sharp_fraction", sharp);
                m.put("transitions", t.transitions());
                m.put("transition_count", transitions);
                m.put("diverged_paths", t.diverged());
                if (theory != null) {
                    m.put("limiting_stationary", theory);
                }
                if (horizon != null) {
                    m.put("limiting_over_horizon", horizon);
                }
                out.add(m);
                List<Object> row = new ArrayList<>();
                row.add(s.label());
                for (int i = 0; i < n; i++) {
                    row.add(frac[i]);
                }
                row.add(sharp);
                row.add(transitions);
                row.add(theory == null ? "no heavy-tailed limit (stays near its start)" : fmtVec(theory));
                row.add(horizon == null ? "" : fmtVec(horizon));
                rows.add(row);

                double[] all = t.paths().stream().flatMapToDouble(ps -> java.util.Arrays.stream(ps.trajectory())).toArray();
                histNames.add(s.label());
                histData.add(all);
                double[] traj = t.paths().get(0).trajectory();
                double[] xs = new double[traj.length];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = (i + 1.0) * thin;
                }
                trajSeries.add(Plots.Series.line(s.label(), xs, traj));
                ctx.log(String.format(Locale.ROOT, "global-dynamics %s: fractions %s", s.label(), fmtVec(frac)));
            }
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        List<String> header = new ArrayList<>();
        header.add("setting");
        for (int i = 0; i < n; i++) {
            header.add(String.format(Locale.ROOT, "time in I_%d (m%d = %.2f%s)", i + 1, i + 1, minima[i],
                    i == 0 || i == 2 ? ", sharp" : ", flat"));
        }
        header.add("time in sharp basins");
        header.add("transitions");
        header.add("limiting chain: stationary law on minima");
        header.add("limiting chain: mean occupation over the run's horizon from X_0");
        ctx.run().writeCsv("global-dynamics.csv", header, rows);

        Plot hist = Plots.histogram(ctx.run().plotsDir(), "global-dynamics-histogram",
                Plots.Axes.linear("Visited locations, heavy-tailed noise (all paths, thinned)", "x", "density"),
                histNames.subList(0, 2), histData.subList(0, 2), 160, -Iclr1d.L, Iclr1d.L);
        Plot histGauss = Plots.histogram(ctx.run().plotsDir(), "global-dynamics-histogram-gaussian",
                Plots.Axes.linear("Visited locations, Gaussian noise (all paths, thinned)", "x", "density"),
                histNames.subList(2, 4), histData.subList(2, 4), 160, -Iclr1d.L, Iclr1d.L);
        Plot traj = ctx.plot("global-dynamics-trajectories", Plots.Axes.linear("Sample trajectory (path 0, thinned)", "step", "x"),
                trajSeries);
        List<Plots.Series> fs = new ArrayList<>();
        double[] idx = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = minima[i];
        }
        for (Map<String, Object> m : out) {
            fs.add(new Plots.Series((String) m.get("setting"), idx, (double[]) m.get("fractions"), Plots.Style.LINE_MARKERS));
        }
        Plot fr = ctx.plot("global-dynamics-fractions", Plots.Axes.linear("Fraction of time per basin", "minimum m_i", "fraction"), fs);

        ctx.report().heading("B. Global dynamics (ICLR Fig. 2-3)")
                .paragraph("ICLR test function on [-1.6, 1.6], eta = " + ETA + ", X_0 = " + X0 + ", " + paths + " paths x "
                        + steps + " steps per setting; heavy-tailed noise " + heavy.describe() + ", Gaussian noise "
                        + gauss.describe() + ". Expected: unclipped heavy tails visit all four minima; clipped heavy tails "
                        + "almost never sit in the sharp m1, m3; Gaussian noise stays in its starting basin (I_3 here).")
                .table("Fraction of time per attraction field", header, rows)
                .paragraph("The stationary law is the long-run limit; the last column is what the limiting chain predicts "
                        + "for runs of this length started from X_0 (time T = steps x lambda*_b(eta) in the chain's units), "
                        + "the fairer comparison when the chain moves only a few times per run.")
                .plot(hist, "Histogram of visited locations under heavy-tailed noise: unclipped it visits all four minima, "
                        + "clipped it stays around the flat m2 and m4")
                .plot(histGauss, "Histogram under Gaussian noise: it stays in the basin it starts in")
                .plot(traj, "Trajectories")
                .plot(fr, "Fraction of time per basin, by setting")
                .paragraph(String.format(Locale.ROOT, "Simulation time %.1f s.", seconds));

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("minima", minima);
        r.put("settings", out);
        r.put("steps", steps);
        r.put("paths", paths);
        r.put("seconds", seconds);
        return r;
    }

    /** Stationary law of the limiting chain, on all minima (0 off V*_b); null for light-tailed noise or a reducible G_b. */
    static double[] stationary(Basins basins, JumpProcess jp) {
        if (jp == null || !jp.irreducible()) {
            return null;
        }
        JumpProcess.ClassChain c = jp.chain();
        double[] st = c.stationary();
        if (st == null) {
            return null;
        }
        double[] all = new double[basins.size()];
        int[] w = c.widest();
        for (int i = 0; i < w.length; i++) {
            all[w[i]] = st[i];
        }
        return all;
    }

    /**
     * Expected fraction of time per minimum of the limiting chain Y over the run's horizon, started from
     * theta_b(. | m_start) (the law in which the chain enters V*_b from X_0's basin): (1/T) int_0^T P(Y_t = j) dt
     * with T = steps x lambda*_b(eta), by explicit Euler on the generator with 20,000 steps (the chain is small
     * and T moderate, so the error is far below the sampling error). Null when there is no heavy-tailed limit or
     * G_b is reducible.
     */
    static double[] finiteHorizon(Basins basins, JumpProcess jp, NoiseModel noise, int start, long steps) {
        if (jp == null || !jp.irreducible()) {
            return null;
        }
        JumpProcess.ClassChain c = jp.chain();
        int[] states = c.states();
        int[] w = c.widest();
        double[][] q = c.generator();
        double[][] theta = c.theta();
        int k = -1;
        for (int i = 0; i < states.length; i++) {
            if (states[i] == start) {
                k = i;
            }
        }
        if (k < 0) {
            return null;
        }
        double t = steps * dev.htsgd.theory.TimeScales.scale(noise, ETA, c.jumpNumber());
        double[] occ = meanOccupation(theta[k], q, t);
        double[] all = new double[basins.size()];
        for (int i = 0; i < w.length; i++) {
            all[w[i]] = occ[i];
        }
        return all;
    }

    /**
     * (1/T) int_0^T p(t) dt for p' = p Q, p(0) = p0: explicit Euler with at least 20,000 steps and
     * dt max_i |Q(i,i)| &lt;= 0.5.
     */
    static double[] meanOccupation(double[] p0, double[][] q, double t) {
        double maxRate = 0;
        for (int i = 0; i < q.length; i++) {
            maxRate = Math.max(maxRate, -q[i][i]);
        }
        int nSteps = (int) Math.min(5_000_000, Math.max(20_000, Math.ceil(2 * maxRate * t)));
        double dt = t / nSteps;
        double[] p = p0.clone();
        double[] occ = new double[p.length];
        double[] next = new double[p.length];
        for (int step = 0; step < nSteps; step++) {
            for (int j = 0; j < p.length; j++) {
                // trapezoid in time for the integral
                occ[j] += 0.5 * p[j] * dt;
            }
            for (int j = 0; j < p.length; j++) {
                double v = p[j];
                for (int i = 0; i < p.length; i++) {
                    v += p[i] * q[i][j] * dt;
                }
                next[j] = v;
            }
            System.arraycopy(next, 0, p, 0, p.length);
            for (int j = 0; j < p.length; j++) {
                occ[j] += 0.5 * p[j] * dt;
            }
        }
        for (int j = 0; j < occ.length; j++) {
            occ[j] /= t;
        }
        return occ;
    }

    static String fmtVec(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", v[i]));
        }
        return sb.append(']').toString();
    }

    @Override
    public List<String> summary(Map<String, Object> results) {
        List<String> lines = new ArrayList<>();
        lines.add("global-dynamics: fraction of time per basin (m1..m4) and in the sharp basins m1+m3");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ss = (List<Map<String, Object>>) results.get("settings");
        for (Map<String, Object> s : ss) {
            lines.add(String.format(Locale.ROOT, "  %-24s %s sharp %.4f", s.get("setting"), fmtVec((double[]) s.get("fractions")),
                    (double) s.get("sharp_fraction")));
        }
        return lines;
    }
}
