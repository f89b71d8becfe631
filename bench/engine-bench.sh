#!/usr/bin/env bash
# Whole-process speed benchmark of the htsgd engine against its peers, all in the same run (issue #4):
#   - a plain C loop of the same recursion (bench/iclr_sgd.c, gcc -O3, no FMA contraction: same arithmetic),
#   - a numpy implementation vectorised over 10 paths (bench/iclr_numpy.py),
#   - htsgd simulate on 1 and 2 threads (JVM start-up included in the process wall time),
#   - memory: htsgd simulate at 1e6, 1e7 and 1e8 steps under -Xmx32m (peak RSS reported),
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
PY=python3
$PY -c 'import numpy' 2>/dev/null || PY=/usr/bin/python3
$PY -c 'import numpy' || { echo "numpy missing: apt-get install -y python3-numpy" >&2; exit 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLI="$ROOT/htsgd-cli/target/htsgd-cli.jar"

record() { # tag json
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "{\"tag\": \"$1\", \"load\": $load, \"result\": $2}" >> "$RAW"
}
now() { date +%s.%N; }
sim() { # threads paths steps [java opts]
  local t0 t1 j
  t0=$(now)
  j=$("$JAVA" --add-modules jdk.incubator.vector ${4:-} -Dai.djl.offline=true -jar "$CLI" simulate ${5:-} --landscape iclr1d --noise pareto --alpha 1.2 \
      --scale 0.1 --clip 0.5 --eta 0.001 --x0 0.3 --steps "$3" --paths "$2" --threads "$1" --format json --quiet)
  t1=$(now)
  echo "$j" | $PY -c "import json,sys; d=json.load(sys.stdin); print(json.dumps({k: d[k] for k in ['steps_per_second','steps_per_cpu_second','seconds','threads','total_steps','fractions','engine']} | {'process_seconds': $t1 - $t0}))"
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
done

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
s = {
  "machine": {"cores": os.cpu_count(), "load_min": min(loads), "load_max": max(loads)},
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
print(json.dumps(s, indent=2))
PYEOF
