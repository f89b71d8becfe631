#!/usr/bin/env bash
# Our 2 step on LeNet: htsgd (DJL + PyTorch engine) vs a plain PyTorch loop in Python, same threads and batches,
# interleaved in one run. Usage: htsgd-bench/bench/dl-speed.sh [THREADS=1] [STEPS=100] [ROUNDS=3] [LARGE=256]
# Default MODE=paired: bench/paired.py alternates blocks of BLOCK (20) steps in ROUNDS_PAIRED (15) palindromic rounds
# and prints the median per-round ratio as JSON; MODE=blocks: the older best-of-ROUNDS blocks of STEPS, twice.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
T=${1:-1}; STEPS=${2:-100}; ROUNDS=${3:-3}; LARGE=${4:-256}; WARM=${WARM:-20}
PY=${PYTHON:-/usr/bin/python3}
"$PY" -c "import torch" 2>/dev/null || { echo "needs PyTorch for $PY (Debian: apt-get install python3-torch)" >&2; exit 2; }
( cd "$ROOT" && ./mvnw -o -q -B -DskipTests package -pl htsgd-bench -am >&2 )
# as the htsgd launcher: float32 oneDNN convolutions are wrong on some CPUs unless capped (dl.model.ConvolutionCheck
# refuses to train there); exported, so the PyTorch loop runs under the same cap
export ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-SSE41}"
CP="$ROOT/htsgd-bench/target/htsgd-bench.jar:$ROOT/htsgd-bench/target/lib/*"
if [ "${MODE:-paired}" = paired ]; then   # both as block servers, alternated round by round
  exec "$PY" "$ROOT/htsgd-bench/bench/paired.py" "$CP" "$T" "${BLOCK:-20}" "${ROUNDS_PAIRED:-15}" "$LARGE" "$WARM" 2> >(grep -v "^\[W" >&2)
fi
for rep in $(seq 1 ${REPS:-2}); do   # MODE=blocks: interleave the two implementations, twice
  # PyTorch's C++ warnings off, errors kept (a refusal must not pass for an empty result)
  java -cp "$CP" dev.htsgd.bench.dl.Our2StepBench "$T" "$STEPS" "$WARM" "$ROUNDS" "$LARGE" 2> >(grep -v '^\[W' >&2)
  "$PY" "$ROOT/htsgd-bench/bench/our2_step.py" "$T" "$STEPS" "$WARM" "$ROUNDS" "$LARGE"
done
