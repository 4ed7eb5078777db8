#!/usr/bin/env bash
# Quarterly report benchmark (issue 30, docs/benchmarks.md "Quarterly report"): the report engine
# over N cases and N leads for a quarter, its canonical JSON, and the regional view's work, in one
# JVM with the node's classes of this tree.
# Usage: ops/bench/report/run.sh [N] [rounds] [heap]   (defaults 1000000, 7, 3g)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-1000000}"
ROUNDS="${2:-7}"
HEAP="${3:-3g}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# the modules from this tree (no install into the shared ~/.m2)
mvn -B -ntp -o -q -pl api,crypto,search,node -DskipTests -Dspotless.check.skip=true package org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
cp="api/target/classes:crypto/target/classes:search/target/classes:node/target/classes:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:)"
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
echo "# command: ops/bench/report/run.sh $N $ROUNDS $HEAP"
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -Duser.timezone=UTC -cp "$cp" ops/bench/report/ReportBench.java "$N" "$ROUNDS"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
