package dev.htsgd.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.htsgd.landscape.Landscapes;
import dev.htsgd.landscape.Objective;
import dev.htsgd.landscape.Objective1D;
import dev.htsgd.noise.Noises;
import dev.htsgd.sim.Streams;
import dev.htsgd.sim.rare.ImportanceSampling;
import dev.htsgd.sim.rare.JumpNoise;
import dev.htsgd.sim.rare.RareEventEstimate;
import dev.htsgd.sim.rare.RareEventExperiment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --experiment rare-event}: the probability that the recursion started at {@code --x0} reaches
 * {@code --level} within {@code --horizon} steps (default floor(1/eta); paper notes section 5, experiment C,
 * LD Table 2.1), by large-jump importance sampling ({@code --method is}) or plain Monte Carlo ({@code mc}),
 * with the normal 95% interval, exactly as {@code htsgd rare-event} computes it ({@link RareEventExperiment}).
 *
 * <p>Paths come in blocks of {@link RareEventExperiment#BLOCK}; a task runs {@code --batch} paths' worth of
 * consecutive blocks and returns each block's sums. Streams follow the local command: with seed S, the cell
 * whose eta is at position k of the eta list uses seed S + 1000003 k (as {@code htsgd rare-event --seed S
 * --clip B --etas ...} does for its k-th eta), path r stream r of it, and a cell's estimate reduces its blocks
 * in block order through {@link RareEventExperiment#run}, so it equals the local command's bit for bit.
 */
final class RareEventKind implements SweepKind {

    private static final double[] NOT_HERE = new double[5];

    @Override
    public String name() {
        return "rare-event";
    }

    @Override
    public List<String> settingKeys() {
        return List.of("normal-scale", "x0", "samples", "batch", "level", "horizon", "method");
    }

    @Override
    public void validate(SweepSpec spec) {
        KindSupport.noTargets(spec);
        for (Cell cell : ExitTimesKind.distinctModels(spec)) {
            experiment(cell, spec.settings());
        }
    }

    static int blocks(SweepSettings s) {
        return (int) ((s.samples() + RareEventExperiment.BLOCK - 1) / RareEventExperiment.BLOCK);
    }

    static int blocksPerTask(SweepSettings s) {
        return (int) Math.max(1, (s.batch() + RareEventExperiment.BLOCK - 1) / RareEventExperiment.BLOCK);
    }

    @Override
    public int tasks(Cell cell, SweepSettings s) {
        return (blocks(s) + blocksPerTask(s) - 1) / blocksPerTask(s);
    }

    @Override
    public double cost(Cell cell, SweepSettings s) {
        return horizon(cell, s);
    }

    static long horizon(Cell cell, SweepSettings s) {
        return s.horizon() > 0 ? s.horizon() : RareEventExperiment.horizonOf(cell.eta());
    }

    static RareEventExperiment experiment(Cell cell, SweepSettings s) {
        Objective o = Landscapes.of(cell.landscape());
        if (!(o instanceof Objective1D f)) {
            throw new IllegalArgumentException("--landscape must be one-dimensional for rare-event, got " + cell.landscape());
        }
        double x0;
        try {
            x0 = Double.parseDouble(s.x0());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--x0 must be a number for rare-event, got '" + s.x0() + "'");
        }
        JumpNoise noise = JumpNoise.from(Noises.of(cell.noise(), cell.alpha(), cell.scale(),
                s.normalScale() == null ? 1.0 : s.normalScale()));
        return RareEventExperiment.of(f, noise, cell.eta(), cell.clip(), x0, s.level(), horizon(cell, s));
    }

    /** The seed of a cell's paths, as the local command derives it for its k-th eta. */
    static long seed(SweepSpec spec, Cell cell) {
        int k = cell.index() % spec.grid().etas().size();
        return Streams.key(cell.seed(), RareEventExperiment.STUDY, k);
    }

    @Override
    public Worker worker(SweepSpec spec) {
        return (cell, r) -> {
            SweepSettings s = spec.settings();
            RareEventExperiment e = experiment(cell, s);
            ImportanceSampling is = s.method().equals("is") ? e.defaultSampler() : null;
            int from = r * blocksPerTask(s);
            int to = Math.min(blocks(s), from + blocksPerTask(s));
            double[][] sums = new double[to - from][];
            // run() skips the blocks its store already has: hand it all blocks but ours, keep ours as they complete
            e.run((long) to * RareEventExperiment.BLOCK, seed(spec, cell), 1, is, new RareEventExperiment.BlockStore() {
                @Override
                public double[] get(int index) {
                    return index < from ? NOT_HERE : null;
                }

                @Override
                public void put(int index, double[] block) {
                    sums[index - from] = block.clone();
                }
            }, n -> { });
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("first_block", from);
            m.put("blocks", sums);
            return KindSupport.json(m);
        };
    }

    /** The estimate of a cell from its stored blocks, reduced by the local code in block order. */
    static RareEventEstimate estimate(SweepSpec spec, Cell cell, Map<TaskKey, String> results) {
        SweepSettings s = spec.settings();
        Map<Integer, double[]> blocks = new HashMap<>();
        int tasks = (blocks(s) + blocksPerTask(s) - 1) / blocksPerTask(s);
        for (int r = 0; r < tasks; r++) {
            String json = results.get(TaskKey.of(cell.index(), r));
            if (json == null) {
                throw new IllegalStateException("task " + TaskKey.of(cell.index(), r).id() + " has no stored result");
            }
            JsonNode n = KindSupport.read(json);
            int first = n.get("first_block").asInt();
            JsonNode bl = n.get("blocks");
            for (int i = 0; i < bl.size(); i++) {
                double[] v = new double[bl.get(i).size()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = bl.get(i).get(j).asDouble();
                }
                blocks.put(first + i, v);
            }
        }
        RareEventExperiment e = experiment(cell, s);
        ImportanceSampling is = s.method().equals("is") ? e.defaultSampler() : null;
        return e.run(s.samples(), seed(spec, cell), 1, is, new RareEventExperiment.BlockStore() {
            @Override
            public double[] get(int index) {
                double[] v = blocks.get(index);
                if (v == null) {
                    throw new IllegalStateException("block " + index + " of cell " + cell.id() + " is missing");
                }
                return v;
            }

            @Override
            public void put(int index, double[] sums) {
            }
        }, n -> { });
    }

    @Override
    public SweepOutcome aggregate(SweepSpec spec, Map<TaskKey, String> results) {
        List<Map<String, Object>> groups = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        long totalSteps = 0;
        for (List<Cell> group : KindSupport.groupsAlongEta(spec)) {
            Map<String, Object> g = KindSupport.groupKey(group.get(0));
            List<Map<String, Object>> points = new ArrayList<>();
            for (Cell cell : group) {
                RareEventEstimate x = estimate(spec, cell, results);
                totalSteps += x.steps();
                Map<String, Object> p = x.asMap();
                points.add(p);
                Map<String, Object> row = new LinkedHashMap<>(cell.describe());
                row.putAll(p);
                rows.add(row);
                table.append(String.format(Locale.ROOT, "%-40s eta=%-10.4g P=%.4e [%.4e, %.4e] (%s, %d paths)%n",
                        ExitTimesKind.label(cell), cell.eta(), x.estimate(), x.ciLow(), x.ciHigh(), x.method(), x.samples()));
            }
            g.put("points", points);
            groups.add(g);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_steps", totalSteps);
        out.put("groups", groups);
        return new SweepOutcome(out, Map.of("rare_event.csv", rows), table.toString().stripTrailing());
    }
}
