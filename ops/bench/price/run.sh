#!/usr/bin/env bash
# Price-check benchmark (issue 28, docs/benchmarks.md "Price checks"): figures over N observed items
# (compliance by each dimension, repeat deviators, border gaps) and the import of an R-row XLSX
# check sheet, in one JVM with the node's classes of this tree.
# Usage: ops/bench/price/run.sh [N] [R] [queries] [heap]   (defaults 1000000, 10000, 200, 2g)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-1000000}"
R="${2:-10000}"
Q="${3:-200}"
HEAP="${4:-2g}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# the modules from this tree (no install into the shared ~/.m2), and the XLSX writer the tests use
mvn -B -ntp -o -q -pl api,crypto,search,node -DskipTests -Dspotless.check.skip=true package org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
writer="$(ls "$m2"/org/dhatim/fastexcel/*/fastexcel-*.jar | tail -1):$(ls "$m2"/com/github/rzymek/opczip/*/opczip-*.jar | tail -1)"
cp="api/target/classes:crypto/target/classes:search/target/classes:node/target/classes:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:):$writer"
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
echo "# command: ops/bench/price/run.sh $N $R $Q $HEAP"
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -Duser.timezone=UTC -cp "$cp" ops/bench/price/PriceBench.java "$N" "$R" "$Q"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
