package dev.htsgd.bench;

import dev.htsgd.dl.data.Dataset;
import dev.htsgd.dl.data.ImageSet;
import dev.htsgd.dl.model.Architecture;
import dev.htsgd.dl.model.Network;
import dev.htsgd.dl.sharpness.ExpectedSharpness;
import dev.htsgd.dl.sharpness.HessianOperator;
import dev.htsgd.dl.sharpness.HessianSpectrum;
import dev.htsgd.dl.sharpness.HessianTrace;
import dev.htsgd.dl.sharpness.HvpMethod;
import dev.htsgd.dl.sharpness.NetworkLoss;
import dev.htsgd.sim.Streams;
import java.util.Arrays;

/**
 * Whole-process timing of the curvature code on the paper's FashionMNIST setting (issue 8, "Must show"): LeNet
 * on 1,200 training images (1,000 clean + 200 with random labels).
 *
 * <ul>
 *   <li>cost of one exact Hessian-vector product (double back-propagation) against its named peer, one gradient
 *       of the same loss on the same data: gradients and products are timed alternately, {@code reps} of each,
 *       after a warm-up, and the ratio of the medians is reported;</li>
 *   <li>wall time of the top Hessian eigenvalue (Lanczos, default options), of the Hutchinson trace and of the
 *       paper's expected sharpness.</li>
 * </ul>
 *
 * Run (after {@code ./mvnw -q package -pl htsgd-bench -am -DskipTests}): {@code java -Dai.djl.offline=true -cp
 * 'htsgd-bench/target/htsgd-bench.jar:htsgd-bench/target/lib/*' dev.htsgd.bench.SharpnessTiming [reps] [traceSamples]}
 * (LeNet at its seeded initialisation). Uses the cores PyTorch sees; pin with {@code taskset -c 0,1} for 2 cores. Reports
 * wall times and the process CPU time (all threads), which a loaded machine inflates less.
 */
public final class SharpnessTiming {

    private SharpnessTiming() {
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int traceSamples = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        long seed = 20220201L;
        ImageSet all = Dataset.FASHION_MNIST.load(Dataset.FASHION_MNIST.locate(null, System.getenv()), true);
        ImageSet train = all.subset(1000, 200, Streams.provider(seed, 7));
        try (Network net = Network.create(Architecture.LENET, train, Streams.provider(seed, 1));
             NetworkLoss loss = NetworkLoss.of(net, train)) {
            double[] theta = loss.parameters();
            int d = theta.length;
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = Math.sin(i);
            }
            double[] out = new double[d];
            for (int i = 0; i < 3; i++) {
                loss.valueAndGradient(theta, out);
                loss.hessianVector(theta, v, out);
            }
            double cpu0 = cpuSeconds();
            long[] grad = new long[reps];
            long[] hvp = new long[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                loss.valueAndGradient(theta, out);
                long t1 = System.nanoTime();
                loss.hessianVector(theta, v, out);
                long t2 = System.nanoTime();
                grad[r] = t1 - t0;
                hvp[r] = t2 - t1;
            }
            double g = median(grad) / 1e6;
            double h = median(hvp) / 1e6;
            System.out.printf("lenet d=%d, n=%d images, cores=%d%n", d, train.size(), Runtime.getRuntime().availableProcessors());
            System.out.printf("gradient median %.1f ms, HVP median %.1f ms, ratio HVP/gradient %.2f (%d reps each; %.1f s process CPU)%n",
                    g, h, h / g, reps, cpuSeconds() - cpu0);

            long t0 = System.nanoTime();
            double c0 = cpuSeconds();
            var top = HessianSpectrum.top(HessianOperator.of(loss, theta, HvpMethod.EXACT), 1, HessianSpectrum.Options.defaults(seed));
            double topSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("top eigenvalue %.6g (residual %.2g, %d products, converged %b) in %.1f s wall, %.1f s process CPU%n",
                    top.top(), top.residuals()[0], top.products(), top.converged(), topSeconds, cpuSeconds() - c0);

            t0 = System.nanoTime();
            var tr = HessianTrace.hutchinson(HessianOperator.of(loss, theta, HvpMethod.EXACT), traceSamples, 0.95, seed);
            System.out.printf("Hutchinson trace %.6g, 95%% CI [%.6g, %.6g] (%d samples) in %.1f s%n", tr.trace(), tr.ciLow(),
                    tr.ciHigh(), traceSamples, (System.nanoTime() - t0) / 1e9);

            t0 = System.nanoTime();
            var es = ExpectedSharpness.paper(seed).estimate(loss, theta);
            System.out.printf("expected sharpness %.6g +- %.2g (delta 0.01, 100 draws) in %.1f s%n", es.value(),
                    es.standardError(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /** CPU time of the whole process (all threads, the engine's included), in seconds. */
    private static double cpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double median(long[] x) {
        long[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
