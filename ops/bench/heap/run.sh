#!/usr/bin/env bash
# Live heap of 3 nodes (own JVMs, loopback) whose stores hold n withdrawn leads and n shared cases
# settled a month ago, after a full-cluster start and a full GC (#32, grid retention). With
# BENCH_NODE_CP set (see baseline below) the nodes run another build than the driver.
# Usage: ops/bench/heap/run.sh [n=100000] [xmx=2g] [dir=/tmp/...] [downgrade=false] [histogram=0]
#   histogram=K prints the K largest classes of node 0's live heap after the readings
# Same-run baseline against a build before the grid retention (e.g. ef4e65f), back to back:
#   ops/bench/heap/run.sh n=100000 && ops/bench/heap/run.sh baseline=ef4e65f n=100000
set -euo pipefail
baseline=""
args=()
for a in "$@"; do
  case "$a" in
    baseline=*) baseline="${a#baseline=}" ;;
    *) args+=("$a") ;;
  esac
done
if [[ -n "$baseline" ]]; then
  # the baseline's nodes: its own build; the driver (which fills and downgrades the stores): HEAD
  BENCH_CP_BASE="$(BENCH_NODE_COMMIT="$baseline" bash -c 'source "$0"/../src/main/sh/prepare.sh >&2; echo "$BENCH_CP"' "$(dirname "$0")")"
  export BENCH_NODE_CP="$BENCH_CP_BASE"
  args+=("downgrade=true")
fi
source "$(dirname "$0")/../src/main/sh/prepare.sh"
echo "# $(nproc) cpus; $(free -g | awk '/Mem:/ {print $2 " GiB memory, " $7 " GiB available"}'); $(java -version 2>&1 | head -1)"
echo "# nodes run: ${baseline:-$BENCH_COMMIT}"
exec timeout --signal=TERM 2h java -Xmx1g -Dbench.commit="$BENCH_COMMIT" -cp "$BENCH_CP" \
  io.liaison.bench.heap.HeapBench "${args[@]}"
