/*
 * Plain C reference loop of the truncated heavy-tailed SGD recursion on the ICLR 1-D test function
 * (the peer of htsgd's ClippedSgd in bench/engine-bench.sh):
 *   X <- Proj_[-1.6,1.6]( X + clamp(-eta f'(X) + eta Z, -b, b) ),  Z = c U W,  W = V^(-1/alpha)
 * with V uniform in (0,1] from the top 53 bits of one xoroshiro128++ output, W = pow(V, -1/alpha) as in
 * dev.htsgd.noise.ParetoNoise, the sign U from the lowest bit, f' the same analytic derivative as
 * dev.htsgd.landscape.Iclr1d, and the streams seeded as dev.htsgd.sim.Streams.forReplication(seed, path).
 * Usage: iclr_sgd STEPS PATHS [CLIP|none] [SEED] ; prints steps/s and the mean final state (to keep the work live).
 * Build: gcc -O3 -ffp-contract=off -o iclr_sgd iclr_sgd.c -lm   (no FMA contraction: the same arithmetic as Java)
 */
#include "iclr_common.h"

int main(int argc, char **argv) {
    run_args args = parse_args(argc, argv, 1);
    const double b = args.b;
    clocks t0 = clocks_now();
    double sum = 0;
    for (int p = 0; p < args.paths; p++) {
        rng_t r = stream_for(args.seed, (uint64_t) p);
        double x = 0.3;
        for (long j = 0; j < args.steps; j++) {
            double g = dfdx(x);
            uint64_t bits = next(&r);
            double vu = (double) ((bits >> 11) + 1) * 0x1.0p-53;
            double wp = SCALE * pow(vu, -1.0 / ALPHA);
            double z = (bits & 1) == 0 ? wp : -wp;
            double w = -ETA * g + ETA * z;
            w = w > b ? b : (w < -b ? -b : w);
            x += w;
            x = x < LO ? LO : (x > HI ? HI : x);
        }
        sum += x;
    }
    report("c-O3", &args, t0, (double) args.steps * args.paths, sum / args.paths);
    return 0;
}
