/*
 * The ceiling peer of the vector engine (issue 15): the recursion of iclr_sgd.c over 8 paths at once, written so
 * that gcc -O3 -march=native -ffast-math -fopenmp-simd vectorises the lane loop and calls glibc's vector exp/log/pow
 * (libmvec). Usage: iclr_sgd8 STEPS PATHS(multiple of 8) CLIP [SEED]
 */
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

#define LANES 8
int main(int argc, char **argv) {
    long steps = argc > 1 ? atol(argv[1]) : 10000000L;
    int paths = argc > 2 ? atoi(argv[2]) : LANES;
    uint64_t seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 20220201ULL;
    double b = (argc > 3 && strcmp(argv[3], "none") != 0) ? atof(argv[3]) : (argc > 3 ? INFINITY : 0.5);
    const double eta = 0.001, alpha = 1.2, scale = 0.1, lo = -1.6, hi = 1.6;
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    double sum = 0;
    for (int p0 = 0; p0 < paths; p0 += LANES) {
        uint64_t s0[LANES], s1[LANES];
        double x[LANES];
        for (int l = 0; l < LANES; l++) {
            uint64_t k = mix(mix(seed) + 0x9E3779B97F4A7C15ULL * (2 * (uint64_t) (p0 + l) + 1));
            s0[l] = mix(k + 0x9E3779B97F4A7C15ULL);
            s1[l] = mix(k + 2 * 0x9E3779B97F4A7C15ULL);
            x[l] = 0.3;
        }
        for (long j = 0; j < steps; j++) {
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
                double wp = scale * exp(log(vu) * (-1.0 / alpha));
                double z = (bits & 1) == 0 ? wp : -wp;
                double w = -eta * g + eta * z;
                w = w > b ? b : (w < -b ? -b : w);
                xl += w;
                x[l] = xl < lo ? lo : (xl > hi ? hi : xl);
            }
        }
        for (int l = 0; l < LANES; l++) sum += x[l];
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double sec = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
    double cpu = (c1.tv_sec - c0.tv_sec) + 1e-9 * (c1.tv_nsec - c0.tv_nsec);
    long total = steps * (long) ((paths + LANES - 1) / LANES * LANES);
    printf("{\"impl\": \"c-8lanes-ffast-math\", \"steps\": %ld, \"paths\": %d, \"seconds\": %.4f, \"cpu_seconds\": %.4f, "
           "\"steps_per_second\": %.1f, \"steps_per_cpu_second\": %.1f, \"mean_final\": %.17g}\n",
           steps, paths, sec, cpu, (double) total / sec, (double) total / cpu, sum / paths);
    return 0;
}
