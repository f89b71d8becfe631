package dev.htsgd.theory;

import dev.htsgd.landscape.Objective;
import java.util.List;

/**
 * The labelling of the attraction fields I_i of paper notes section 3 (step 2 of the method of {@link FlowFields}):
 * a point belongs to I_i when its projected gradient flow comes within the capture radius of m_i, or stalls on
 * the minimiser set i when that set is not a point; -1 when it settles at none.
 */
final class FieldLabels {

    private final Objective f;
    private final FlowRd flow;
    private final double[][] centres;
    private final double capture;
    private final double cell;
    private final List<FlowFields.MinimiserSet> sets;
    private final List<List<double[]>> members;
    private long flows;
    private int unlabelled;

    FieldLabels(Objective f, FlowRd flow, MinimiserSets minima, double capture, double cell) {
        this.f = f;
        this.flow = flow;
        this.centres = minima.centres;
        this.sets = minima.sets;
        this.members = minima.members;
        this.capture = capture;
        this.cell = cell;
    }

    /**
     * The field index of x (the minimiser set its flow settles in), or -1 when it settles at none. Synchronized:
     * the flow's scratch is shared, and a cached analysis may be asked from several threads.
     */
    synchronized int label(double[] x) {
        flows++;
        return labelOf(flow.toCentres(x, centres, capture));
    }


    private int labelOf(FlowRd.End e) {
        double[] p = e.point();
        int best = -1;
        double bd = Double.POSITIVE_INFINITY;
        for (int i = 0; i < centres.length; i++) {
            double dd = FlowRd.distance(p, centres[i]);
            if (dd < bd) {
                bd = dd;
                best = i;
            }
        }
        if (bd <= capture * (1 + 1e-6)) {
            return best;
        }
        // a flow that stalled on a minimiser set that is not a point
        for (int i = 0; i < centres.length; i++) {
            if (sets.get(i).isPoint()) {
                continue;
            }
            double fv = f.value(p);
            if (Math.abs(fv - sets.get(i).value()) <= 1e-7 * (1 + Math.abs(fv))) {
                for (double[] q : members.get(i)) {
                    if (FlowRd.distance(p, q) <= 2 * cell) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** The label of x, counting the points labelled -1 (for the warnings). */
    int labelCounted(double[] x) {
        int l = label(x);
        if (l < 0) {
            unlabelled++;
        }
        return l;
    }

    /** Labelling flows followed so far. */
    synchronized long flows() {
        return flows;
    }

    /** Points labelled -1 by {@link #labelCounted}. */
    int unlabelled() {
        return unlabelled;
    }
}
