#!/usr/bin/env bash
# The receiving node's indexer on its own (CaseIndex + LinkEngine, one thread) fed the freshness
# bench's cases: thread CPU per case per block. Usage: ops/bench/search-freshness/indexer.sh
# [total=8000] [block=1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl api install -DskipTests
mvn -B -ntp -q -pl search compile
cp_file="$(mktemp)"
work="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$work"' EXIT
mvn -B -ntp -q -pl search dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
echo "# $(nproc) cpus; $(java -version 2>&1 | head -1); commit $(git rev-parse --short HEAD)$(git diff --quiet -- search || echo +changes); load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xms512m -Xmx512m -XX:+UseG1GC -cp "search/target/classes:$(cat "$cp_file")" \
  ops/bench/search-freshness/IndexerBench.java dir="$work" "$@"
