#!/usr/bin/python3
"""Paired benchmark of one Our 2 step: htsgd (Our2StepBench serve, fused and per-batch passes) against plain PyTorch
(our2_step.py --serve).

Both implementations run as block servers, started once and warmed up, and the driver alternates their blocks in
palindromic rounds (htsgd, htsgd per-batch, fused, naive, naive, fused, ...), so a load that drifts during a round weighs on all
of them alike. Per round, each implementation's time per step is its two blocks' total over their steps; the
figure is the per-round ratio (PyTorch time / htsgd time: above 1 means htsgd is faster), reported as the median
over rounds with its quartiles, so a noisy shared machine moves the spread rather than the ratio.
Usage: paired.py JAVA_CLASSPATH [THREADS=1] [STEPS=20] [ROUNDS=15] [LARGE=256] [WARMUP=30]
Prints one JSON object.
"""
import json, os, statistics, subprocess, sys, time

cp = sys.argv[1]
defaults = [1, 20, 15, 256, 30]
threads, steps, rounds, large, warmup = [int(a) for a in sys.argv[2:7]] + defaults[len(sys.argv[2:7]):]
here = os.path.dirname(os.path.abspath(__file__))


def start(cmd):
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    line = p.stdout.readline().strip()
    if line != "ready":
        p.kill()
        sys.exit(f"paired.py: {cmd[0]} did not start (said {line!r}); its errors are above")
    return p


def block(p, request):
    p.stdin.write(request + "\n")
    p.stdin.flush()
    line = p.stdout.readline()
    if not line:
        sys.exit(f"paired.py: a server stopped during '{request}'")
    return [float(v) for v in line.split()]


djl = start(["java", "-cp", cp, "dev.htsgd.bench.dl.Our2StepBench", "serve", str(threads), str(large), "fused"])
djl_split = start(["java", "-cp", cp, "dev.htsgd.bench.dl.Our2StepBench", "serve", str(threads), str(large), "per-batch"])
torch = start([os.environ.get("PYTHON", "/usr/bin/python3"), os.path.join(here, "our2_step.py"), "--serve", str(threads), str(large)])
# each implementation: its server and the request prefix before the step count
impls = {"htsgd": (djl, ""), "htsgd-per-batch": (djl_split, ""), "pytorch-fused": (torch, "fused "),
         "pytorch-naive": (torch, "naive ")}
for p, prefix in impls.values():  # warm-up, untimed
    block(p, f"{prefix}{warmup}")

order = ["htsgd", "htsgd-per-batch", "pytorch-fused", "pytorch-naive"]
per_round = {k: [] for k in order}
split = {k: [0.0, 0.0] for k in order}
t_start, load_start = time.time(), os.getloadavg()[0]
for r in range(rounds):
    acc = {k: 0.0 for k in order}
    for name in order + order[::-1]:
        p, prefix = impls[name]
        sec, grad, upd = block(p, f"{prefix}{steps}")
        acc[name] += sec
        split[name][0] += grad
        split[name][1] += upd
    for k in order:
        per_round[k].append(acc[k] / (2 * steps))
for p in (djl, djl_split, torch):
    p.stdin.write("\n")
    p.stdin.flush()
    p.wait()


def summary(xs):
    q = statistics.quantiles(xs, n=4) if len(xs) >= 2 else [xs[0]] * 3
    return {"median": statistics.median(xs), "q1": q[0], "q3": q[2], "min": min(xs), "max": max(xs)}


n = rounds * 2 * steps
out = {
    "bench": "our2-step-paired", "threads": threads, "large_batch": large, "steps_per_block": steps, "rounds": rounds,
    "load_average_start_end": [load_start, os.getloadavg()[0]], "seconds": time.time() - t_start,
    "seconds_per_step": {k: summary(v) for k, v in per_round.items()},
    "gradient_s_per_step": {k: split[k][0] / n for k in order},
    "update_s_per_step": {k: split[k][1] / n for k in order},
    "ratio_fused_over_htsgd": summary([f / h for f, h in zip(per_round["pytorch-fused"], per_round["htsgd"])]),
    "ratio_naive_over_htsgd": summary([f / h for f, h in zip(per_round["pytorch-naive"], per_round["htsgd"])]),
    "ratio_fused_over_htsgd_per_batch": summary([f / h for f, h in zip(per_round["pytorch-fused"], per_round["htsgd-per-batch"])]),
    "ratio_htsgd_over_htsgd_per_batch": summary([f / h for f, h in zip(per_round["htsgd"], per_round["htsgd-per-batch"])]),
}
print(json.dumps(out, indent=1))
