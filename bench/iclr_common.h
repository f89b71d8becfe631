/*
 * What the C peers of htsgd's engines (iclr_sgd.c, iclr_sgd8.c) share, written once: the xoroshiro128++
 * generator, the stream seeding of dev.htsgd.sim.Streams.forReplication(seed, path) (SplitMix64 mix), the ICLR
 * 1-D derivative f' of dev.htsgd.landscape.Iclr1d, the run's settings and its timing and JSON line.
 */
#ifndef ICLR_COMMON_H
#define ICLR_COMMON_H
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
typedef struct { uint64_t s0, s1; } rng_t;
static inline uint64_t next(rng_t *r) {
    uint64_t s0 = r->s0, s1 = r->s1;
    uint64_t result = rotl(s0 + s1, 17) + s0;
    s1 ^= s0;
    r->s0 = rotl(s0, 49) ^ s1 ^ (s1 << 21);
    r->s1 = rotl(s1, 28);
    return result;
}
static uint64_t mix(uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

#ifdef QUARTIC
/* -DQUARTIC: the expr: landscape x^4/10 - x^2 of the issue-15 benchmark, its derivative written out, unbounded. */
static inline double dfdx(double x) { return 0.4 * x * x * x - 2 * x; }
#else
static inline double dfdx(double x) {
    double a = x + 1.3, bq = x - 0.2, c = x - 0.7;
    double q = a * bq * c;
    double dq = bq * c + a * c + a * bq;
    double e = (x + 1.6) * (x - 1.6);
    double p = e * q * q;
    double dp = 2 * x * q * q + e * 2 * q * dq;
    double g = pow(0.05 * fabs(1.65 - x), 0.6);
    double u = x - 0.5, du = 0.01 + 4 * u * u;
    double v = x + 1.5, dv = 0.1 + 4 * v * v;
    double w = x + 0.8, ew = exp(-5 * w * w);
    double s7 = 1 + 1 / du, s8 = 1 + 1 / dv, s9 = 1 - ew / 4;
    double ds7 = -8 * u / (du * du), ds8 = -8 * v / (dv * dv), ds9 = 2.5 * w * ew;
    double s = s7 * s8 * s9;
    double ds = ds7 * s8 * s9 + s7 * ds8 * s9 + s7 * s8 * ds9;
    return g * (dp * s + 0.6 * p * s / (x - 1.65) + p * ds);
}
#endif

/* The state of stream `path` under `seed`, as dev.htsgd.sim.Streams.forReplication(seed, path). */
static inline rng_t stream_for(uint64_t seed, uint64_t path) {
    rng_t r;
    uint64_t k = mix(mix(seed) + 0x9E3779B97F4A7C15ULL * (2 * path + 1));
    r.s0 = mix(k + 0x9E3779B97F4A7C15ULL);
    r.s1 = mix(k + 2 * 0x9E3779B97F4A7C15ULL);
    return r;
}

/* The fixed recursion of the benchmark (eta, alpha, c, domain) and the arguments STEPS PATHS [CLIP|none] [SEED]. */
typedef struct {
    long steps;
    int paths;
    uint64_t seed;
    double b;
} run_args;
#ifdef QUARTIC
static const double ETA = 0.001, ALPHA = 1.2, SCALE = 0.1, LO = -INFINITY, HI = INFINITY;
#else
static const double ETA = 0.001, ALPHA = 1.2, SCALE = 0.1, LO = -1.6, HI = 1.6;
#endif

static run_args parse_args(int argc, char **argv, int default_paths) {
    run_args a;
    a.steps = argc > 1 ? atol(argv[1]) : 10000000L;
    a.paths = argc > 2 ? atoi(argv[2]) : default_paths;
    a.seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 20220201ULL;
    a.b = (argc > 3 && strcmp(argv[3], "none") != 0) ? atof(argv[3]) : (argc > 3 ? INFINITY : 0.5);
    return a;
}

/* Wall and CPU clocks at the start of the timed loop. */
typedef struct { struct timespec wall, cpu; } clocks;
static clocks clocks_now(void) {
    clocks c;
    clock_gettime(CLOCK_MONOTONIC, &c.wall);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c.cpu);
    return c;
}

/* Prints the JSON line of a run of `total` steps since `t0`; `mean_final` keeps the work live. */
static void report(const char *impl, const run_args *a, clocks t0, double total, double mean_final) {
    clocks t1 = clocks_now();
    double sec = (t1.wall.tv_sec - t0.wall.tv_sec) + 1e-9 * (t1.wall.tv_nsec - t0.wall.tv_nsec);
    double cpu = (t1.cpu.tv_sec - t0.cpu.tv_sec) + 1e-9 * (t1.cpu.tv_nsec - t0.cpu.tv_nsec);
    printf("{\"impl\": \"%s\", \"steps\": %ld, \"paths\": %d, \"seconds\": %.4f, \"cpu_seconds\": %.4f, "
           "\"steps_per_second\": %.1f, \"steps_per_cpu_second\": %.1f, \"mean_final\": %.17g}\n",
           impl, a->steps, a->paths, sec, cpu, total / sec, total / cpu, mean_final);
}
#endif
