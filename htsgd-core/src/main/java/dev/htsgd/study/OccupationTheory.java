package dev.htsgd.study;

import dev.htsgd.dynamics.Clipping;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.FiniteHorizonOccupation;
import dev.htsgd.theory.JumpProcess;
import dev.htsgd.theory.LandscapeAnalysis;

/**
 * The theory beside an occupation run (paper notes section 4): the limiting jump process of the 1-D landscape,
 * the noise and b, its stationary law on V*_b and its finite-horizon occupation, where they apply.
 */
final class OccupationTheory {

    private OccupationTheory() {
    }

    static OccupationStudy.Prediction predict(OccupationStudy.Settings s, OccupationStudy.Model m, double[] fractions) {
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
}
