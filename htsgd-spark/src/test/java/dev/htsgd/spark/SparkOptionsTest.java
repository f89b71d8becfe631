package dev.htsgd.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkOptions} and {@link DriverAddress}: --conf pairs are spark.KEY=VALUE (values may hold '='), the
 * driver of a loopback master listens on loopback, an explicit --driver-host wins, and a yarn master leaves Spark's
 * choice alone.
 */
class SparkOptionsTest {

    /** A vector-engine sweep on a cluster gives the executors the launcher's options, read from one file. */
    @Test
    void theExecutorsGetTheLaunchersVectorEngineOptions() {
        assertThat(SparkSweep.vectorEngineOptions()).startsWith("--add-modules=jdk.incubator.vector "
                + "-XX:CompileCommand=quiet -XX:CompileCommand=dontinline,dev.htsgd.dynamics.LanePasses::* ")
                .contains(" -XX:CompileCommand=CompileThresholdScaling,dev.htsgd.dynamics.Lane*::*,0.05 ")
                .doesNotContain("\n");
    }

    @Test
    void confPairsKeepTheirOrderAndValuesMayHoldEquals() {
        SparkOptions o = SparkOptions.of(null, List.of("spark.executor.memory=2g",
                "spark.executor.extraJavaOptions=-Da=b -Dc=d"), true);
        assertThat(o.conf()).containsExactly(Map.entry("spark.executor.memory", "2g"),
                Map.entry("spark.executor.extraJavaOptions", "-Da=b -Dc=d"));
        assertThat(o.logLevel()).isEqualTo("INFO");
        assertThat(SparkOptions.DEFAULT.logLevel()).isEqualTo("WARN");
        for (String bad : new String[] {"spark.x", "=1", "x=1", "spark.=1", " =1"}) {
            assertThatThrownBy(() -> SparkOptions.of(null, List.of(bad), false)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--conf must be KEY=VALUE with a Spark property as KEY (such as spark.executor.memory=2g), got '"
                            + bad + "'");
        }
    }

    @Test
    void theDriverOfALoopbackMasterListensOnLoopbackAndAnExplicitHostWins() {
        assertThat(DriverAddress.routeTo("spark://127.0.0.1:7077")).isEqualTo("127.0.0.1");
        assertThat(DriverAddress.routeTo("spark://localhost:7077,localhost:7078")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(DriverAddress.routeTo("yarn")).isNull();
        assertThat(DriverAddress.check("127.0.0.1", "--driver-host")).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> DriverAddress.check("0.0.0.0", "--driver-host"))
                .hasMessage("--driver-host must be a host name or IP address of this machine that the executors can reach, "
                        + "got '0.0.0.0' (a wildcard address)");

        SparkConf conf = new SparkConf(false);
        SparkSweep.driverAddress(conf, "spark://127.0.0.1:7077", null);
        assertThat(conf.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(conf.get("spark.driver.bindAddress")).isEqualTo("127.0.0.1");
        SparkConf given = new SparkConf(false).set("spark.driver.host", "10.0.0.1");
        SparkSweep.driverAddress(given, "spark://127.0.0.1:7077", null);
        assertThat(given.get("spark.driver.host")).as("the configuration's own").isEqualTo("10.0.0.1");
        SparkSweep.driverAddress(given, "spark://127.0.0.1:7077", "127.0.0.1");
        assertThat(given.get("spark.driver.host")).as("--driver-host").isEqualTo("127.0.0.1");
        SparkConf yarn = new SparkConf(false);
        SparkSweep.driverAddress(yarn, "yarn", null);
        assertThat(yarn.contains("spark.driver.host")).isFalse();
    }
}
