package dev.htsgd.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One local[2] Spark context shared by all tests of the module (starting one costs about 2 s), with up to 3
 * attempts per task so that retry tests can fail a first attempt. Stopped when the test JVM exits. Public for
 * htsgd-app's tests (the test-jar of this module).
 */
public final class TestSpark {

    private static JavaSparkContext context;

    private TestSpark() {
    }

    public static synchronized JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = SparkSweep.defaults(new SparkConf(), "local[2,3]", "htsgd-spark tests");
            context = new JavaSparkContext(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
        }
        return context;
    }
}
