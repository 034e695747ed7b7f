#!/usr/bin/env bash
# Wall time of the commands a person waits for, median of N runs (default 10), through ./andon as users
# run it (class-data sharing archive included). Start a practice fleet first for the dry run:
#   ./andon fleet --replicas 3 --port 18080 &   then   bench/cli-timings.sh 18080 <fleet-id>
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:?front port of a running practice fleet}"
fleet="${2:-}"
runs="${RUNS:-10}"
./andon --version >/dev/null   # builds on first use, outside the measurement
median() {
  local label="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-58s median %5d ms   min %5d ms   max %5d ms   (%d runs)\n' "$label" \
    "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$runs"
}
files=$(find experiments -name '*.yaml' -not -path '*/schema/*' -not -name '*answers*' | sort)
median "andon validate (all $(echo "$files" | wc -l) example files)" ./andon validate $files
median "andon validate experiments/local/quickstart.yaml" ./andon validate experiments/local/quickstart.yaml
median "andon run --dry-run quickstart (no store)" ./andon run experiments/local/quickstart.yaml --dry-run --no-store \
  --var port="$port" --var fleet="$fleet" --journal-dir /tmp/andon-bench-journals
median "andon run --dry-run quickstart (H2 store)" ./andon run experiments/local/quickstart.yaml --dry-run \
  --data-dir /tmp/andon-bench-store --var port="$port" --var fleet="$fleet" --journal-dir /tmp/andon-bench-journals
