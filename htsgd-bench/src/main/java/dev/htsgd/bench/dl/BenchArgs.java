package dev.htsgd.bench.dl;

/** The command line of the DJL micro-benchmarks: positional whole numbers with defaults, and PyTorch's threads. */
final class BenchArgs {

    private BenchArgs() {
    }

    /** args[i] as an int, {@code fallback} when there are fewer arguments. */
    static int at(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    /** PyTorch with {@code threads} intra-op threads, one inter-op thread and no downloads (before DJL starts). */
    static void pytorch(int threads) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
    }
}
