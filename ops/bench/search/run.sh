#!/usr/bin/env bash
# Search benchmark (issue 7): rebuild N generated cases into a CaseIndex, incremental upserts and
# freshness, identifier lookups and full-text + filters + facets, each against a bare Lucene query
# of the same shape on the same index.
# Usage: ops/bench/search/run.sh [N] [heap]   (defaults 1000000, 2g)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
N="${1:-1000000}"
HEAP="${2:-2g}"
mvn -B -ntp -q -pl api install -DskipTests
mvn -B -ntp -q -pl search compile
cp_file="$(mktemp)"
index_dir="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$index_dir"' EXIT
mvn -B -ntp -q -pl search dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
echo "# $(nproc) cpus: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "# $(java -version 2>&1 | head -1)"
echo "# command: ops/bench/search/run.sh $N $HEAP"
java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -cp "search/target/classes:$(cat "$cp_file")" \
  ops/bench/search/SearchBench.java "$N" "$index_dir/index"
