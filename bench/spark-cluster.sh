#!/usr/bin/env bash
# htsgd sweep on a real Spark standalone cluster on 127.0.0.1 (one master, one worker with CORES cores, each its
# own JVM with Spark jars only) beside local[CORES] on the same sweep, then one long sweep on the cluster.
#   bench/spark-cluster.sh [STEPS_PER_PATH] [PATHS] [BIG_STEPS_PER_PATH] [BIG_PATHS]      (CORES=2 by default)
# Prints one JSON object (job time = job submitted to job end, executor start-up included; task time = first task
# start to last task end), and checks that the cluster's results equal local[CORES]'s. Stops what it started.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STEPS="${1:-2e7}"; PATHS="${2:-16}"; BIG_STEPS="${3:-5e7}"; BIG_PATHS="${4:-20}"; CORES="${CORES:-2}"
OUT="$(mktemp -d /tmp/htsgd-spark-cluster.XXXXXX)"
"$ROOT/htsgd" sweep --eta 0.1 --samples 1 --quiet --out "$OUT/warm" >/dev/null   # builds the CLI and htsgd-spark
mkdir -p "$OUT/spark-home/jars"                    # a Spark installation: the worker's executors use SPARK_HOME/jars
ln -s "$ROOT"/htsgd-spark/target/lib/*.jar "$OUT/spark-home/jars/"
ln -s "$ROOT"/htsgd-cli/target/lib/jackson-{core,databind,annotations}-*.jar "$OUT/spark-home/jars/"
OPENS="$(sed -n 's:.*<spark.jvm.opens>\(.*\)</spark.jvm.opens>.*:\1:p' "$ROOT/pom.xml")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port); WEB=$(free_port)
PIDS=()
cleanup() { for p in ${PIDS[@]+"${PIDS[@]}"}; do kill -- "-$p" 2>/dev/null || true; done; }
trap cleanup EXIT
spark() {  # spark NAME CLASS ARGS...: a Spark daemon in its own process group (its executors join it)
  local name="$1"; shift
  SPARK_LOCAL_IP=127.0.0.1 SPARK_HOME="$OUT/spark-home" SPARK_SCALA_VERSION=2.13 ONEDNN_MAX_CPU_ISA=SSE41 \
    setsid nice java -Xmx256m $OPENS -cp "$OUT/spark-home/jars/*" "$@" > "$OUT/$name.log" 2>&1 &
  PIDS+=($!)
}
alive() { curl -s "http://127.0.0.1:$WEB/json/" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("aliveworkers", 0))' 2>/dev/null || echo 0; }
spark master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port "$WEB"
for _ in $(seq 300); do curl -sf "http://127.0.0.1:$WEB/json/" >/dev/null && break; sleep 0.2; done
spark worker org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$CORES" --memory 2g \
  --work-dir "$OUT/work" "spark://127.0.0.1:$PORT"
for _ in $(seq 300); do [[ "$(alive)" == 1 ]] && break; sleep 0.2; done
[[ "$(alive)" == 1 ]] || { echo "the worker did not register; see $OUT/worker.log" >&2; exit 1; }
MASTER="spark://127.0.0.1:$PORT"
SWEEP=(--experiment simulate --landscape iclr1d --noise pareto --alpha 1.2 --scale 0.1 --clip 0.5 --eta 0.001 --x0 0.3)
run() {  # run NAME ARGS...: one sweep, its JSON in $OUT/NAME.json and its process time in $OUT/NAME.time
  local name="$1"; shift; local s; s=$(date +%s.%N)
  nice "$ROOT/htsgd" sweep "${SWEEP[@]}" "$@" --quiet --format json --out "$OUT/$name" > "$OUT/$name.json"
  echo "$(date +%s.%N) - $s" | bc > "$OUT/$name.time"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)" >&2
run cluster-warm --paths 2 --steps 1e5 --master "$MASTER"                  # builds the application jar if stale
run local --paths "$PATHS" --steps "$STEPS" --master "local[$CORES]"
run cluster --paths "$PATHS" --steps "$STEPS" --master "$MASTER"
run big --paths "$BIG_PATHS" --steps "$BIG_STEPS" --master "$MASTER"
# the same small sweep submitted as spark-submit would (SparkSubmit from the Spark jars, the application jar):
# its stderr lines (Spark logs at WARN) and its config.yaml provenance
nice java $OPENS -cp "$OUT/spark-home/jars/*" org.apache.spark.deploy.SparkSubmit --master "$MASTER" \
  --class dev.htsgd.app.SweepApp "$ROOT/htsgd-app/target/htsgd-spark-app.jar" "${SWEEP[@]}" --paths 2 --steps 1e5 \
  --quiet --format json --out "$OUT/submit" > "$OUT/submit.json" 2> "$OUT/submit.err"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python3 - "$OUT" "$CORES" "$STEPS" "$PATHS" "$BIG_STEPS" "$BIG_PATHS" <<'PY'
import json, sys
out, cores = sys.argv[1], sys.argv[2]
def load(n):
    r = json.load(open(f"{out}/{n}.json")); t = r["tasks"]
    return {"master": r["master"], "tasks": t["total"], "total_steps": r.get("total_steps"),
            "job_seconds": round(t["job_seconds"], 2), "task_seconds": round(t["task_seconds"], 2),
            "steps_per_second_job": t.get("steps_per_second_job"), "steps_per_second_tasks": t.get("steps_per_second_tasks"),
            "process_seconds": round(float(open(f"{out}/{n}.time").read()), 2)}
strip = lambda n: {k: v for k, v in json.load(open(f"{out}/{n}.json")).items() if k not in ("tasks", "master")}
res = {"cores": int(cores), "sweep": {"steps": sys.argv[3], "paths": sys.argv[4]},
       "local": load("local"), "cluster": load("cluster"),
       "cluster_equals_local": strip("local") == strip("cluster"),
       "big": dict(load("big"), steps=sys.argv[5], paths=sys.argv[6]),
       "spark_submit": {"stderr_lines": len(open(f"{out}/submit.err").read().splitlines()),
                        "config_yaml_has_djl_version": "djl_version" in open(f"{out}/submit/config.yaml").read(),
                        "equals_cluster_warm": strip("submit") == strip("cluster-warm")}}
print(json.dumps(res, indent=2))
sys.exit(0 if res["cluster_equals_local"] else 1)
PY
