package dev.htsgd.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.htsgd.cli.option.OptionChecks;
import dev.htsgd.run.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lists wherever a single value is accepted (issue 16): {@code --eta 0.1,0.05} or {@code --etas 0.1,0.05}, and
 * {@code --seed 1,2} or {@code --seeds 1,2}, in every command. Each concept has two spellings, singular and plural:
 * <ul>
 *   <li>where the command declares a list option for the concept (exit-times and rare-event {@code --etas},
 *       sweep {@code --eta} and {@code --seeds}, reproduce {@code --etas}), the other spelling is rewritten to it,
 *       so both read the same grid;</li>
 *   <li>where it declares only a single value (simulate, analyze, train {@code --eta}; {@code --seed} of every
 *       command), a list runs the command once per value, or per combination when both concepts are lists, in
 *       that order. Each run is exactly the command line printed above its output (and stored as
 *       {@code command_line} in JSON), so any one of them can be re-run alone; with {@code --out DIR} run
 *       {@code i} writes {@code DIR/eta-E_seed-S}. JSON output is one object {@code {"command", "runs": [...]}}
 *       holding each run's own object unchanged.</li>
 * </ul>
 * Every value is checked (parsed as its option parses it) before the first run starts, so a bad value in the
 * middle of a list leaves nothing behind. An option of the command's own that shares a spelling but means
 * something else (reproduce's hidden {@code --seeds N}, the old name of {@code --replications}) passes through.
 */
final class ValueLists {

    /** A concept with its singular and plural option names. */
    private record Concept(String single, String plural, String label) {
    }

    private static final List<Concept> CONCEPTS = List.of(
            new Concept("--eta", "--etas", "eta"),
            new Concept("--seed", "--seeds", "seed"));

    private ValueLists() {
    }

    /** An occurrence of a concept's option on the line: the index of its name, and its value. */
    private record Occurrence(int index, boolean attached, String name, String value) {
    }

    /** A concept that runs the command once per value: its single option and the values. */
    private record Axis(Concept concept, String option, String typed, List<String> values) {
    }

    /**
     * Runs {@code args}, expanding the lists described above; {@code null} when there is nothing to expand (the
     * caller runs the line as it is, after {@link #rewrite}).
     */
    static Integer runExpanded(CommandLine cl, String[] args) {
        CommandLine command = command(cl, args);
        if (command == null || java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h")
                || a.equals("--version") || a.equals("-V"))) {
            return null;
        }
        List<Axis> axes = new ArrayList<>();
        String[] line = args.clone();
        Map<Integer, Integer> drop = new LinkedHashMap<>();
        for (Concept c : CONCEPTS) {
            List<Occurrence> occ = occurrences(line, c);
            if (occ.isEmpty()) {
                continue;
            }
            CommandSpec spec = command.getCommandSpec();
            OptionSpec single = spec.findOption(c.single());
            OptionSpec plural = spec.findOption(c.plural());
            OptionSpec list = single != null && single.isMultiValue() ? single
                    : plural != null && plural.isMultiValue() ? plural : null;
            if (list != null) {
                for (Occurrence o : occ) {
                    if (spec.findOption(o.name()) == null || (!spec.findOption(o.name()).isMultiValue() && o.value().contains(","))) {
                        rename(line, o, list.longestName());
                    }
                }
                continue;
            }
            OptionSpec target = single != null ? single : plural;
            if (target == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            List<Occurrence> mine = new ArrayList<>();
            for (Occurrence o : occ) {
                OptionSpec declared = spec.findOption(o.name());
                if (declared != null && declared != target) {
                    continue; // the command's own option of another meaning (reproduce's hidden --seeds N, a count)
                }
                mine.add(o);
                for (String v : o.value().split(",", -1)) {
                    values.add(v.strip());
                }
            }
            if (values.size() > 1 || mine.size() > 1) {
                axes.add(new Axis(c, target.longestName(), mine.get(0).name(), values));
                for (Occurrence o : mine) {
                    drop.put(o.index(), o.attached() ? 1 : 2);
                }
            } else {
                for (Occurrence o : mine) {
                    rename(line, o, target.longestName());
                }
            }
        }
        if (axes.isEmpty()) {
            System.arraycopy(line, 0, args, 0, args.length);
            return null;
        }
        return runEach(cl, command, strip(line, drop), axes);
    }

    private static int runEach(CommandLine cl, CommandLine command, List<String> base, List<Axis> axes) {
        String name = command.getCommandName();
        for (Axis a : axes) {
            check(base, a);
        }
        List<List<String>> combos = new ArrayList<>();
        combos.add(List.of());
        for (Axis a : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : combos) {
                for (String v : a.values()) {
                    List<String> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            combos = next;
        }
        PrintWriter out = cl.getOut();
        List<JsonNode> runs = new ArrayList<>();
        boolean json = false;
        int code = 0;
        for (List<String> combo : combos) {
            List<String> args = new ArrayList<>(base);
            StringBuilder label = new StringBuilder();
            for (int i = 0; i < axes.size(); i++) {
                args.add(axes.get(i).option());
                args.add(combo.get(i));
                label.append(i == 0 ? "" : "_").append(axes.get(i).concept().label()).append('-')
                        .append(combo.get(i).replaceAll("[^A-Za-z0-9.+-]", "_"));
            }
            subOut(args, label.toString());
            String commandLine = "htsgd " + dev.htsgd.cli.line.CommandLineText.join(args);
            CommandLine sub = Main.newCommandLine();
            StringWriter buffer = new StringWriter();
            sub.setOut(new PrintWriter(buffer));
            sub.setErr(cl.getErr());
            int c = Main.run(sub, args.toArray(String[]::new));
            code = Math.max(code, c);
            String text = buffer.toString();
            JsonNode node = parseObject(text);
            if (node != null) {
                json = true;
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.put("command_line", commandLine);
                o.setAll((ObjectNode) node);
                runs.add(o);
            } else {
                out.println("# " + commandLine);
                out.print(text);
                out.println();
                out.flush();
            }
        }
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("command", name);
            all.put("runs", runs);
            Json.print(out, all);
        }
        return code;
    }

    /** Each value parsed as the option parses it, and learning rates in (0, inf), before anything runs. */
    private static void check(List<String> base, Axis a) {
        for (String v : a.values()) {
            if (v.isEmpty()) {
                throw new IllegalArgumentException(a.typed() + " lists an empty value: give values separated by commas");
            }
            if (a.values().stream().filter(v::equals).count() > 1) {
                throw new IllegalArgumentException(a.typed() + " lists " + v + " twice: give each value once");
            }
            List<String> probe = new ArrayList<>(base);
            probe.add(a.option());
            probe.add(v);
            CommandLine.ParseResult parsed;
            try {
                parsed = Main.newCommandLine().parseArgs(probe.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                // named as typed: --seeds 1,x is read as --seed x, and the message says --seeds
                throw new IllegalArgumentException(e.getMessage().replace("'" + a.option() + "'", "'" + a.typed() + "'"), e);
            }
            while (parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            if (a.concept().label().equals("eta")) {
                OptionChecks.positive(a.typed(), ((Number) parsed.matchedOption(a.option()).getValue()).doubleValue());
            }
        }
    }

    /** The command the line chooses (the deepest subcommand named), or null for the root alone. */
    private static CommandLine command(CommandLine cl, String[] args) {
        CommandLine current = cl;
        for (String a : args) {
            CommandLine sub = current.getSubcommands().get(a);
            if (sub != null) {
                current = sub;
            }
        }
        return current == cl ? null : current;
    }

    private static List<Occurrence> occurrences(String[] args, Concept c) {
        List<Occurrence> found = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            for (String n : List.of(c.single(), c.plural())) {
                if (args[i].equals(n) && i + 1 < args.length) {
                    found.add(new Occurrence(i, false, n, args[i + 1]));
                } else if (args[i].startsWith(n + "=")) {
                    found.add(new Occurrence(i, true, n, args[i].substring(n.length() + 1)));
                }
            }
        }
        return found;
    }

    private static void rename(String[] line, Occurrence o, String to) {
        line[o.index()] = o.attached() ? to + "=" + o.value() : to;
    }

    /** The line without the options at {@code drop} (index of the name -> words it spans). */
    private static List<String> strip(String[] line, Map<Integer, Integer> drop) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < line.length; i++) {
            if (drop.containsKey(i)) {
                i += drop.get(i) - 1;
            } else {
                kept.add(line[i]);
            }
        }
        return kept;
    }

    /** {@code --out DIR} becomes {@code --out DIR/label}. */
    private static void subOut(List<String> args, String label) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--out") && i + 1 < args.size()) {
                args.set(i + 1, java.nio.file.Path.of(args.get(i + 1)).resolve(label).toString());
            } else if (args.get(i).startsWith("--out=")) {
                args.set(i, "--out=" + java.nio.file.Path.of(args.get(i).substring(6)).resolve(label));
            }
        }
    }

    private static JsonNode parseObject(String text) {
        String t = text.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonNode n = Json.MAPPER.readTree(t);
            return n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
