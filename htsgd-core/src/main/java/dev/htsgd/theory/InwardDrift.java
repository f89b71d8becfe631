package dev.htsgd.theory;

import dev.htsgd.landscape.Objective;
import java.util.List;
import java.util.Locale;

/**
 * The inward-drift check of paper notes section 3 (step 4 of the method of {@link FlowFields}): under
 * (x - m_i) . grad f(x) &gt;= 0 on the ball B(m_i, r_i), J_i = ceil(r_i / b) is the least number of clipped jumps
 * that leave I_i; it is checked at m_i + t u, t = k r_i / 8 (k = 1..7), along every searched direction u.
 */
final class InwardDrift {

    private InwardDrift() {
    }

    /** The check of field i (centre m, radius r); a violation adds a warning. */
    static FlowFields.Drift check(Objective f, int i, double[] m, double r, List<double[]> dirs, List<String> warnings) {
        if (!Double.isFinite(r)) {
            return new FlowFields.Drift(0, 0, 1);
        }
        double[] g = new double[m.length];
        int checked = 0;
        int bad = 0;
        double worst = 1;
        for (double[] u : dirs) {
            for (int k = 1; k <= 7; k++) {
                double[] x = RaySearch.along(m, u, r * k / 8);
                if (!f.domain().contains(x)) {
                    continue;
                }
                f.gradient(x, g);
                double gn = 0;
                double dot = 0;
                for (int c = 0; c < g.length; c++) {
                    gn += g[c] * g[c];
                    dot += (x[c] - m[c]) * g[c];
                }
                double cos = gn > 0 ? dot / (Math.sqrt(gn) * r * k / 8) : 1;
                checked++;
                worst = Math.min(worst, cos);
                if (cos < -1e-9) {
                    bad++;
                }
            }
        }
        if (bad > 0) {
            warnings.add("inward drift fails in field " + i + ": at " + bad + " of " + checked + " points of the ball"
                    + " B(m_" + i + ", r_" + i + ") the flow moves away from m_" + i + " (least cosine "
                    + String.format(Locale.ROOT, "%.3f", worst) + "): J = ceil(r/b) and l*(i,j) are then upper bounds on"
                    + " the least number of jumps, and the multi-jump rates' restriction to long jumps may miss paths");
        }
        return new FlowFields.Drift(checked, bad, worst);
    }
}
