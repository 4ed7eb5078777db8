#!/usr/bin/env bash
# Durability benchmark on 3 nodes on loopback, each in its own JVM:
#  - fsync: the same post load with the stores' PRAGMA synchronous FULL / NORMAL / OFF, interleaved,
#    next to raw SQLite insert+commit in the same modes on the same disk;
#  - coldstart: time to ready of nodes whose stores hold n real signed lead records; join=full (the
#    default) starts each joining node once the grid is whole again, join=early as soon as the node
#    before it is ready (joining a grid that is still being refilled).
# Takes ~15 minutes with the defaults; sizes=100000,300000,1000000 adds the 1M case (long).
# Usage: ops/bench/durability/run.sh [parts=fsync,coldstart] [sizes=100000,300000] [rounds=2]
#                                    [seconds=10] [warmup=3] [clients=8] [xmx=2g] [dir=/tmp/...]
#                                    [join=full|early]
set -euo pipefail
source "$(dirname "$0")/../src/main/sh/prepare.sh"
echo "# $(nproc) cpus; $(free -g | awk '/Mem:/ {print $2 " GiB memory, " $7 " GiB available"}'); $(java -version 2>&1 | head -1)"
echo "# store disk: $(df -hT "${TMPDIR:-/tmp}" | awk 'NR==2 {print $1 " " $2 ", " $5 " free"}')"
exec timeout --signal=TERM 3h java -Xmx1g -Dbench.commit="$BENCH_COMMIT" -cp "$BENCH_CP" \
  io.liaison.bench.durability.DurabilityBench "$@"
