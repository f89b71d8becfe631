package dev.htsgd.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A built-in experiment that adapts one study: its {@code --experiment} name, the settings it reads, and the one
 * driver-side check they share: no {@code --target}, and the study's settings of every distinct model built once,
 * so that bad input fails before any task runs.
 */
abstract class StudyKind implements SweepKind {

    /** The study's settings of a cell; building them validates the cell. */
    interface SettingsOf extends Serializable {
        Object of(Cell cell, SweepSettings settings);
    }

    private final String name;
    private final List<String> settingKeys;
    private final SettingsOf settingsOf;

    StudyKind(String name, SettingsOf settingsOf, String... settingKeys) {
        this.name = name;
        this.settingsOf = settingsOf;
        this.settingKeys = List.of(settingKeys);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> settingKeys() {
        return settingKeys;
    }

    @Override
    public void validate(SweepSpec spec) {
        KindSupport.noTargets(spec);
        for (Cell cell : distinctModels(spec)) {
            settingsOf.of(cell, spec.settings());
        }
    }

    /**
     * Auto on the driver: the vector engine when every distinct model's settings, with the engine auto, resolve to
     * it in this JVM (the rule of the local command: available, supported, at least K paths), else scalar; so that
     * the cells agree with the local command run where the driver runs.
     */
    @Override
    public dev.htsgd.dynamics.Engine engineForAuto(SweepSpec spec) {
        SweepSettings auto = spec.settings().withEngine("auto");
        for (Cell cell : distinctModels(spec)) {
            if (resolved(settingsOf.of(cell, auto)) != dev.htsgd.dynamics.Engine.VECTOR) {
                return dev.htsgd.dynamics.Engine.SCALAR;
            }
        }
        return dev.htsgd.dynamics.Engine.VECTOR;
    }

    /** The engine that the study's settings (engine auto) resolve to; scalar for a study without lanes. */
    dev.htsgd.dynamics.Engine resolved(Object studySettings) {
        return dev.htsgd.dynamics.Engine.SCALAR;
    }

    /** One cell per distinct model (seeds aside), to validate without building every cell. */
    static List<Cell> distinctModels(SweepSpec spec) {
        List<Cell> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Cell c : spec.cells()) {
            String k = c.landscape() + "|" + c.noise() + "|" + c.alpha() + "|" + c.scale() + "|" + c.clip() + "|" + c.eta();
            if (seen.add(k)) {
                out.add(c);
            }
        }
        return out;
    }
}
