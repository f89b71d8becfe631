package dev.htsgd.spark;

import dev.htsgd.study.OccupationStudy;
import dev.htsgd.dynamics.ClippedSgd;
import dev.htsgd.dynamics.Clipping;
import dev.htsgd.landscape.Domain;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.Objective;
import dev.htsgd.noise.NoiseModel;
import dev.htsgd.noise.Noises;
import dev.htsgd.theory.BasinMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine objects of one grid cell, built the way the local commands build them from the same options:
 * landscape ({@link Landscapes#of}), noise ({@link Noises#of}; isotropic with that radial law on 2-D
 * landscapes), attraction fields ({@link BasinMap#of}), start point ({@code --x0 X | min}) and the clipped
 * recursion ({@link ClippedSgd}) with eta and b.
 *
 * <p>Executors keep the models of recent cells (and, seeds aside, of their siblings) in a small cache,
 * because a 2-D basin map costs far more than a short replication.
 */
final class CellModel {

    private static final int CACHE = 64;
    private static final Map<String, CellModel> MODELS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CellModel> e) {
            return size() > CACHE;
        }
    };

    final Objective objective;
    final NoiseModel noise;
    final BasinMap basins;
    final double[] start;
    final ClippedSgd sgd;

    private CellModel(Objective objective, NoiseModel noise, BasinMap basins, double[] start, ClippedSgd sgd) {
        this.objective = objective;
        this.noise = noise;
        this.basins = basins;
        this.start = start;
        this.sgd = sgd;
    }

    /** The model of a cell (cached per JVM; the models are immutable and thread-safe). */
    static CellModel of(Cell cell, SweepSettings s) {
        String key = cell.landscape() + "|" + cell.noise() + "|" + cell.alpha() + "|" + cell.scale() + "|"
                + cell.clip() + "|" + cell.eta() + "|" + s.domain() + "|" + s.ball() + "|" + s.normalScale() + "|"
                + s.x0() + "|" + s.basin() + "|" + s.clipMode() + "|" + s.project();
        synchronized (MODELS) {
            CellModel m = MODELS.get(key);
            if (m != null) {
                return m;
            }
        }
        CellModel m = build(cell, s);
        synchronized (MODELS) {
            MODELS.put(key, m);
        }
        return m;
    }

    static CellModel build(Cell cell, SweepSettings s) {
        Objective f = Landscapes.of(cell.landscape(), domain(s));
        NoiseModel z = Noises.of(cell.noise(), cell.alpha(), cell.scale(), s.normalScale() == null ? 1.0 : s.normalScale());
        BasinMap basins = BasinMap.of(f);
        double[] start = basins.start(OccupationStudy.Settings.parseX0(s.x0()), s.basin());
        Clipping mode = cell.unclipped() ? Clipping.NONE : Clipping.parse(s.clipMode());
        return new CellModel(f, z, basins, start,
                ClippedSgd.of(f, z, cell.eta(), cell.clip(), mode, s.project(), start));
    }

    /** {@code --domain a,b} (1-D) or {@code --ball R} (centred at the origin), or null for the default. */
    static Domain domain(SweepSettings s) {
        return Domain.parse(s.domain(), s.ball()); // the local commands' parser and messages
    }
}
