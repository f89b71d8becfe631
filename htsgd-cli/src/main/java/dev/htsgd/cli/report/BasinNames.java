package dev.htsgd.cli.report;

/**
 * How minima and attraction fields are named for a reader (issue 16: one convention, stated). The command line and
 * every JSON array number the basins from 0 ({@code --basin 1}, {@code fractions[1]}); the report keeps the papers'
 * names m_1, m_2, ... and I_1, I_2, ..., so that its captions read as the papers do, and writes the command-line
 * index beside each one: "I_2 (basin 1)". {@link #CONVENTION} is the sentence every report opens with.
 */
public final class BasinNames {

    /** The convention, as the report states it under its title. */
    public static final String CONVENTION = "Minima and their attraction fields are named as in the papers, m1, m2, ... "
            + "and I_1, I_2, ...; the command line and the JSON number them from 0, written beside each name: "
            + "I_2 (basin 1) is --basin 1 and entry 1 of fractions.";

    private BasinNames() {
    }

    /** The paper's name of minimum {@code i} (0-based): m1 for 0. */
    public static String minimum(int i) {
        return "m" + (i + 1);
    }

    /** The paper's name of field {@code i} with its command-line index: "I_2 (basin 1)". */
    public static String field(int i) {
        return "I_" + (i + 1) + " (basin " + i + ")";
    }
}
