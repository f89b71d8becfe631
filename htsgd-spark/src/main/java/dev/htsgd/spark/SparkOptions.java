package dev.htsgd.spark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a sweep talks to Spark beyond the master: the driver's address on the network, Spark properties passed
 * through as they are, and how much Spark logs.
 *
 * @param driverHost the address executors reach the driver at ({@code spark.driver.host} and
 *     {@code spark.driver.bindAddress}), or null for the default: on a cluster the local address that routes to
 *     the master (loopback for a loopback master), on a local master 127.0.0.1 ({@link DriverAddress})
 * @param conf Spark properties set before the defaults, in order (what {@code --conf key=value} gives)
 * @param verbose Spark logs at INFO instead of WARN ({@code spark.log.level}, unless {@code conf} sets it)
 */
public record SparkOptions(String driverHost, Map<String, String> conf, boolean verbose) {

    /** No driver address, no properties, WARN. */
    public static final SparkOptions DEFAULT = new SparkOptions(null, Map.of(), false);

    private static final Pattern KEY = Pattern.compile("spark\\.[A-Za-z0-9_.\\-]*[A-Za-z0-9_]");

    public SparkOptions {
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf == null ? Map.of() : conf));
    }

    /**
     * The options of {@code --driver-host} and the {@code --conf} pairs; a pair that is not
     * {@code spark.KEY=VALUE} is bad input naming {@code --conf}, a host that is not this machine's names
     * {@code --driver-host}.
     */
    public static SparkOptions of(String driverHost, List<String> conf, boolean verbose) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : conf == null ? List.<String>of() : conf) {
            int eq = pair == null ? -1 : pair.indexOf('=');
            String key = eq < 0 ? "" : pair.substring(0, eq).strip();
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("--conf must be KEY=VALUE with a Spark property as KEY "
                        + "(such as spark.executor.memory=2g), got '" + pair + "'");
            }
            m.put(key, pair.substring(eq + 1).strip());
        }
        return new SparkOptions(driverHost == null ? null : DriverAddress.check(driverHost, "--driver-host"), m, verbose);
    }

    /** The Spark log level these options ask for. */
    public String logLevel() {
        return verbose ? "INFO" : "WARN";
    }
}
