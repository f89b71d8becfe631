package dev.htsgd.app;

import dev.htsgd.cli.Main;

/**
 * The Spark application entry point for {@code spark-submit}: the same options as {@code htsgd sweep}.
 *
 * <pre>
 * spark-submit --master yarn --class dev.htsgd.app.SweepApp htsgd-spark-app.jar --config sweep.yaml --out runs/s1
 * </pre>
 *
 * The master submitted with spark-submit is used unless {@code --master} is also given.
 */
public final class SweepApp {

    private SweepApp() {
    }

    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all);
        if (code != 0) {
            System.exit(code);
        }
    }
}
