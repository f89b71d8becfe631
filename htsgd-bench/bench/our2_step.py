#!/usr/bin/python3
"""One Our 2 step of the paper's LeNet on FashionMNIST in plain PyTorch, the peer of Our2StepBench.

Same data (first 1,000 + 200 randomly relabelled training images, pixels in [-1, 1]), same batch sizes
(small 100, large given), same threads, same protocol (warm-up, then the best of `rounds` timed blocks).
Two loops: 'naive' forms g_SB and g_LB with two backward passes (what the paper's formula suggests), 'fused'
with one backward pass of the weighted loss over the concatenated batch (what htsgd does).
Usage: our2_step.py THREADS STEPS WARMUP ROUNDS LARGE [DATA_DIR]
       our2_step.py --serve THREADS LARGE [DATA_DIR]: a block server for paired.py (which alternates its blocks
       with Our2StepBench's): for each line "fused N" or "naive N" on stdin, run N steps of that loop and print
       "seconds gradient_seconds update_seconds"; an empty line or end of input stops it.
"""
import gzip, os, sys, time
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

serve = len(sys.argv) > 1 and sys.argv[1] == "--serve"
if serve:
    threads, large = int(sys.argv[2]), int(sys.argv[3])
    rest = sys.argv[4:]
else:
    threads, steps, warmup, rounds, large = (int(a) for a in sys.argv[1:6])
    rest = sys.argv[6:]
data = rest[0] if rest else os.environ.get("HTSGD_DATA_FASHION", "/usr/share/datasets/fashion-mnist")
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(1)
rng = np.random.default_rng(1)

with gzip.open(os.path.join(data, "train-images-idx3-ubyte.gz")) as f:
    imgs = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 1, 28, 28)[:1200]
with gzip.open(os.path.join(data, "train-labels-idx1-ubyte.gz")) as f:
    labels = np.frombuffer(f.read(), np.uint8, offset=8)[:1200].astype(np.int64).copy()
labels[1000:] = rng.integers(0, 10, 200)
x = torch.from_numpy((imgs.astype(np.float32) / 255 - 0.5) / 0.5)
y = torch.from_numpy(labels)

model = nn.Sequential(nn.Conv2d(1, 10, 5), nn.MaxPool2d(2), nn.ReLU(), nn.Conv2d(10, 10, 5), nn.MaxPool2d(2), nn.ReLU(),
                      nn.Flatten(), nn.Linear(160, 50), nn.ReLU(), nn.Linear(50, 10))
params = list(model.parameters())
assert sum(p.numel() for p in params) == 11330
eta, b, c, alpha = 0.05, 5.0, 0.5, 1.4

class Sampler:
    def __init__(self, n, batch):
        self.n, self.batch, self.order, self.cursor = n, batch, None, n
    def next(self):
        if self.n - self.cursor < self.batch:
            self.order, self.cursor = torch.from_numpy(rng.permutation(self.n)), 0
        out = self.order[self.cursor:self.cursor + self.batch]
        self.cursor += self.batch
        return out

small, big = Sampler(1200, 100), Sampler(1200, large)
timing = {"grad": 0.0, "update": 0.0}

def update(g):
    t = time.perf_counter()
    with torch.no_grad():
        norm = eta * torch.sqrt(sum((gi * gi).sum() for gi in g)).item()
        scale = min(1.0, b / norm) if norm > 0 else 1.0
        for p, gi in zip(params, g):
            p.sub_(gi, alpha=eta * scale)
    timing["update"] += time.perf_counter() - t

def naive_step():
    t = time.perf_counter()
    w = c * (rng.pareto(alpha) + 1.0)  # Pareto type I, scale 1
    sb, lb = small.next(), big.next()
    g_sb = torch.autograd.grad(F.cross_entropy(model(x[sb]), y[sb]), params)
    g_lb = torch.autograd.grad(F.cross_entropy(model(x[lb]), y[lb]), params)
    g = [gs + w * (gs - gl) for gs, gl in zip(g_sb, g_lb)]
    timing["grad"] += time.perf_counter() - t
    update(g)

def fused_step():
    t = time.perf_counter()
    w = c * (rng.pareto(alpha) + 1.0)
    sb, lb = small.next(), big.next()
    idx = torch.cat([sb, lb])
    weights = torch.cat([torch.full((100,), (1 + w) / 100), torch.full((large,), -w / large)])
    logp = F.log_softmax(model(x[idx]), dim=1)
    loss = -(logp.gather(1, y[idx].unsqueeze(1)).squeeze(1) * weights).sum()
    g = torch.autograd.grad(loss, params)
    timing["grad"] += time.perf_counter() - t
    update(g)

def serve_blocks():
    loops = {"naive": naive_step, "fused": fused_step}
    print("ready", flush=True)
    for line in sys.stdin:
        if not line.strip():
            break
        name, n = line.split()
        timing["grad"] = timing["update"] = 0.0
        t = time.perf_counter()
        for _ in range(int(n)):
            loops[name]()
        print(f"{time.perf_counter() - t:.6f} {timing['grad']:.6f} {timing['update']:.6f}", flush=True)

if serve:
    serve_blocks()
    sys.exit(0)

for name, step in (("naive", naive_step), ("fused", fused_step)):
    for _ in range(warmup):
        step()
    timing["grad"] = timing["update"] = 0.0
    best = 0.0
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(steps):
            step()
        best = max(best, steps / (time.perf_counter() - t))
    n = rounds * steps
    print(f"impl=pytorch-{name} threads={threads} large_batch={large} steps_per_second={best:.3f} "
          f"gradient_s_per_step={timing['grad'] / n:.5f} update_s_per_step={timing['update'] / n:.6f} "
          f"update_over_gradient={timing['update'] / timing['grad']:.4f} torch={torch.__version__}")
