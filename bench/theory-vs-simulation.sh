#!/usr/bin/env bash
# Theory against simulation on iclr1d (alpha = 1.2, Pareto noise scale 0.1), basin I_2 (index 1): the full version
# of htsgd-core's TheoryVsSimulationTest, through the command line. Prints the numbers of issue #5's "Must show".
# Usage: bench/theory-vs-simulation.sh [OUT_DIR] [SAMPLES_UNCLIPPED] [SAMPLES_CLIPPED]   (about 2-5 minutes on 2 cores)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-/tmp/htsgd-theory-vs-simulation}"
NU="${2:-1000}"
NC="${3:-200}"
H="$ROOT/htsgd"
mkdir -p "$OUT"
COMMON=(--landscape iclr1d --noise pareto --alpha 1.2 --scale 0.1 --quiet)
"$H" analyze "${COMMON[@]}" --clip none --format json > "$OUT/analyze-none.json"
"$H" analyze "${COMMON[@]}" --clip 0.5 --format json > "$OUT/analyze-0.5.json"
ETAS=0.1,0.03,0.01,0.003,0.001
"$H" exit-times "${COMMON[@]}" --basin 1 --clip none --etas "$ETAS" --samples "$NU" --format json \
    --out "$OUT/exit-none" --force > "$OUT/exit-none.json"
"$H" exit-times "${COMMON[@]}" --basin 1 --clip 0.5 --etas "$ETAS" --samples "$NC" --format json \
    --out "$OUT/exit-0.5" --force > "$OUT/exit-0.5.json"
for ETA in 0.03 0.01 0.003; do
  STEPS=$(python3 -c "print(int(8e6 * (0.01 / $ETA) ** 1.2))")
  "$H" simulate "${COMMON[@]}" --clip none --eta "$ETA" --x0 0.3 --steps "$STEPS" --paths 8 --format json > "$OUT/occupation-$ETA.json"
done
python3 - "$OUT" <<'PY'
import csv, json, math, sys
import numpy as np
from scipy import stats
out = sys.argv[1]
for clip in ("none", "0.5"):
    a = json.load(open(f"{out}/analyze-{clip}.json"))
    e = json.load(open(f"{out}/exit-{clip}.json"))
    l = a["jumps"][1]
    pred_slope = a["predicted_slopes"][1]
    print(f"clip {clip}: l* = {l}, C* = {a['exit_rates'][1]:.6g}, predicted slope {pred_slope}")
    etas = [p["eta"] for p in e["points"]]
    for p in e["points"]:
        print(f"  eta {p['eta']:<7g} mean {p['mean']:.5g} +- {p['stderr']:.3g} (n = {p['samples']}, censored {p['censored']})")
    print(f"  fitted slope {e['slope']:.4f}, 95% CI {e['slope_ci']}, |slope - predicted| = {abs(e['slope'] - pred_slope):.4f}")
    # KS of the scaled exit times at the smallest eta against Exp(1)
    eta = min(etas)
    lam = eta ** -1 * (1 / (eta * 0.1)) ** -1.2
    scale = a["exit_rates"][1] * eta * lam ** l
    rows = list(csv.DictReader(open(f"{out}/exit-{clip}/exit-times.csv")))
    t = np.array([float(r["steps"]) for r in rows if float(r["eta"]) == eta and r["censored"] == "false"])
    ks = stats.kstest(t * scale, "expon")
    print(f"  eta {eta}: scaled exit times mean {np.mean(t * scale):.4f}, KS D = {ks.statistic:.4f}, p = {ks.pvalue:.3f} (n = {len(t)})")
    # exit locations vs q(1, j) / q(1)
    law = a["exit_location"][1]
    maxima = a["maxima"]
    locs = [x for x in next(p for p in e["points"] if p["eta"] == eta)["exit_locations"]]
    n = len(locs)
    fields = [sum(1 for s in maxima if x >= s) for x in locs]
    for j in range(len(law)):
        f = fields.count(j) / n
        se = math.sqrt(max(law[j] * (1 - law[j]), 1e-12) / n)
        print(f"  exit to I_{j}: frequency {f:.4f}, theory {law[j]:.4f}, SE {se:.4f}, |diff|/SE {abs(f - law[j]) / se:.2f}")
a = json.load(open(f"{out}/analyze-none.json"))
pi = a["stationary"]
print(f"unclipped stationary law {np.round(pi, 4).tolist()}")
for eta in ("0.03", "0.01", "0.003"):
    s = json.load(open(f"{out}/occupation-{eta}.json"))
    fr = s["fractions"]
    tv = 0.5 * sum(abs(x - y) for x, y in zip(fr, pi))
    print(f"  eta {eta}: occupation {np.round(fr, 4).tolist()}, total variation {tv:.4f}")
PY
