#!/usr/bin/env bash
# Link engine benchmark (issue 8, docs/benchmarks.md "Linking"): full relink of N generated cases,
# then incremental linking of M further cases into that index (per-case wall and CPU time), then
# a reopen that reads the stored links back.
# Usage: ops/bench/link/run.sh [N] [M] [heap]   (defaults 200000, 2000, 2g)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-200000}"
M="${2:-2000}"
HEAP="${3:-2g}"
mvn -B -ntp -q -pl api install -DskipTests
mvn -B -ntp -q -pl search compile
cp_file="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$work"' EXIT
mvn -B -ntp -q -pl search dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1)"
echo "# command: ops/bench/link/run.sh $N $M $HEAP"
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -cp "search/target/classes:$(cat "$cp_file")" \
  ops/bench/link/LinkBench.java "$N" "$M" "$work"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
