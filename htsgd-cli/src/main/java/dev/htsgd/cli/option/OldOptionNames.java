package dev.htsgd.cli.option;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The old names of renamed options (issue 16: one name per concept), in one table: an old name still sets its new
 * option, on the command line and as a {@code --config} key, and is hidden from {@code --help}. Installed on every
 * command line by {@link dev.htsgd.cli.Main#newCommandLine()}; a rename is one more row here.
 *
 * <p>A renamed option has no {@code defaultValue}: picocli applies a default after parsing and would overwrite
 * what the old name set, so its default is the field's initial value, written out in its description.
 */
public final class OldOptionNames {

    /** {@code --old} of {@code command} sets {@code --renamed}. */
    record Renamed(String command, String old, String renamed) {
    }

    static final List<Renamed> ALL = List.of(
            // from before --scale meant only the noise scale c
            new Renamed("reproduce", "--scale", "--size"),
            new Renamed("demo", "--scale", "--size"),
            // from before --seeds meant only a list of seeds
            new Renamed("reproduce", "--seeds", "--replications"),
            new Renamed("reproduce", "--sb-noise-seeds", "--sb-noise-replications"),
            // from before --batch meant only train's minibatch
            new Renamed("rare-event", "--batch", "--task-paths"),
            new Renamed("sweep", "--batch", "--task-paths"),
            // from before --method meant only train's method
            new Renamed("rare-event", "--method", "--estimator"),
            new Renamed("sweep", "--method", "--estimator"),
            // from before --epsilon meant only simulate's neighbourhood radius
            new Renamed("sharpness", "--epsilon", "--box"));

    private OldOptionNames() {
    }

    /** Adds each old name to its command of {@code root} as a hidden option that sets the new one. */
    public static void install(CommandLine root) {
        for (Renamed r : ALL) {
            CommandSpec command = root.getSubcommands().get(r.command()).getCommandSpec();
            OptionSpec renamed = command.findOption(r.renamed());
            OldName binding = new OldName(renamed);
            command.addOption(OptionSpec.builder(r.old())
                    .hidden(true)
                    .paramLabel(renamed.paramLabel())
                    .type(renamed.type())
                    .auxiliaryTypes(renamed.auxiliaryTypes())
                    .arity(renamed.arity())
                    // nothing to reset before a parse: the new option's field keeps its own initial value
                    .hasInitialValue(false)
                    .setter(binding)
                    .getter(binding)
                    .build());
        }
    }

    /**
     * The old name's value: what was given under it (null when it was not used, so the run's config.yaml records
     * it only then), passed on to the new option.
     */
    private static final class OldName implements ISetter, IGetter {
        private final OptionSpec renamed;
        private Object given;

        OldName(OptionSpec renamed) {
            this.renamed = renamed;
        }

        @Override
        public <T> T set(T value) {
            @SuppressWarnings("unchecked")
            T previous = (T) given;
            given = value;
            renamed.setValue(value);
            return previous;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) given;
        }
    }
}
