#!/usr/bin/env bash
# Register import (issue 32): a bureau's case register (XLSX, Chinese column names) imported on node
# A of three node JVMs on loopback, timed until every case is searchable on the other two nodes and
# the last one linked there; CPU per shared record per node. Same-run baseline: the same kind of
# cases shared one POST /api/v1/cases at a time.
# Usage: ops/bench/import/run.sh [rows=100000] [baseline=3000] [inflight=16] [nodes=3] [xmx=768m]
#                                [dir=/tmp/...]
set -euo pipefail
source "$(dirname "$0")/../src/main/sh/prepare.sh"
echo "# $(nproc) cpus; $(free -g | awk '/Mem:/ {print $2 " GiB memory, " $7 " GiB available"}'); $(java -version 2>&1 | head -1); commit $BENCH_COMMIT; load $(cut -d' ' -f1-3 /proc/loadavg)"
exec timeout --signal=TERM 60m java -Xmx512m -cp "$BENCH_CP" \
  "$(dirname "$0")/ImportBench.java" "$@"
