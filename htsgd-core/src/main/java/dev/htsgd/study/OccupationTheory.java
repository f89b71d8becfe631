package dev.htsgd.study;

import dev.htsgd.dynamics.Clipping;
import dev.htsgd.theory.BasinMap;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.FiniteHorizonOccupation;
import dev.htsgd.theory.JumpProcess;
import dev.htsgd.theory.LandscapeAnalysis;

/**
 * The theory beside an occupation run (paper notes section 4): the limiting jump process of the landscape (1-D,
 * or d-D through {@link dev.htsgd.theory.FlowFields} with the run's isotropic noise),
 * the noise and b, its stationary law on V*_b and its finite-horizon occupation, where they apply.
 */
final class OccupationTheory {

    private OccupationTheory() {
    }

    static OccupationStudy.Prediction predict(OccupationStudy.Settings s, OccupationStudy.Model m, double[] fractions) {
        if (m.basins() instanceof BasinMap.FlowGrid grid) {
            return predictMultiD(s, m, grid, fractions);
        }
        if (!(m.basins() instanceof Basins map) || !map.hasExits()) {
            return OccupationStudy.Prediction.none(m.basins() instanceof Basins
                    ? "one minimum: nothing to move between"
                    : "the limiting jump process is derived for 1-D landscapes");
        }
        if (!m.noise().isHeavyTailed() || !(m.noise().alpha() > 1)) {
            return OccupationStudy.Prediction.none("no heavy-tailed limit (light tails or alpha <= 1): the path stays near its start");
        }
        if (m.sgd().clipping() == Clipping.GRADIENT_ONLY) {
            return OccupationStudy.Prediction.none("gradient-only truncation: the theory truncates the whole update");
        }
        JumpProcess jp;
        try {
            jp = LandscapeAnalysis.of(map, m.noise(), m.sgd().b()).process();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return OccupationStudy.Prediction.none("no limiting process: " + e.getMessage());
        }
        if (!jp.irreducible()) {
            return OccupationStudy.Prediction.none("G_b is reducible: each communication class has its own chain");
        }
        double[] stationary = jp.stationaryOverMinima(); // over all minima, zero off the widest
        double[] horizon = FiniteHorizonOccupation.predict(jp, m.noise(), s.eta(), map.fieldOf(m.sgd().x0()), s.steps());
        return OccupationStudy.Prediction.of(fractions, stationary, horizon, null);
    }

    /**
     * The limiting jump process of a d-D landscape beside a run ({@link MultiDAnalyses}), its laws carried over
     * from the fields' order to the grid's by the grid's label of each minimiser.
     */
    private static OccupationStudy.Prediction predictMultiD(OccupationStudy.Settings s, OccupationStudy.Model m,
                                                            BasinMap.FlowGrid grid, double[] fractions) {
        if (!m.noise().isHeavyTailed() || !(m.noise().alpha() > 1)) {
            return OccupationStudy.Prediction.none("no heavy-tailed limit (light tails or alpha <= 1): the path stays near its start");
        }
        if (m.sgd().clipping() == Clipping.GRADIENT_ONLY) {
            return OccupationStudy.Prediction.none("gradient-only truncation: the theory truncates the whole update");
        }
        Object cached = MultiDAnalyses.of(m.objective(), m.sgd().vectorNoise(), m.sgd().b());
        if (cached instanceof String why) {
            return OccupationStudy.Prediction.none(why);
        }
        LandscapeAnalysis a = (LandscapeAnalysis) cached;
        JumpProcess jp = a.process();
        if (!jp.irreducible()) {
            return OccupationStudy.Prediction.none("G_b is reducible: each communication class has its own chain");
        }
        if (a.fields().size() != grid.size()) {
            return OccupationStudy.Prediction.none("the flow fields find " + a.fields().size() + " minima, the grid " + grid.size());
        }
        int[] toGrid = MultiDAnalyses.toGrid(a, grid);
        int start = a.fields().label(m.sgd().x0());
        if (start < 0) {
            return OccupationStudy.Prediction.none("the start's gradient flow settles at no minimum");
        }
        double[] stationary = remap(jp.stationaryOverMinima(), toGrid);
        double[] horizon = remap(FiniteHorizonOccupation.predict(jp, m.noise(), s.eta(), start, s.steps()), toGrid);
        return OccupationStudy.Prediction.of(fractions, stationary, horizon, MultiDAnalyses.note());
    }

    private static double[] remap(double[] v, int[] to) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[to[i]] += v[i];
        }
        return out;
    }
}
