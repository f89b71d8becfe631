package dev.htsgd.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the htsgd command line in-process for tests: {exit code, stdout, stderr}. Public for htsgd-app's tests. */
public final class CliRun {

    private CliRun() {
    }

    /** Parses a command's JSON output. */
    public static com.fasterxml.jackson.databind.JsonNode json(String s) throws java.io.IOException {
        return dev.htsgd.run.Json.MAPPER.readTree(s);
    }

    /** Runs a command that must succeed (exit code 0, else fails with its stderr) and parses its JSON output. */
    public static com.fasterxml.jackson.databind.JsonNode runJson(String... args) throws java.io.IOException {
        String[] r = run(args);
        if (!"0".equals(r[0])) {
            throw new AssertionError("exit code " + r[0] + " of " + String.join(" ", args) + ": " + r[2]);
        }
        return json(r[1]);
    }

    /**
     * Runs {@code args} on {@code engine} ({@code --engine scalar} or {@code --engine vector} appended, the calling
     * test skipped for vector where the lanes are unavailable): {exit code, stdout, stderr}.
     */
    public static String[] runOn(String engine, String... args) {
        org.assertj.core.api.Assumptions.assumeThat(engine.equals("scalar") || dev.htsgd.dynamics.LaneEngine.available())
                .as("the vector engine is available").isTrue();
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of(args));
        a.addAll(java.util.List.of("--engine", engine));
        return run(a.toArray(String[]::new));
    }

    public static String[] run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = Main.run(cl, args); // as the htsgd command runs: --config applied
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }
}
