package dev.htsgd.readme;

import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.landscape.Iclr1d;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.ParetoNoise;
import dev.htsgd.sim.ExitTimeExperiment;
import dev.htsgd.sim.Region;
import dev.htsgd.theory.Basins;
import dev.htsgd.theory.LandscapeAnalysis;
import java.util.Arrays;

/**
 * The README's first program ("Using the library from Java"): analyse a landscape, then simulate the truncated
 * recursion and set the simulated exit times and exit locations beside the prediction. The code between the
 * README markers is the README's block, checked by {@link ReadmeSyncTest}; {@link ReadmeProgramsTest} runs it.
 */
public final class AnalyseLandscape {

    private AnalyseLandscape() {
    }

    /** The numbers the program prints. */
    public record Numbers(int[] jumpNumbers, int[] widest, double predictedMean, double simulatedMean,
                          double simulatedStderr, int exits, double[] predictedLocation, double[] simulatedLocation) {
    }

    public static Numbers run() {
        // README:analyse begin
        Iclr1d f = Iclr1d.of();                                 // the ICLR 1-D landscape on [-1.6, 1.6]
        NoiseModel z = ParetoNoise.of(1.2, 0.1);                // symmetric Pareto noise, alpha = 1.2
        double b = 0.5;                                         // truncation threshold
        double eta = 0.01;                                      // learning rate
        LandscapeAnalysis a = LandscapeAnalysis.of(f, z, b);
        Basins basins = a.basins();                             // m_i, s_i, I_i, r_i
        for (int i = 0; i < basins.size(); i++) {
            System.out.printf("basin %d: minimum %.3f, radius %.3f, l* = %d%n", i, basins.minimum(i),
                    basins.radii()[i], a.graph().jumpNumber(i));
        }
        System.out.println("widest minima V*_b: " + Arrays.toString(a.graph().widest()));

        int i = 1;                                              // simulate exits from basin 1
        LandscapeAnalysis.BasinPrediction p = a.predict(z, eta).basins().get(i);
        ClippedSgd sgd = ClippedSgd.builder().objective(f).noise(z).eta(eta).clip(b).x0(basins.minimum(i)).build();
        ExitTimeExperiment.Result r = ExitTimeExperiment.builder().sgd(sgd).field(Region.field(basins.field(i)))
                .samples(400).seed(1).maxSteps((long) (60 * p.meanExitSteps())).build().run(1);
        double[] where = new double[basins.size()];
        for (double[] x : r.exitLocations()) {
            where[basins.fieldOf(x[0])] += 1.0 / r.exits();
        }
        System.out.printf("mean exit steps: simulated %.4g +- %.2g, predicted %.4g (slope %.2f in 1/eta)%n",
                r.mean(), r.stderr(), p.meanExitSteps(), p.slope());
        System.out.println("exit to: simulated " + Arrays.toString(where) + ", predicted "
                + Arrays.toString(p.exitLocation()));
        // README:analyse end
        return new Numbers(a.graph().jumpNumbers(), a.graph().widest(), p.meanExitSteps(), r.mean(), r.stderr(),
                r.exits(), p.exitLocation(), where);
    }
}
