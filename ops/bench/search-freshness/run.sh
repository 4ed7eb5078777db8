#!/usr/bin/env bash
# Search freshness (issue 7): cases posted on node A at a fixed rate until searchable on node B,
# node JVMs on loopback, real HTTP API. Prints POST latency on A and freshness p50/p90/p99/max.
# Usage: ops/bench/search-freshness/run.sh [rate=200] [seconds=60] [warmup=10] [nodes=3]
#                                          [xmx=384m] [pollMs=5] [dir=/tmp/...]
set -euo pipefail
source "$(dirname "$0")/../src/main/sh/prepare.sh"
echo "# $(nproc) cpus; $(free -g | awk '/Mem:/ {print $2 " GiB memory, " $7 " GiB available"}'); $(java -version 2>&1 | head -1); commit $BENCH_COMMIT; load $(cut -d' ' -f1-3 /proc/loadavg)"
exec timeout --signal=TERM 20m java -Xmx256m -cp "$BENCH_CP" \
  "$(dirname "$0")/FreshnessBench.java" "$@"
