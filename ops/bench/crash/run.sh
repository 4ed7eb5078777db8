#!/usr/bin/env bash
# Ready after kill -9 (issue 32): one node with n real signed records in its store, killed with
# SIGKILL under a post load and restarted, on the checkpoint path and with the full integrity check
# forced (-Dliaison.store.check=always), alternately in the same run.
# Usage: ops/bench/crash/run.sh [n=300000] [rounds=2] [clients=4] [loadSeconds=8] [xmx=2g] [dir=/tmp/...]
set -euo pipefail
source "$(dirname "$0")/../src/main/sh/prepare.sh"
echo "# $(nproc) cpus; $(free -g | awk '/Mem:/ {print $2 " GiB memory, " $7 " GiB available"}'); $(java -version 2>&1 | head -1)"
echo "# store disk: $(df -hT "${TMPDIR:-/tmp}" | awk 'NR==2 {print $1 " " $2 ", " $5 " free"}')"
exec timeout --signal=TERM 3h java -Xmx1g -Dbench.commit="$BENCH_COMMIT" -cp "$BENCH_CP" \
  io.liaison.bench.durability.CrashBench "$@"
