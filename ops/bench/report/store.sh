#!/usr/bin/env bash
# Quarterly report from the store (issue 30, docs/benchmarks.md "Quarterly report from the store"):
# N signed cases seeded in bulk into a real SQLite store file (kept in target/bench-report and
# reused by later runs of the same N), N price observations in the price book, then a fresh JVM that
# opens the store and asks for a quarter's report as the node does (ReportFacts catching up with the
# change log, the engine, the canonical JSON): the first report after start and ROUNDS warm ones,
# each after one more committed case; baselines: a raw SQLite scan of the case rows, and once the
# old per-report read (every case read and parsed).
# Usage: ops/bench/report/store.sh [N] [rounds] [heap]   (defaults 1000000, 11, 4g)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-1000000}"
ROUNDS="${2:-11}"
HEAP="${3:-4g}"
cp_file="$(mktemp)"
classes="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$classes"' EXIT
# the modules from this tree (no install into the shared ~/.m2)
mvn -B -ntp -o -q -pl api,crypto,search,fixtures,node -DskipTests -Dspotless.check.skip=true package org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
# a copy of this tree's classes: a build started while the benchmark runs does not change them
for m in api crypto search node; do cp -r "$m/target/classes" "$classes/$m"; done
cp="$classes/api:$classes/crypto:$classes/search:$classes/node:$(tr ':' '\n' < "$cp_file" | grep -v liaison | paste -sd:)"
mkdir "$classes/bench"
javac -nowarn -d "$classes/bench" -cp "$cp" ops/bench/price/PriceBench.java ops/bench/report/ReportBench.java ops/bench/report/ReportStoreBench.java
run() { java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC ${REPORT_BENCH_JAVA_OPTS:-} -Duser.timezone=UTC -cp "$classes/bench:$cp" ReportStoreBench "$@"; }
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"
echo "# command: ops/bench/report/store.sh $N $ROUNDS $HEAP"
mkdir -p target/bench-report
db="target/bench-report/store-$N.db"
if [ ! -f "$db.done" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  run seed "$db" "$N"
  touch "$db.done"
else
  echo "# reusing the seeded store $db"
fi
# a fresh JVM: the first report is the first after start
run measure "$db" "$N" "$ROUNDS"
echo "# load at the end $(cut -d' ' -f1-3 /proc/loadavg)"
