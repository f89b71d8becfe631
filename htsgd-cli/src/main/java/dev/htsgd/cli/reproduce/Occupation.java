package dev.htsgd.cli.reproduce;

import dev.htsgd.run.Checkpoint;
import dev.htsgd.run.Progress;
import dev.htsgd.sim.OccupationExperiment;
import dev.htsgd.sim.Replications;
import java.util.List;

/**
 * Runs the paths of an {@link OccupationExperiment} with one checkpoint entry per completed path and reduces
 * them in path order (so a resumed run gives the same numbers).
 */
final class Occupation {

    /** What is kept of one path. */
    record PathSummary(long steps, long[] inField, long[] nearMinimum, long[][] transitions, double[] trajectory,
            boolean diverged) {
    }

    /** Totals over paths. */
    record Totals(long steps, long[] inField, long[] nearMinimum, long[][] transitions, List<PathSummary> paths,
            int diverged) {

        double[] fractions() {
            return frac(inField);
        }

        double[] nearFractions() {
            return frac(nearMinimum);
        }

        private double[] frac(long[] c) {
            double[] f = new double[c.length];
            for (int i = 0; i < c.length; i++) {
                f[i] = steps == 0 ? 0 : (double) c[i] / steps;
            }
            return f;
        }
    }

    private Occupation() {
    }

    static Totals run(OccupationExperiment exp, int paths, int n, int threads, Checkpoint cp, String key, Progress p) {
        List<PathSummary> done = Replications.run(paths, threads, i -> {
            PathSummary s = cp.get(key + i, PathSummary.class);
            if (s == null) {
                OccupationExperiment.PathResult r = exp.runPath(i);
                s = new PathSummary(r.steps(), r.inField(), r.nearMinimum(), r.transitions(), r.trajectory(),
                        r.divergence() != null);
                if (!s.diverged()) {
                    cp.put(key + i, s);
                }
            }
            p.step();
            return s;
        });
        long steps = 0;
        long[] in = new long[n];
        long[] near = new long[n];
        long[][] tr = new long[n][n];
        int div = 0;
        for (PathSummary s : done) {
            steps += s.steps();
            div += s.diverged() ? 1 : 0;
            for (int i = 0; i < n; i++) {
                in[i] += s.inField()[i];
                near[i] += s.nearMinimum()[i];
                for (int j = 0; j < n; j++) {
                    tr[i][j] += s.transitions()[i][j];
                }
            }
        }
        return new Totals(steps, in, near, tr, done, div);
    }
}
