#!/usr/bin/env bash
# Whole-process speed benchmark of the htsgd engine against its peers, all in the same run (issue #4):
#   - a plain C loop of the same recursion (bench/iclr_sgd.c, gcc -O3, no FMA contraction: same arithmetic),
#   - a numpy implementation vectorised over 10 paths (bench/iclr_numpy.py),
#   - htsgd simulate on 1 and 2 threads (JVM start-up included in the process wall time),
#   - memory: htsgd simulate at 1e6, 1e7 and 1e8 steps under -Xmx32m (peak RSS reported),
#   - issue 15, the vector engine: simulate --paths 16 --engine vector on 1 and 2 threads against the scalar C loop
#     (-O3 -march=native), the C loop over 8 lanes with glibc's vector math and the scalar engine; the same at 64
#     paths; at ten times the steps (the JIT compiler's warm-up amortised); an expr: landscape (x^4/10 - x^2) on
#     lanes against the C loop of that formula (-DQUARTIC; also at ten times the steps) and against the scalar engine; rare-event (LD Table 2.1,
#     eta 1/1000, 1e5 paths) on lanes against the scalar engine. Ratios per round, median. warm_up: per round, the
#     fixed CPU cost of a vector run and its steady rate (from its 1e7- and 1e8-step runs), beside the CPU budget of
#     the 1e7-step target and the steady rate that target would need.
#   - optionally (--jmh) the JMH benchmark EngineBenchmark with the gc profiler (allocation per step).
# Configuration: iclr1d, Pareto alpha = 1.2, c = 0.1, b = 0.5, eta = 0.001, X_0 = 0.3.
# Rates are reported per wall second and per CPU second (the machine may be shared: the load average is
# recorded beside each round, and best-of-rounds is used). Output: bench/results/engine-bench.json + .md
# Usage: bench/engine-bench.sh [ROUNDS=3] [--jmh]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
JMH=0
for a in "$@"; do [[ "$a" == "--jmh" ]] && JMH=1; done
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
RAW="$OUT/engine-bench-raw.jsonl"
: > "$RAW"
STEPS=10000000
NP_STEPS=20000

echo "building..." >&2
( cd "$ROOT" && ./mvnw -q -B -DskipTests package -pl htsgd-cli,htsgd-bench -am >&2 )
CBIN="$ROOT/bench/target/iclr_sgd"
mkdir -p "$ROOT/bench/target"
gcc -O3 -ffp-contract=off -o "$CBIN" "$ROOT/bench/iclr_sgd.c" -lm
# issue 15 peers: the scalar single-path loop -O3 -march=native, and the 8-lane loop with glibc's vector math
CNAT="$ROOT/bench/target/iclr_sgd_native"
C8="$ROOT/bench/target/iclr_sgd8"
gcc -O3 -march=native -o "$CNAT" "$ROOT/bench/iclr_sgd.c" -lm
gcc -O3 -march=native -ffast-math -fopenmp-simd -o "$C8" "$ROOT/bench/iclr_sgd8.c" -lm -lmvec
# the expr: peer: the same loop on x^4/10 - x^2 (its derivative written out in C), unbounded
CQ="$ROOT/bench/target/quartic_sgd_native"
gcc -O3 -march=native -DQUARTIC -o "$CQ" "$ROOT/bench/iclr_sgd.c" -lm
EXPR='expr:x^4/10-x^2'
PY=python3
$PY -c 'import numpy' 2>/dev/null || PY=/usr/bin/python3
$PY -c 'import numpy' || { echo "numpy missing: apt-get install -y python3-numpy" >&2; exit 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
VOPTS="@$ROOT/htsgd-core/src/main/resources/dev/htsgd/dynamics/vector-engine.options"  # the launcher's flags for the vector engine
CLI="$ROOT/htsgd-cli/target/htsgd-cli.jar"

record() { # tag json
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "{\"tag\": \"$1\", \"load\": $load, \"result\": $2}" >> "$RAW"
}
now() { date +%s.%N; }
sim() { # threads paths steps [java opts] [htsgd options]
  local t0 t1 j gc=""
  # the launcher's flags: the vector engine runs under the serial collector (see ./htsgd)
  [[ "${5:-}" == *"--engine vector"* ]] && gc=-XX:+UseSerialGC
  t0=$(now)
  j=$("$JAVA" "$VOPTS" $gc ${4:-} -Dai.djl.offline=true -jar "$CLI" simulate ${5:-} --landscape "${LAND:-iclr1d}" --noise pareto --alpha 1.2 \
      --scale 0.1 --clip 0.5 --eta 0.001 --x0 0.3 --steps "$3" --paths "$2" --threads "$1" --format json --quiet)
  t1=$(now)
  echo "$j" | $PY -c "import json,sys; d=json.load(sys.stdin); print(json.dumps({k: d[k] for k in ['steps_per_second','steps_per_cpu_second','seconds','threads','total_steps','fractions','engine','lanes'] if k in d} | {'process_seconds': $t1 - $t0}))"
}

rare() { # engine: htsgd rare-event on one thread, its in-process seconds as a rate of path-steps
  "$JAVA" "$VOPTS" $([[ "$1" == vector ]] && echo -XX:+UseSerialGC) -Dai.djl.offline=true -jar "$CLI" rare-event --etas 1/1000 --samples 100000 \
      --threads 1 --engine "$1" --format json --quiet | $PY -c "import json,sys; d=json.load(sys.stdin); p=d['points'][0]; print(json.dumps({'engine': d['engine'], 'seconds': d['seconds'], 'estimate': p['estimate'], 'stderr': p['stderr'], 'steps': p['steps'], 'steps_per_second': p['steps'] / d['seconds'], 'steps_per_cpu_second': p['steps'] / d['seconds']}))"
}

for r in $(seq 1 "$ROUNDS"); do
  echo "round $r/$ROUNDS (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  record c "$("$CBIN" "$STEPS" 1 0.5)"
  record java1 "$(sim 1 2 "$STEPS")"
  record java2 "$(sim 2 2 "$STEPS")"
  record c2paths "$("$CBIN" "$STEPS" 2 0.5)"
  record cnative "$("$CNAT" "$STEPS" 1 0.5)"
  record c8lanes "$("$C8" "$STEPS" 16 0.5)"
  record vec16t1 "$(sim 1 16 "$STEPS" "" "--engine vector")" 2>/dev/null
  record vec16t2 "$(sim 2 16 "$STEPS" "" "--engine vector")" 2>/dev/null
  record sca16t1 "$(sim 1 16 "$STEPS" "" "--engine scalar")" 2>/dev/null
  record numpy "$($PY "$ROOT/bench/iclr_numpy.py" "$NP_STEPS" 10 0.5)"
  # lanes per thread: 64 paths give each of 2 threads four vectors (the latency of one step is hidden)
  record vec64t1 "$(sim 1 64 "$STEPS" "" "--engine vector")" 2>/dev/null
  record vec64t2 "$(sim 2 64 "$STEPS" "" "--engine vector")" 2>/dev/null
  # the expr: landscape on lanes (LaneTape), its scalar engine (a tenth of the steps: it is slow) and its C loop
  record cquartic "$("$CQ" "$STEPS" 1 0.5)"
  record expr16t1 "$(LAND="$EXPR" sim 1 16 "$STEPS" "" "--engine vector")" 2>/dev/null
  record exprsca16t1 "$(LAND="$EXPR" sim 1 16 "$((STEPS / 10))" "" "--engine scalar")" 2>/dev/null
  # rare events (LD Table 2.1 at eta 1/1000, importance sampling, 100,000 paths): lanes against the scalar engine
  record rare_scalar "$(rare scalar)" 2>/dev/null
  record rare_vector "$(rare vector)" 2>/dev/null
  # steady state: ten times the steps, so that the JIT compiler's warm-up (about 1-2 s) weighs a tenth as much
  record cnativelong "$("$CNAT" "$((STEPS * 10))" 1 0.5)"
  record vec16t1long "$(sim 1 16 "$((STEPS * 10))" "" "--engine vector")" 2>/dev/null
  record vec16t2long "$(sim 2 16 "$((STEPS * 10))" "" "--engine vector")" 2>/dev/null
  record cquarticlong "$("$CQ" "$((STEPS * 10))" 1 0.5)"
  record expr16t1long "$(LAND="$EXPR" sim 1 16 "$((STEPS * 10))" "" "--engine vector")" 2>/dev/null
  # thread scaling in steady state: during the warm-up one block runs alone (LaneWarmUp), so short runs understate it
  record vec64t1long "$(sim 1 64 "$((STEPS * 10))" "" "--engine vector")" 2>/dev/null
  record vec64t2long "$(sim 2 64 "$((STEPS * 10))" "" "--engine vector")" 2>/dev/null
done

echo "rare events, steady state..." >&2
record rare_steady "$("$JAVA" "$VOPTS" -XX:+UseSerialGC -cp "$ROOT/htsgd-bench/target/htsgd-bench.jar:$ROOT/htsgd-bench/target/lib/*" \
    dev.htsgd.bench.RareEventEngineTiming 7 50000 2 2>/dev/null)"

echo "memory..." >&2
for n in 1000000 10000000 100000000; do
  rss=$( { /usr/bin/time -f "%M" "$JAVA" -Xmx32m -Dai.djl.offline=true -jar "$CLI" simulate --landscape iclr1d --noise pareto \
      --alpha 1.2 --scale 0.1 --clip 0.5 --eta 0.001 --x0 0.3 --steps "$n" --paths 1 --threads 1 --quiet --format json \
      > /dev/null; } 2>&1 | tail -1 )
  record "memory-$n" "{\"steps\": $n, \"xmx_mb\": 32, \"peak_rss_kb\": $rss}"
done

if [[ $JMH == 1 ]]; then
  echo "JMH..." >&2
  "$JAVA" -Djmh.ignoreLock=true -jar "$ROOT/htsgd-bench/target/htsgd-bench.jar" EngineBenchmark -prof gc -rf json -rff "$OUT/engine-jmh.json" >&2
fi

$PY - "$RAW" "$OUT" "$JMH" <<'PYEOF'
import json, sys, os
raw, out, jmh = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
rows = [json.loads(l) for l in open(raw)]
def best(tag, key):
    v = [r["result"][key] for r in rows if r["tag"] == tag]
    return max(v) if v else None
loads = [r["load"] for r in rows]
def cpu():
    """the CPU model and whether it has AVX-512 (the vector engine's width K follows it: 8 doubles, else 4 with AVX2)"""
    info = {}
    for line in open("/proc/cpuinfo"):
        k, _, v = line.partition(":")
        info.setdefault(k.strip(), v.strip())  # the first processor's
    model = "%s (%s, family %s, model %s)" % (info.get("model name"), info.get("vendor_id"), info.get("cpu family"),
                                             info.get("model"))
    return model, "avx512f" in info.get("flags", "").split()
model, avx512 = cpu()
lanes = next((r["result"].get("lanes") for r in rows if r["tag"] == "vec16t1" and "lanes" in r["result"]), None)
s = {
  "machine": {"cores": os.cpu_count(), "cpu": model, "avx512": avx512, "vector_lanes_K": lanes,
              "load_min": min(loads), "load_max": max(loads)},
  "c_steps_per_cpu_second": best("c", "steps_per_cpu_second"),
  "c_steps_per_second": best("c", "steps_per_second"),
  "java1_steps_per_cpu_second": best("java1", "steps_per_cpu_second"),
  "java1_steps_per_second": best("java1", "steps_per_second"),
  "java2_steps_per_second": best("java2", "steps_per_second"),
  "java2_steps_per_cpu_second": best("java2", "steps_per_cpu_second"),
  "numpy_steps_per_cpu_second": best("numpy", "steps_per_cpu_second"),
  "numpy_steps_per_second": best("numpy", "steps_per_second"),
  # issue 15: the vector engine (16 paths) against its peers, as ratios of per-CPU-second rates
  "vector16_t1_steps_per_cpu_second": best("vec16t1", "steps_per_cpu_second"),
  "vector16_t2_steps_per_second": best("vec16t2", "steps_per_second"),
  "vector_vs_c_native_single_path": best("vec16t1", "steps_per_cpu_second") / best("cnative", "steps_per_cpu_second"),
  "vector_vs_c_8lane_vector_math": best("vec16t1", "steps_per_cpu_second") / best("c8lanes", "steps_per_cpu_second"),
  "vector_vs_scalar_engine": best("vec16t1", "steps_per_cpu_second") / best("sca16t1", "steps_per_cpu_second"),
  "vector_speedup_1_to_2_threads": best("vec16t2", "steps_per_second") / best("vec16t1", "steps_per_second"),
}
def per_round(a, b, key="steps_per_cpu_second"):
    """median over rounds of a/b, each ratio from the same round (rows alternate peers within a round)"""
    xa = [r["result"][key] for r in rows if r["tag"] == a]
    xb = [r["result"][key] for r in rows if r["tag"] == b]
    q = sorted(x / y for x, y in zip(xa, xb))
    return {"median": q[len(q) // 2] if len(q) % 2 else (q[len(q) // 2 - 1] + q[len(q) // 2]) / 2,
            "min": q[0], "max": q[-1], "rounds": len(q)} if q else None
s["per_round"] = {
  "vector16_vs_c_native": per_round("vec16t1", "cnative"),
  "vector16_vs_c_native_10x_steps": per_round("vec16t1long", "cnativelong"),
  "vector16_vs_c_8lane_vector_math": per_round("vec16t1", "c8lanes"),
  "vector16_vs_scalar_engine": per_round("vec16t1", "sca16t1"),
  "vector16_1_to_2_threads": per_round("vec16t2", "vec16t1", "steps_per_second"),
  "vector16_1_to_2_threads_10x_steps": per_round("vec16t2long", "vec16t1long", "steps_per_second"),
  "vector64_vs_c_native": per_round("vec64t1", "cnative"),
  "vector64_1_to_2_threads": per_round("vec64t2", "vec64t1", "steps_per_second"),
  "vector64_1_to_2_threads_10x_steps": per_round("vec64t2long", "vec64t1long", "steps_per_second"),
  "expr16_vs_c_formula": per_round("expr16t1", "cquartic"),
  "expr16_vs_c_formula_10x_steps": per_round("expr16t1long", "cquarticlong"),
  "expr16_vs_scalar_engine": per_round("expr16t1", "exprsca16t1"),
  "rare_event_vector_vs_scalar": per_round("rare_vector", "rare_scalar"),
}
def warm_up(short, long_, peer, target):
    """per round, the run's CPU seconds as F + N / S from its runs of N and 10 N steps (F: the fixed cost of the JVM,
    the JIT compiler and the code it runs until then; S: the steady rate), the CPU seconds the N-step run may take to
    be target x the peer of its round, and the steady rate it would need for that with the same F (None where F alone
    is over the budget). Two points, so a machine whose speed drifts between the two runs misleads it (on the AVX2
    machine of run E it gave negative F in two rounds): read it beside the raw rounds"""
    res = []
    xs = [r["result"] for r in rows if r["tag"] == short]
    xl = [r["result"] for r in rows if r["tag"] == long_]
    xp = [r["result"]["steps_per_cpu_second"] for r in rows if r["tag"] == peer]
    for a, b, p in zip(xs, xl, xp):
        na, nb = a["total_steps"], b["total_steps"]
        ca, cb = na / a["steps_per_cpu_second"], nb / b["steps_per_cpu_second"]
        steady = (nb - na) / (cb - ca)
        fixed = ca - na / steady
        budget = na / (target * p)
        res.append({"fixed_cpu_seconds": fixed, "steady_steps_per_cpu_second": steady, "cpu_seconds": ca,
                    "budget_cpu_seconds": budget, "peer_steps_per_cpu_second": p, "target": target,
                    "steady_needed": na / (budget - fixed) if budget > fixed else None})
    return res
# why the 1e7-step targets are short: the fixed cost against the budget (the ceiling's rate beside them)
s["warm_up"] = {"vector16": warm_up("vec16t1", "vec16t1long", "cnative", 3),
                "expr16": warm_up("expr16t1", "expr16t1long", "cquartic", 2),
                "ceiling_steps_per_cpu_second": [r["result"]["steps_per_cpu_second"] for r in rows if r["tag"] == "c8lanes"]}
s["rare_event_steady_state"] = next((r["result"] for r in rows if r["tag"] == "rare_steady"), None)
s["ratio_java_vs_c_per_core_cpu"] = s["java1_steps_per_cpu_second"] / s["c_steps_per_cpu_second"]
s["ratio_java_vs_c_wall"] = s["java1_steps_per_second"] / s["c_steps_per_second"]
s["speedup_1_to_2_threads_wall"] = s["java2_steps_per_second"] / s["java1_steps_per_second"]
s["ratio_java_vs_numpy_per_core_cpu"] = s["java1_steps_per_cpu_second"] / s["numpy_steps_per_cpu_second"]
s["ratio_java_all_threads_vs_numpy_wall"] = s["java2_steps_per_second"] / s["numpy_steps_per_second"]
s["memory"] = [r["result"] for r in rows if r["tag"].startswith("memory")]
if jmh and os.path.exists(os.path.join(out, "engine-jmh.json")):
    s["jmh"] = [{"benchmark": b["benchmark"].split(".")[-1], "steps_per_second": b["primaryMetric"]["score"],
                 "error": b["primaryMetric"]["scoreError"],
                 "alloc_bytes_per_step": b.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")}
                for b in json.load(open(os.path.join(out, "engine-jmh.json")))]
json.dump(s, open(os.path.join(out, "engine-bench.json"), "w"), indent=2)
# the same run as a table to read: every per-round ratio (median and range), then the warm-up fit per round
md = ["# engine-bench: %s, K = %s, %s cores, load %s-%s" % (model, lanes, os.cpu_count(), min(loads), max(loads)), "",
      "| ratio (per round, same-round peer) | median | range | rounds |", "|---|---|---|---|"]
for k, v in s["per_round"].items():
    if v:
        md.append("| %s | %.3f | %.3f-%.3f | %d |" % (k, v["median"], v["min"], v["max"], v["rounds"]))
md += ["", "| warm-up fit | round | F (CPU-s) | S (M steps/CPU-s) | 1e7 budget (CPU-s) | S needed (M) |",
       "|---|---|---|---|---|---|"]
for k in ("vector16", "expr16"):
    for i, w in enumerate(s["warm_up"][k], 1):
        need = "%.1f" % (w["steady_needed"] / 1e6) if w["steady_needed"] else "over budget"
        md.append("| %s (%gx) | %d | %.2f | %.1f | %.2f | %s |" % (k, w["target"], i, w["fixed_cpu_seconds"],
                  w["steady_steps_per_cpu_second"] / 1e6, w["budget_cpu_seconds"], need))
open(os.path.join(out, "engine-bench.md"), "w").write("\n".join(md) + "\n")
print(json.dumps(s, indent=2))
PYEOF
