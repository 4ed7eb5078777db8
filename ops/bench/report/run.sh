#!/usr/bin/env bash
# Quarterly report benchmark (issue 30, docs/benchmarks.md "Quarterly report"): the report engine
# over N cases, N leads and N price observations (signed findings in a price book, built by
# ops/bench/price/PriceBench) for a quarter, its canonical JSON, and the regional view in one pass,
# in one JVM with the node's classes of this tree.
# Usage: ops/bench/report/run.sh [N] [rounds] [heap]   (defaults 1000000, 7, 3g)
# REPORT_BENCH_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=report.jfr,settings=profile).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-1000000}"
ROUNDS="${2:-7}"
HEAP="${3:-3g}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# the modules from this tree (no install into the shared ~/.m2)
mvn -B -ntp -o -q -pl api,crypto,search,fixtures,node -DskipTests -Dspotless.check.skip=true package org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
writer="$(ls "$m2"/org/dhatim/fastexcel/*/fastexcel-*.jar | tail -1):$(ls "$m2"/com/github/rzymek/opczip/*/opczip-*.jar | tail -1)"
classes="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$classes"' EXIT
# a copy of this tree's classes: a build started while the benchmark runs does not change them
for m in api crypto search node; do cp -r "$m/target/classes" "$classes/$m"; done
cp="$classes/api:$classes/crypto:$classes/search:$classes/node:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:):$writer"
mkdir "$classes/bench"
javac -nowarn -d "$classes/bench" -cp "$cp" ops/bench/price/PriceBench.java ops/bench/report/ReportBench.java
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
echo "# command: ops/bench/report/run.sh $N $ROUNDS $HEAP"
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC ${REPORT_BENCH_JAVA_OPTS:-} -Duser.timezone=UTC -cp "$classes/bench:$cp" ReportBench "$N" "$ROUNDS"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
