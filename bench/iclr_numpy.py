#!/usr/bin/env python3
"""numpy peer of htsgd's simulate on the ICLR 1-D test function, vectorised over the paths (the paper's
setting: 10 paths side by side). The same recursion as dev.htsgd.dynamics.ClippedSgd:
    X <- clip_[-1.6, 1.6]( X + clip_[-b, b]( -eta f'(X) + eta Z ) ),  Z = c U W,  W = V^(-1/alpha)
Noise is drawn in blocks of 4096 steps (one vectorised call per block), the derivative is the analytic one of
dev.htsgd.landscape.Iclr1d evaluated on the vector of paths each step.
Usage: iclr_numpy.py STEPS PATHS [CLIP|none]  -> one JSON line with steps (path-steps) per second.
"""
import json
import sys
import time

import numpy as np


def dfdx(x):
    a = x + 1.3
    bq = x - 0.2
    c = x - 0.7
    q = a * bq * c
    dq = bq * c + a * c + a * bq
    e = (x + 1.6) * (x - 1.6)
    p = e * q * q
    dp = 2 * x * q * q + e * 2 * q * dq
    g = (0.05 * np.abs(1.65 - x)) ** 0.6
    u = x - 0.5
    du = 0.01 + 4 * u * u
    v = x + 1.5
    dv = 0.1 + 4 * v * v
    w = x + 0.8
    ew = np.exp(-5 * w * w)
    s7 = 1 + 1 / du
    s8 = 1 + 1 / dv
    s9 = 1 - ew / 4
    ds7 = -8 * u / (du * du)
    ds8 = -8 * v / (dv * dv)
    ds9 = 2.5 * w * ew
    s = s7 * s8 * s9
    ds = ds7 * s8 * s9 + s7 * ds8 * s9 + s7 * s8 * ds9
    return g * (dp * s + 0.6 * p * s / (x - 1.65) + p * ds)


def main():
    steps = int(float(sys.argv[1])) if len(sys.argv) > 1 else 100000
    paths = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    b = float("inf") if len(sys.argv) > 3 and sys.argv[3] == "none" else (float(sys.argv[3]) if len(sys.argv) > 3 else 0.5)
    eta, alpha, scale = 0.001, 1.2, 0.1
    rng = np.random.default_rng(20220201)
    x = np.full(paths, 0.3)
    block = 4096
    t0 = time.perf_counter()
    c0 = time.process_time()
    done = 0
    while done < steps:
        n = min(block, steps - done)
        v = 1.0 - rng.random((n, paths))  # (0, 1]
        sign = np.where(rng.random((n, paths)) < 0.5, 1.0, -1.0)
        z = scale * sign * v ** (-1.0 / alpha)
        for j in range(n):
            w = -eta * dfdx(x) + eta * z[j]
            np.clip(w, -b, b, out=w)
            x = np.clip(x + w, -1.6, 1.6)
        done += n
    sec = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(json.dumps({"impl": "numpy", "numpy": np.__version__, "steps": steps, "paths": paths, "seconds": sec,
                      "cpu_seconds": cpu, "steps_per_second": steps * paths / sec,
                      "steps_per_cpu_second": steps * paths / cpu, "mean_final": float(x.mean())}))


if __name__ == "__main__":
    main()
