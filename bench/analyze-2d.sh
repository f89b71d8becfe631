#!/usr/bin/env bash
# Time of `htsgd analyze` on the 2-D landscapes (issue #14: himmelblau2d at b = 2.15 should stay under a minute on
# 2 cores), beside the 1-D iclr1d analysis in the same run as the peer: fields by gradient flow, radii, one-jump
# quadrature and the multi-jump Monte Carlo (default 4000 samples per field) against the 1-D closed forms.
# Each analysis runs in its own JVM, ROUNDS times (best of). Usage: bench/analyze-2d.sh [ROUNDS=2]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
H="$ROOT/htsgd"
ROUNDS=${1:-2}
"$H" --version >/dev/null  # builds the tool first if needed, outside the timings
time_of() {  # best wall-clock seconds of ROUNDS runs of: htsgd analyze ARGS
  local best=""
  for _ in $(seq 1 "$ROUNDS"); do
    local t0 t1 s
    t0=$(date +%s.%N)
    "$H" analyze "$@" --quiet --format json >/dev/null
    t1=$(date +%s.%N)
    s=$(echo "$t1 - $t0" | bc -l)
    if [[ -z "$best" ]] || (( $(echo "$s < $best" | bc -l) )); then best=$s; fi
  done
  printf '%.2f' "$best"
}
one=$(time_of --landscape iclr1d --noise pareto --alpha 1.2 --scale 0.1 --clip 0.5)
him=$(time_of --landscape himmelblau2d --clip 2.15)
wel=$(time_of --landscape wells2d --clip 1)
printf 'analyze iclr1d b=0.5 (peer): %s s\n' "$one"
printf 'analyze himmelblau2d b=2.15: %s s (%.1fx the 1-D analysis; target < 60 s)\n' "$him" "$(echo "$him / $one" | bc -l)"
printf 'analyze wells2d b=1: %s s (%.1fx the 1-D analysis)\n' "$wel" "$(echo "$wel / $one" | bc -l)"
