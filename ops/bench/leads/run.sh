#!/usr/bin/env bash
# Leads benchmark: 3 nodes on loopback, each in its own JVM; raw Hazelcast IMap.set and
# entry-processor claim on the nodes' own members (the baseline), HTTP post latency/throughput per
# node, contended claims; in interleaved rounds. Takes ~5 minutes with the defaults.
# Usage: ops/bench/leads/run.sh [rounds=3] [clients=8] [seconds=15] [warmup=5] [leads=150]
#                               [claimers=4] [window=4] [xmx=768m] [dir=/tmp/...]
#                               [parts=baseline,posts,claims] [prewarm=30] [claimwarm=150]
set -euo pipefail
source "$(dirname "$0")/../src/main/sh/prepare.sh"
echo "# $(nproc) cpus; $(free -g | awk '/Mem:/ {print $2 " GiB memory, " $7 " GiB available"}'); $(java -version 2>&1 | head -1)"
exec timeout --signal=TERM 40m java -Xmx512m -Dbench.commit="$BENCH_COMMIT" -cp "$BENCH_CP" \
  io.liaison.bench.leads.LeadsBench "$@"
