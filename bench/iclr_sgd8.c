/*
 * The ceiling peer of the vector engine (issue 15): the recursion of iclr_sgd.c over 8 paths at once, written so
 * that gcc -O3 -march=native -ffast-math -fopenmp-simd vectorises the lane loop and calls glibc's vector exp/log/pow
 * (libmvec). Usage: iclr_sgd8 STEPS PATHS(multiple of 8) CLIP [SEED]
 */
#include "iclr_common.h"

#define LANES 8
int main(int argc, char **argv) {
    run_args args = parse_args(argc, argv, LANES);
    const double b = args.b;
    clocks t0 = clocks_now();
    double sum = 0;
    for (int p0 = 0; p0 < args.paths; p0 += LANES) {
        uint64_t s0[LANES], s1[LANES];
        double x[LANES];
        for (int l = 0; l < LANES; l++) {
            rng_t r = stream_for(args.seed, (uint64_t) (p0 + l));
            s0[l] = r.s0;
            s1[l] = r.s1;
            x[l] = 0.3;
        }
        for (long j = 0; j < args.steps; j++) {
#pragma omp simd
            for (int l = 0; l < LANES; l++) {
                double xl = x[l];
                double g = dfdx(xl);
                uint64_t a = s0[l], c = s1[l];
                uint64_t bits = rotl(a + c, 17) + a;
                c ^= a;
                s0[l] = rotl(a, 49) ^ c ^ (c << 21);
                s1[l] = rotl(c, 28);
                double vu = (double) ((bits >> 11) + 1) * 0x1.0p-53;
                double wp = SCALE * exp(log(vu) * (-1.0 / ALPHA));
                double z = (bits & 1) == 0 ? wp : -wp;
                double w = -ETA * g + ETA * z;
                w = w > b ? b : (w < -b ? -b : w);
                xl += w;
                x[l] = xl < LO ? LO : (xl > HI ? HI : xl);
            }
        }
        for (int l = 0; l < LANES; l++) sum += x[l];
    }
    long total = args.steps * (long) ((args.paths + LANES - 1) / LANES * LANES);
    report("c-8lanes-ffast-math", &args, t0, (double) total, sum / args.paths);
    return 0;
}
