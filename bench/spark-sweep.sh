#!/usr/bin/env bash
# Speed-up of `htsgd sweep` on local[2] over one thread, on an exit-time sweep (same tasks, same results).
#   bench/spark-sweep.sh [SAMPLES] [REPEATS]
# Runs the same exit-time sweep (iclr1d, Pareto alpha = 1.2, c = 0.1, b = 0.5 and none, eta = 0.002, 0.001,
# 0.0005; SAMPLES exit times per cell, one Spark task each) on local[1] and local[2], alternating, REPEATS
# times, and the local command `htsgd exit-times --threads 1` (no Spark) on the same grid as a second
# one-thread peer. Reports the best job time of each (Spark startup excluded: results.json tasks.seconds) and
# whole-process times, the speed-ups, and checks that local[1], local[2] and the local command agree exactly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SAMPLES="${1:-64}"
REPEATS="${2:-2}"
OUT="$(mktemp -d /tmp/htsgd-spark-bench.XXXXXX)"
GRID=(--landscape iclr1d --noise pareto --alpha 1.2 --scale 0.1 --basin 1 --samples "$SAMPLES" --max-steps 5e7)
ETAS=0.002,0.001,0.0005
"$ROOT/htsgd" --version >/dev/null                          # build the CLI outside the timings
"$ROOT/htsgd" sweep --eta 0.1 --samples 1 --quiet --out "$OUT/warm" >/dev/null   # and htsgd-spark
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
for r in $(seq 1 "$REPEATS"); do
  for m in 1 2; do
    s=$(date +%s.%N)
    "$ROOT/htsgd" sweep --experiment exit-times "${GRID[@]}" --clip 0.5,none --eta "$ETAS" --master "local[$m]" \
      --quiet --format json --out "$OUT/local$m-$r" > "$OUT/local$m-$r.json"
    echo "local[$m] run $r: process $(echo "$(date +%s.%N) - $s" | bc) s"
  done
  s=$(date +%s.%N)
  for b in 0.5 none; do
    "$ROOT/htsgd" exit-times "${GRID[@]}" --clip "$b" --etas "$ETAS" --threads 1 --quiet --format json > "$OUT/cmd-$b-$r.json"
  done
  echo "exit-times --threads 1 run $r: process $(echo "$(date +%s.%N) - $s" | bc) s"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT" "$REPEATS" <<'PY'
import json, sys
out, reps = sys.argv[1], int(sys.argv[2])
def load(p): return json.load(open(p))
best = {}
for m in (1, 2):
    runs = [load(f"{out}/local{m}-{r}.json") for r in range(1, reps + 1)]
    best[m] = min(x["tasks"]["seconds"] for x in runs)
    t = runs[0]["tasks"]
    print(f"local[{m}]: {t['total']} tasks, {runs[0]['total_steps']:.3e} steps, best job time {best[m]:.2f} s, "
          f"{t['total'] / best[m]:.1f} tasks/s, {runs[0]['total_steps'] / best[m]:.3e} steps/s")
a, b = load(f"{out}/local1-1.json"), load(f"{out}/local2-1.json")
assert a["groups"] == b["groups"], "local[1] and local[2] differ"
for g in b["groups"]:
    cmd = load(f"{out}/cmd-{g['clip']}-1.json")
    for p, q in zip(g["points"], cmd["points"]):
        for k in ("eta", "mean", "stderr", "samples", "censored"):
            assert p[k] == q[k], (k, p[k], q[k])
    assert g["slope"] == cmd["slope"] and g["slope_ci"] == cmd["slope_ci"]
print("results: local[1] == local[2] == htsgd exit-times --threads 1 (bit for bit)")
print(f"speed-up local[2] / local[1] (job time): {best[1] / best[2]:.2f}x")
PY
rm -rf "$OUT"
