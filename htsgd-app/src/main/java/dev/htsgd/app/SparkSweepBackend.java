package dev.htsgd.app;

import dev.htsgd.cli.command.SweepCommand;
import dev.htsgd.run.Json;
import dev.htsgd.spark.SparkOptions;
import dev.htsgd.spark.SparkSweep;
import dev.htsgd.spark.SweepGrid;
import dev.htsgd.spark.SweepRequest;
import dev.htsgd.spark.SweepResult;
import dev.htsgd.spark.SweepSettings;
import dev.htsgd.spark.SweepSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code htsgd sweep} runner (registered for {@link SweepCommand.Backend} in META-INF/services): a thin
 * adapter that turns the parsed command into a {@link SweepRequest}, runs it with {@link SparkSweep#run} and
 * prints the result (JSON with {@code --format json}, else the summary and the run directory).
 */
public final class SparkSweepBackend implements SweepCommand.Backend {

    /** The application jar for the executors of a cluster, beside this module's jar. */
    static final String APP_JAR = "htsgd-spark-app.jar";

    @Override
    public int run(SweepCommand cmd) throws Exception {
        SweepResult result = SparkSweep.run(requestOf(cmd));
        PrintWriter stdout = cmd.spec.commandLine().getOut();
        if (cmd.common.json()) {
            Json.print(stdout, result.results());
        } else {
            stdout.println(result.text());
            stdout.flush();
        }
        return 0;
    }

    /** The request the options describe; the spec is checked here, the rest by {@link SparkSweep#run}. */
    public static SweepRequest requestOf(SweepCommand cmd) {
        SparkOptions spark = SparkOptions.of(cmd.driverHost, cmd.conf, cmd.common.verbose);
        return new SweepRequest(specOf(cmd), cmd.common.out, cmd.run.mode(), cmd.master, cmd.common.threads,
                cmd.partitions, cmd.common.quiet, appJar(), spark);
    }

    /** The spec the options describe. */
    public static SweepSpec specOf(SweepCommand cmd) {
        List<Double> clips = cmd.clip.stream().map(SweepGrid::parseClip).toList();
        List<Double> etas = cmd.eta.stream().map(SweepGrid::parseEta).toList();
        SweepGrid grid = SweepGrid.of(cmd.target, cmd.landscape, cmd.noise, cmd.alpha, cmd.scale, clips, etas,
                cmd.seedList());
        SweepSettings settings = SweepSettings.of(cmd.domain, cmd.ball, cmd.normalScale, cmd.start.x0, cmd.start.basin,
                cmd.samples, cmd.maxSteps, cmd.steps, cmd.paths, cmd.batch, cmd.event.level, cmd.event.horizon,
                cmd.clipMode, cmd.project, cmd.event.method, cmd.size, cmd.engine.requested().cliName());
        return SweepSpec.of(cmd.experiment, grid, settings);
    }

    /**
     * {@code htsgd-spark-app.jar} beside the jar this class was loaded from ({@code ./mvnw -Papp -pl htsgd-app -am
     * package} builds it in htsgd-app/target), or null.
     */
    static Path appJar() {
        try {
            Path here = Path.of(SparkSweepBackend.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path app = here.getParent().resolve(APP_JAR);
            return Files.isRegularFile(app) ? app : null;
        } catch (Exception e) {
            return null;
        }
    }
}
